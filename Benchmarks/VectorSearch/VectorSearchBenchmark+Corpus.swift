import ArgumentParser
import Foundation
import TextEmbedding

extension VectorSearchBenchmark {
    /// The corpus mode: record texts and query texts embedded with the real model, as `.npy` files.
    func runCorpus() throws {
        guard let out else { throw ValidationError("--mode corpus needs --out PREFIX") }
        guard let queryCount = Int(queries), queryCount > 0 else { throw ValidationError("--queries must be a positive count in corpus mode") }
        let count = self.count ?? 10_000
        let folder = modelDir ?? ProcessInfo.processInfo.environment["RAG_MINILM_DIR"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/rag-operator/models/all-MiniLM-L6-v2").path
        let embedder: SentenceEmbedder
        do {
            embedder = try SentenceEmbedder(modelFolder: URL(fileURLWithPath: folder))
        } catch {
            throw ValidationError("cannot load all-MiniLM-L6-v2 from \(folder) (scripts/fetch-minilm.sh fetches it): \(error)")
        }
        var corpus = SyntheticCorpus(seed: 42, dimensions: 384)
        let texts = corpus.records(count).map(\.embeddingText)
        let questions = SyntheticCorpus.queryTexts(queryCount)
        let start = ContinuousClock.now
        var base: [Float] = []
        base.reserveCapacity(count * 384)
        for first in stride(from: 0, to: texts.count, by: 1_000) {
            for vector in embedder.embed(Array(texts[first..<min(first + 1_000, texts.count)])) { base.append(contentsOf: vector) }
            print(String(format: "embedded %d of %d records (%.0f s)", min(first + 1_000, texts.count), texts.count, seconds(start.duration(to: .now))))
        }
        let queryVectors = embedder.embed(questions).flatMap { $0 }
        let columns = base.count / max(count, 1)
        try NPYFile(rows: count, columns: columns, values: base).write(to: "\(out)-base.npy")
        try NPYFile(rows: queryCount, columns: columns, values: queryVectors).write(to: "\(out)-queries.npy")
        print(String(format: "wrote %@-base.npy (%d x %d) and %@-queries.npy (%d) in %.0f s", out, count, columns, out, queryCount, seconds(start.duration(to: .now))))
    }
}
