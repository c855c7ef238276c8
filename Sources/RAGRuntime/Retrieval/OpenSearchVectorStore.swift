import AWS
import Foundation
import Synchronization

/// A ``VectorStore`` over an OpenSearch (or OpenSearch Serverless) k-NN index.
///
/// Documents are the record's JSON plus its normalised vector in `embedding`, with `_id` =
/// `event_id`, so re-delivered events replace their document. With a client in
/// `.sourceField("doc_id")` mode (Serverless vector search collections, which reject custom
/// `_id`s) the id goes into `doc_id` and ``upsert(_:)`` first looks up which ids are stored and
/// skips them, so re-delivered events are not indexed twice. Searches put the filter *inside*
/// the `knn` clause ("efficient filtering"), so a time window returns `k` hits whenever `k`
/// documents match it. The index is created (``OpenSearchIndexMapping``, inner-product space) on
/// first use.
///
/// ```swift
/// let client = OpenSearchClient(http: http, index: "telemetry")
/// let store = OpenSearchVectorStore(client: client, dimensions: 1024)
/// try await store.upsert(documents)
/// let hits = try await store.search(vector: query, k: 5, filter: filter)
/// ```
///
/// ## Caveats
/// OpenSearch makes writes searchable at its next refresh (1 s by default), so a search right
/// after ``upsert(_:)`` may not see the new documents yet.
public struct OpenSearchVectorStore: VectorStore {
    /// The client, which names the index.
    public let client: OpenSearchClient
    /// The vector length of the index.
    public let dimensions: Int
    private let indexState = IndexState()

    /// Creates a store; nothing is sent until the first call.
    ///
    /// - Parameters:
    ///   - client: The client for the index.
    ///   - dimensions: The embedder's vector length.
    public init(client: OpenSearchClient, dimensions: Int) {
        self.client = client
        self.dimensions = dimensions
    }

    /// Creates the index unless this store has already done so; an existing index is kept.
    ///
    /// - Throws: ``AWS/AWSError`` when the index cannot be created.
    public func ensureIndex() async throws {
        guard !indexState.isReady else { return }
        try await client.createIndex(dimensions: dimensions)
        indexState.markReady()
    }

    /// Indexes documents with one `_bulk` request (retryable item failures are retried).
    ///
    /// - Throws: ``RetrievalError`` for bad vectors (nothing is sent then) or
    ///   ``RetrievalError/indexingFailed(ids:reason:)`` listing the documents rejected for good.
    public func upsert(_ documents: [IndexedDocument]) async throws {
        var sources = try documents.map { document in
            (id: document.id, source: try OpenSearchDocumentCoding.source(for: document, dimensions: dimensions))
        }
        guard !sources.isEmpty else { return }
        try await ensureIndex()
        if case .sourceField(let field) = client.idMode {
            // Serverless vector collections choose `_id` themselves, so indexing again would add a copy:
            // documents already stored under their id are skipped instead (a record never changes).
            let stored = try await storedIDs(sources.map(\.id), field: field)
            sources.removeAll { stored.contains($0.id) }
            guard !sources.isEmpty else { return }
        }
        let failures = try await client.bulk(documents: sources)
        guard failures.isEmpty else {
            let reasons = Set(failures.map { "\($0.type): \($0.reason)" }).sorted().joined(separator: "; ")
            throw RetrievalError.indexingFailed(ids: failures.map(\.id), reason: reasons)
        }
    }

    /// Which of `ids` are stored already, by a `terms` query on the id field.
    func storedIDs(_ ids: [String], field: String) async throws -> Set<String> {
        let body: AWSJSONValue = [
            "size": .integer(Int64(ids.count)), "_source": [.string(field)],
            "query": ["terms": .object([field: .array(ids.map(AWSJSONValue.string))])],
        ]
        let response = try await client.search(body: body)
        return Set(try OpenSearchHit.hits(in: response).compactMap { $0.source[field]?.stringValue })
    }

    /// The `k` nearest documents matching `filter`, from a `knn` query with the filter inside it.
    public func search(vector: [Float], k: Int, filter: SearchFilter) async throws -> [SearchHit] {
        guard k >= 1 else { throw RetrievalError.invalidResultCount(k) }
        guard vector.count == dimensions else {
            throw RetrievalError.dimensionMismatch(expected: dimensions, actual: vector.count)
        }
        guard let normalised = DotProduct.normalised(vector) else { throw RetrievalError.invalidVector(id: "query") }
        let body = OpenSearchDocumentCoding.knnQuery(
            vector: normalised, k: k, filter: try OpenSearchFilterTranslation.query(for: filter))
        try await ensureIndex()
        let response = try await client.search(body: body)
        return try OpenSearchHit.hits(in: response).prefix(k).map(OpenSearchDocumentCoding.hit(from:))
    }

    /// The number of documents (`_count`).
    public func count() async throws -> Int {
        try await ensureIndex()
        return try await client.count()
    }

    /// The number of documents and the `min`/`max` of `timestamp` (one aggregation query).
    public func stats() async throws -> VectorStoreStats {
        try await ensureIndex()
        let response = try await client.search(body: OpenSearchDocumentCoding.statsQuery)
        return OpenSearchDocumentCoding.stats(from: response)
    }

    /// Deletes documents with one `_bulk` request of `delete` actions.
    ///
    /// - Returns: How many documents were removed.
    /// - Throws: ``RetrievalError/indexingFailed(ids:reason:)`` for items that failed otherwise
    ///   than `not_found`.
    @discardableResult
    public func delete(ids: [String]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        try await ensureIndex()
        let (deleted, failures) = try await client.deleteDocuments(ids: ids)
        guard failures.isEmpty else {
            throw RetrievalError.indexingFailed(ids: failures.map(\.id), reason: "delete failed")
        }
        return deleted
    }
}

extension OpenSearchVectorStore {
    /// Whether the index is known to exist; shared by copies of a store.
    final class IndexState: Sendable {
        private let ready = Mutex(false)
        var isReady: Bool { ready.withLock { $0 } }
        func markReady() { ready.withLock { $0 = true } }
    }
}
