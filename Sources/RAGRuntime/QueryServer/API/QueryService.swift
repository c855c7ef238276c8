import Foundation
import Logging
import Metrics
import Answering
import QueryUnderstanding
import Retrieval

/// Answers a question: parse, embed, search with the filter inside the search, generate.
///
/// 1. ``QueryParser`` splits the question into text, a time range and field filters, relative to
///    the injected clock's "now".
/// 2. The embedder embeds the remaining text with purpose `.query`.
/// 3. The vector store searches with the time range and fields as a ``SearchFilter``, so a window
///    returns `k` hits whenever `k` matching records exist: by default hybrid (the vector ranking
///    and BM25 over the question's words, fused by reciprocal rank; ``mode``). The store also counts
///    and breaks down every matching record (``MatchSummary``), for the answer's totals.
/// 4. No hits: the answer says so, with the range searched (`answerSource: "none"`), and the
///    generator is not called. Otherwise the generator answers; if it fails (LLM unreachable,
///    timeout, bad response) the answer is the extractive summary, with a warning.
///
/// ```swift
/// let service = QueryService(embedder: embedder, store: store, generator: generator, clock: .system)
/// let response = try await service.answer("critical engine alerts in the last 2 hours", k: 5)
/// ```
public struct QueryService: Sendable {
    let parser: QueryParser
    let embedder: any Embedder
    let store: any VectorStore
    let generator: any AnswerGenerator
    let fallback: ExtractiveAnswerGenerator
    let clock: WallClock
    let logger: Logger
    /// Vector or hybrid ranking (default hybrid).
    public var mode: RetrievalMode = .hybrid

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - generator: Writes answers; pass ``ExtractiveAnswerGenerator`` when no LLM is configured.
    ///   - clock: The source of "now" for temporal phrases and the system prompt.
    public init(
        parser: QueryParser = QueryParser(), embedder: any Embedder, store: any VectorStore,
        generator: any AnswerGenerator, clock: WallClock, logger: Logger = Logger(label: "rag.query")
    ) {
        self.parser = parser
        self.embedder = embedder
        self.store = store
        self.generator = generator
        self.fallback = ExtractiveAnswerGenerator()
        self.clock = clock
        self.logger = logger
    }

    /// What retrieval found, before an answer is generated.
    public struct Retrieval: Sendable {
        /// The parsed question.
        public var parsed: ParsedQuery
        /// The hits, best first.
        public var hits: [SearchHit]
        /// Every matching record's count and breakdowns, counted by the store.
        public var matches: MatchSummary?
        /// The time the question was asked.
        public var now: Date
        /// Timings so far (parse, embed, search).
        public var timings: QueryTimings
        /// When the query started, for the total.
        var started: ContinuousClock.Instant

        /// The filter as the API reports it.
        public var filter: QueryFilter { QueryFilter(timeRange: parsed.timeRange, fields: parsed.fields) }
        /// The hits as the API reports them.
        public var sources: [QuerySource] { hits.map(QuerySource.init) }
    }

    /// Breakdown entries kept per field (the most frequent vehicles, codes and levels).
    static let bucketLimit = 10

    /// Parses, embeds and searches.
    ///
    /// - Throws: ``QueryAPIError`` 502 `embedding_failed` or 503 `vector_store_unavailable`.
    public func retrieve(_ question: String, k: Int) async throws -> Retrieval {
        let clock = ContinuousClock()
        let started = clock.now
        let now = self.clock.now()
        let parsed = parser.parse(question, now: now)
        var timings = QueryTimings()
        timings.parseMs = Self.record(stage: "parse", clock.now - started)

        let text = parsed.remainingText.isEmpty ? question : parsed.remainingText
        let embedStart = clock.now
        let vector: [Float]
        do {
            guard let first = try await embedder.embed([text], purpose: .query).first else {
                throw QueryAPIError.badGateway("embedding_failed", "the embedder returned no vector")
            }
            vector = first
        } catch RetrievalError.emptyEmbeddingText {
            throw QueryAPIError.badRequest("query_not_searchable", "the query has no searchable words once time phrases are removed")
        } catch let error as QueryAPIError {
            throw error
        } catch {
            logger.warning("embedding failed", metadata: ["error": "\(error)"])
            throw QueryAPIError.badGateway("embedding_failed", "the embedder failed", detail: "\(error)")
        }
        timings.embedMs = Self.record(stage: "embed", clock.now - embedStart)

        let searchStart = clock.now
        let hits: [SearchHit]
        let matches: MatchSummary
        do {
            let filter = SearchFilter(parsed)
            // The totals are a second request on OpenSearch: made while the search runs.
            async let totals = store.summarize(filter: filter, bucketLimit: Self.bucketLimit)
            switch mode {
            case .vector: hits = try await store.search(vector: vector, k: k, filter: filter)
            case .hybrid: hits = try await store.hybridSearch(vector: vector, text: text, k: k, filter: filter)
            }
            matches = try await totals
        } catch {
            logger.warning("search failed", metadata: ["error": "\(error)"])
            throw QueryAPIError.unavailable("vector_store_unavailable", "the vector store search failed", detail: "\(error)")
        }
        timings.searchMs = Self.record(stage: "search", clock.now - searchStart)
        return Retrieval(parsed: parsed, hits: hits, matches: matches, now: now, timings: timings, started: started)
    }

    /// Answers `question` from its `k` best matching records.
    ///
    /// - Throws: ``QueryAPIError`` from ``retrieve(_:k:)``; generation failures never throw.
    public func answer(_ question: String, k: Int) async throws -> QueryResponse {
        let retrieval = try await retrieve(question, k: k)
        return await generate(retrieval)
    }

    /// Records a stage duration in the `rag_query_stage_duration_seconds` histogram and returns milliseconds.
    static func record(stage: String, _ duration: Duration) -> Double {
        Timer(label: "rag_query_stage_duration_seconds", dimensions: [("stage", stage)]).record(duration: duration)
        return QueryTimings.milliseconds(duration)
    }
}
