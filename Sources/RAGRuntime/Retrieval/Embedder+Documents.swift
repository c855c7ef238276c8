import TelemetryModel

extension Embedder {
    /// Embeds `records` as documents, `batchSize` at a time, and hands each batch of
    /// ``IndexedDocument``s to `body` in order (what a reindex and an evaluation index both do).
    ///
    /// - Throws: The embedder's error; ``RetrievalError/embeddingFailed(model:reason:)`` when it
    ///   returns a different number of vectors than texts; whatever `body` throws.
    public func embedDocuments(
        _ records: [TelemetryRecord], batchSize: Int = 256, _ body: ([IndexedDocument]) throws -> Void
    ) async throws {
        let size = max(1, batchSize)
        for start in stride(from: 0, to: records.count, by: size) {
            let batch = Array(records[start..<min(records.count, start + size)])
            let vectors = try await embed(batch.map(\.embeddingText), purpose: .document)
            guard vectors.count == batch.count else {
                throw RetrievalError.embeddingFailed(model: identity.model, reason: "\(vectors.count) vectors for \(batch.count) texts")
            }
            try body(zip(batch, vectors).map { IndexedDocument(record: $0, vector: $1) })
        }
    }
}
