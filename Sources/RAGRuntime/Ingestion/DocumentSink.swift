import Retrieval

/// Where the consumer indexes embedded records: a ``VectorStore``, or the query backend.
///
/// ``upsert(_:)`` must be idempotent by document id (`event_id`), so re-delivered records
/// replace themselves. ``persist()`` makes everything upserted so far durable; the consumer calls
/// it before it writes a checkpoint.
public protocol DocumentSink: Sendable {
    /// Inserts or replaces documents by id.
    func upsert(_ documents: [IndexedDocument]) async throws
    /// Makes every upsert so far durable (saves an embedded store; a no-op for remote stores).
    func persist() async throws
}

/// A ``VectorStore`` as a ``DocumentSink``; ``persist()`` runs the given save, if any.
///
/// ```swift
/// let sink = VectorStoreSink(store) { try store.save(to: storeDirectory) }
/// ```
public struct VectorStoreSink: DocumentSink {
    /// The store.
    public let store: any VectorStore
    private let save: @Sendable () async throws -> Void

    /// Wraps `store`.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - save: Makes the store durable; defaults to nothing (remote stores are durable).
    public init(_ store: any VectorStore, save: @escaping @Sendable () async throws -> Void = {}) {
        self.store = store
        self.save = save
    }

    /// Upserts into the store.
    public func upsert(_ documents: [IndexedDocument]) async throws {
        try await store.upsert(documents)
    }

    /// Runs the save.
    public func persist() async throws {
        try await save()
    }
}
