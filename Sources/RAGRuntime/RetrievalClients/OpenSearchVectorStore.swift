import AWS
import Foundation
import Synchronization
import Retrieval

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
    private let recentlyIndexed = RecentIDs(capacity: 200_000)

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
            // Serverless vector collections choose `_id` themselves, so indexing again would add a
            // copy. Skip what this process indexed lately (a batch split after a partial failure, a
            // quick redelivery: searches may not see those yet) and what a search finds stored.
            // Best effort, not atomic: two writers racing on one id can still both add it.
            let recent = recentlyIndexed.contains(sources.map(\.id))
            sources.removeAll { recent.contains($0.id) }
            guard !sources.isEmpty else { return }
            let stored = try await storedIDs(sources.map(\.id), field: field)
            sources.removeAll { stored.contains($0.id) }
            guard !sources.isEmpty else { return }
        }
        let failures = try await client.bulk(documents: sources)
        let failed = Set(failures.map(\.id))
        recentlyIndexed.insert(sources.map(\.id).filter { !failed.contains($0) })
        guard failures.isEmpty else {
            // Items the cluster could not take now (429, 5xx) are backpressure: the caller retries
            // the batch later, without splitting it. Only items rejected for good are the input's fault.
            let retryable = failures.filter(\.isRetryable)
            let reasons = Set((retryable.isEmpty ? failures : retryable).map { "\($0.type): \($0.reason)" }).sorted().joined(separator: "; ")
            if !retryable.isEmpty { throw RetrievalError.indexingThrottled(ids: retryable.map(\.id), reason: reasons) }
            throw RetrievalError.indexingFailed(ids: failures.map(\.id), reason: reasons)
        }
    }

    /// Which of `ids` are stored already: a `terms` aggregation on the id field (one bucket per
    /// stored id, however many copies it has).
    func storedIDs(_ ids: [String], field: String) async throws -> Set<String> {
        let body: AWSJSONValue = [
            "size": 0,
            "query": ["terms": .object([field: .array(ids.map(AWSJSONValue.string))])],
            "aggs": ["stored": ["terms": ["field": .string(field), "size": .integer(Int64(ids.count))]]],
        ]
        let response = try await client.search(body: body)
        let buckets = response["aggregations"]?["stored"]?["buckets"]?.arrayValue ?? []
        return Set(buckets.compactMap { $0["key"]?.stringValue })
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
        let hits = try OpenSearchHit.hits(in: response).prefix(k).map(OpenSearchDocumentCoding.hit(from:))
        guard case .sourceField = client.idMode else { return hits }
        var seen: Set<String> = []   // a copy left by a racing writer shows once (hits come best first)
        return hits.filter { seen.insert($0.record.eventID).inserted }
    }

    /// The k-NN ranking and a BM25 ranking (``OpenSearchLexicalQuery``) of the same filtered
    /// documents, fetched with two queries and fused by ``FusionWeights/fuse(vector:lexical:)``
    /// (``FusionWeights/depth`` of each), as the embedded store does.
    public func hybridSearch(vector: [Float], text: String, k: Int, filter: SearchFilter) async throws -> [SearchHit] {
        let depth = max(k, FusionWeights.depth)
        let semantic = try await search(vector: vector, k: depth, filter: filter)
        guard let body = OpenSearchLexicalQuery.body(text: text, size: depth, filter: try OpenSearchFilterTranslation.clauses(for: filter)) else {
            return Array(semantic.prefix(k))
        }
        let response = try await client.search(body: body)
        let query = DotProduct.normalised(vector) ?? vector
        // The lexical hits carry their vectors, so a BM25-only hit still reports its cosine.
        let lexical = try OpenSearchHit.hits(in: response).prefix(depth).map { raw in
            var hit = try OpenSearchDocumentCoding.hit(from: raw)
            let stored = raw.source[OpenSearchDocumentCoding.vectorField]?.arrayValue?.compactMap(\.doubleValue) ?? []
            hit.score = stored.count == query.count ? zip(query, stored).reduce(Float(0)) { $0 + $1.0 * Float($1.1) } : 0
            return hit
        }
        guard !lexical.isEmpty else { return Array(semantic.prefix(k)) }
        // A document both rankings found keeps its k-NN hit.
        var hits: [String: SearchHit] = [:]
        for hit in lexical + semantic.reversed() { hits[hit.id] = hit }
        let fused = FusionWeights.for(text).fuse(vector: semantic.map(\.id), lexical: lexical.map(\.id))
        return fused.prefix(k).compactMap { hits[$0.id] }
    }

    /// Counts and breaks down every document matching `filter` with one aggregation query (the
    /// same filter the k-NN clause carries); see ``OpenSearchSummaryQuery``.
    public func summarize(filter: SearchFilter, bucketLimit: Int) async throws -> MatchSummary {
        let body = OpenSearchSummaryQuery.body(filter: try OpenSearchFilterTranslation.query(for: filter), bucketLimit: bucketLimit)
        try await ensureIndex()
        return OpenSearchSummaryQuery.summary(from: try await client.search(body: body), bucketLimit: bucketLimit)
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
    /// The ids indexed last by this process, oldest forgotten first; shared by copies of a store.
    final class RecentIDs: Sendable {
        private struct State {
            var members: Set<String> = []
            var order: [String] = []
            var head = 0
        }
        private let state = Mutex(State())
        let capacity: Int

        init(capacity: Int) { self.capacity = capacity }

        func contains(_ ids: [String]) -> Set<String> {
            state.withLock { state in Set(ids.filter(state.members.contains)) }
        }

        func insert(_ ids: [String]) {
            state.withLock { state in
                for id in ids where state.members.insert(id).inserted {
                    state.order.append(id)
                }
                let excess = state.order.count - state.head - capacity
                if excess > 0 {
                    for id in state.order[state.head..<state.head + excess] { state.members.remove(id) }
                    state.head += excess
                }
                if state.head > capacity {   // compact now and then
                    state.order.removeFirst(state.head)
                    state.head = 0
                }
            }
        }
    }

    /// Whether the index is known to exist; shared by copies of a store.
    final class IndexState: Sendable {
        private let ready = Mutex(false)
        var isReady: Bool { ready.withLock { $0 } }
        func markReady() { ready.withLock { $0 = true } }
    }
}
