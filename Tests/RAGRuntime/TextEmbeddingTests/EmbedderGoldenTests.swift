import Foundation
import Testing
import TextEmbedding

/// Sentence vectors against sentence-transformers: golden vectors that scripts/make-minilm-golden.py
/// computed once with PyTorch (committed in Fixtures/minilm-golden.json), so CI needs no PyTorch.
@Suite struct EmbedderGoldenTests {
    struct Golden: Decodable {
        var texts: [String]
        var vectors: [[Float]]
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            normA += Double(x) * Double(x)
            normB += Double(y) * Double(y)
        }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }

    @Test func everyGoldenVectorIsMatchedWithinOneTenThousandthCosine() throws {
        let embedder = try SentenceEmbedder(modelFolder: try ModelFolder.checked())
        let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: ModelFolder.fixtures.appending(path: "minilm-golden.json")))
        #expect(golden.texts.count >= 200)
        let vectors = embedder.embed(golden.texts, batchSize: 16)
        var worst: (cosine: Double, index: Int) = (1, -1)
        var failures: [String] = []
        for (index, vector) in vectors.enumerated() {
            #expect(vector.count == 384)
            let cosine = Self.cosine(vector, golden.vectors[index])
            if cosine < worst.cosine { worst = (cosine, index) }
            if cosine < 1 - 1e-4 { failures.append("#\(index) \(golden.texts[index].debugDescription.prefix(100)): cosine \(cosine)") }
        }
        print("golden vectors: \(vectors.count), minimum cosine \(worst.cosine) (#\(worst.index))")
        #expect(failures.isEmpty, "\(failures.count) of \(vectors.count) vectors differ:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test func theReferenceSanityPairsHaveTheirPublishedCosines() throws {
        let embedder = try SentenceEmbedder(modelFolder: try ModelFolder.checked())
        let vectors = embedder.embed(["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome"])
        #expect(abs(Self.cosine(vectors[0], vectors[1]) - 0.7553) <= 0.001)
        #expect(abs(Self.cosine(vectors[0], vectors[2]) - -0.0402) <= 0.001)
    }

    @Test func aTextEmbedsTheSameAloneAndInAPaddedBatch() throws {
        let embedder = try SentenceEmbedder(modelFolder: try ModelFolder.checked())
        let texts = ["VH-0042 engine temp 121.5C P0217 critical at 2026-12-02T08:00:00Z", "short", "a somewhat longer question about the fleet?"]
        let alone = texts.map { embedder.embed($0) }
        let padded = embedder.embed(embedder.tokenizer.encode(batch: texts))
        for (single, batched) in zip(alone, padded) {
            #expect(Self.cosine(single, batched) > 1 - 1e-6)
            #expect(abs(batched.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        }
    }

    @Test func aMissingModelFailsWithOneLineNamingTheFetchScript() {
        let folder = FileManager.default.temporaryDirectory.appending(path: "no-model-\(UUID().uuidString)")
        #expect {
            _ = try SentenceEmbedder(modelFolder: folder)
        } throws: { error in
            let line = "\(error)"
            return !line.contains("\n") && line.contains("scripts/fetch-minilm.sh") && line.contains(folder.path)
        }
    }
}
