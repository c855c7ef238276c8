import Foundation
import TelemetryModel

/// A k-NN index of telemetry records: the embedded HNSW store, or OpenSearch.
///
/// ## Guarantees every implementation gives (checked by the contract test suite)
/// - The document id is the record's `event_id`: upserting an id again replaces the document, so
///   re-delivered events never create duplicates.
/// - ``search(vector:k:filter:)`` returns hits best first by cosine similarity, and applies the
///   filter *inside* the search: when at least `k` documents match the filter, `k` hits come back,
///   however far those documents are from the query vector. (The reference blueprint searched
///   first and filtered afterwards, so a time window often came back empty.)
/// - Filters on fields that documents do not have throw
///   ``RetrievalError/unknownFilterField(_:)`` instead of silently matching nothing.
///
/// ```swift
/// try await store.upsert([IndexedDocument(record: record, vector: vector)])
/// let hits = try await store.search(vector: queryVector, k: 5, filter: SearchFilter(parsedQuery))
/// ```
public protocol VectorStore: Sendable {
    /// Inserts documents, replacing any stored document with the same id.
    ///
    /// - Throws: ``RetrievalError/dimensionMismatch(expected:actual:)`` or
    ///   ``RetrievalError/invalidVector(id:)``; nothing of the batch is stored then.
    func upsert(_ documents: [IndexedDocument]) async throws

    /// The `k` documents most similar to `vector` among those matching `filter`, best first.
    ///
    /// - Parameters:
    ///   - vector: The query vector; it is normalised, so its length does not matter.
    ///   - k: How many hits to return at most, at least 1.
    ///   - filter: The time window and field conditions (AND) documents must match.
    /// - Returns: `min(k, number of matching documents)` hits.
    func search(vector: [Float], k: Int, filter: SearchFilter) async throws -> [SearchHit]

    /// The `k` best documents matching `filter` for a question, ranking by both its vector and its
    /// words (`text`: exact terms such as codes and ids), fused by reciprocal rank, inside the same
    /// filter. Hits carry their cosine similarity, in fused order.
    func hybridSearch(vector: [Float], text: String, k: Int, filter: SearchFilter) async throws -> [SearchHit]

    /// How many documents are stored.
    func count() async throws -> Int

    /// The count, time span and breakdowns (vehicle, error code, level) of *every* document
    /// matching `filter`, not only the top k: what an answer's totals come from.
    ///
    /// - Parameter bucketLimit: The most buckets each breakdown keeps (the most frequent).
    /// - Throws: ``RetrievalError/unknownFilterField(_:)`` as ``search(vector:k:filter:)`` does.
    func summarize(filter: SearchFilter, bucketLimit: Int) async throws -> MatchSummary

    /// The number of documents and the oldest and newest timestamps.
    func stats() async throws -> VectorStoreStats

    /// Removes the documents with these ids; unknown ids are ignored.
    ///
    /// - Returns: How many documents were removed.
    @discardableResult
    func delete(ids: [String]) async throws -> Int
}

/// A record and its embedding, ready to index. The document id is `record.eventID`.
public struct IndexedDocument: Sendable, Equatable {
    /// The record, stored and returned with every hit.
    public var record: TelemetryRecord
    /// The embedding of ``TelemetryRecord/embeddingText``.
    public var vector: [Float]

    /// The document id: the record's `event_id`.
    public var id: String { record.eventID }

    /// Creates a document.
    public init(record: TelemetryRecord, vector: [Float]) {
        self.record = record
        self.vector = vector
    }
}

/// One search result.
public struct SearchHit: Sendable, Equatable {
    /// The stored record.
    public var record: TelemetryRecord
    /// Cosine similarity with the query, -1...1; higher is more similar.
    public var score: Float

    /// The document id: the record's `event_id`.
    public var id: String { record.eventID }

    /// Creates a hit.
    public init(record: TelemetryRecord, score: Float) {
        self.record = record
        self.score = score
    }
}

/// What a store holds, for `GET /api/stats`.
public struct VectorStoreStats: Sendable, Equatable {
    /// The number of documents.
    public var documents: Int
    /// The earliest document timestamp, or `nil` when the store is empty.
    public var oldest: Date?
    /// The latest document timestamp, or `nil` when the store is empty.
    public var newest: Date?

    /// Creates statistics.
    public init(documents: Int, oldest: Date?, newest: Date?) {
        self.documents = documents
        self.oldest = oldest
        self.newest = newest
    }
}
