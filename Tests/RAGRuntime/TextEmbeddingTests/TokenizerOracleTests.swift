import Foundation
import Testing
import TextEmbedding

/// Token ids against Hugging Face `tokenizers` (the Rust implementation behind sentence-transformers),
/// over the same `tokenizer.json`, on every text of ``OracleTexts``.
@Suite struct TokenizerOracleTests {
    @Test func everyTextEncodesToTheSameIDsAsHuggingFaceTokenizers() async throws {
        let folder = try ModelFolder.checked()
        let tokenizer = try WordPieceTokenizer(contentsOf: folder.appending(path: "tokenizer.json"))
        let texts = OracleTexts.all()
        #expect(texts.count >= 1_000)
        print("tokenizer oracle: comparing \(texts.count) texts with Hugging Face tokenizers")

        let scratch = FileManager.default.temporaryDirectory.appending(path: "tokenizer-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let textsFile = scratch.appending(path: "texts.json"), idsFile = scratch.appending(path: "ids.json")
        try JSONEncoder().encode(texts).write(to: textsFile)
        try await PythonScript.run([
            ModelFolder.fixtures.appending(path: "tokenize_oracle.py").path,
            folder.appending(path: "tokenizer.json").path, textsFile.path, idsFile.path, "256",
        ])
        let expected = try JSONDecoder().decode([[Int32]].self, from: Data(contentsOf: idsFile))
        try #require(expected.count == texts.count)

        var mismatches: [String] = []
        for (index, text) in texts.enumerated() {
            let ids = tokenizer.encode(text)
            guard ids != expected[index] else { continue }
            let first = (0..<min(ids.count, expected[index].count)).first { ids[$0] != expected[index][$0] } ?? min(ids.count, expected[index].count)
            mismatches.append(
                "#\(index) \(text.debugDescription.prefix(160)): first difference at \(first): "
                    + "ours \(ids[first...].prefix(8)) (\(ids.count) ids), tokenizers \(expected[index][first...].prefix(8)) (\(expected[index].count) ids)"
            )
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(texts.count) texts differ:\n\(mismatches.prefix(25).joined(separator: "\n"))")
        #expect(expected.contains { $0.count == 256 }, "some texts must reach the 256-token truncation")
    }
}
