import Foundation
import QueryUnderstanding
import Retrieval
import TelemetryModel
import TelemetrySimulator

/// `rag-runtime eval`: retrieval quality on generated telemetry, where the truth is known.
///
/// The corpus is the generator's records over a window ending at ``now``; each labelled question
/// (``EvaluationSet``) is parsed as the query API parses it (relative to the same ``now``), embedded,
/// and searched with its filter in an embedded store, by vector or hybrid ranking. A record is
/// relevant when its error code is one the question is about and it lies inside the question's
/// expected window. The parsed time range and field conditions are compared with the expected ones.
///
/// ```swift
/// let evaluation = RetrievalEvaluation(records: records, now: now)
/// let minilm = try await evaluation.index(with: localEmbedder)
/// let report = try await evaluation.run(index: minilm, mode: .hybrid, label: "MiniLM hybrid")
/// ```
public struct RetrievalEvaluation: Sendable {
    public let records: [TelemetryRecord]
    public let now: Date
    public let questions: [EvaluationQuestion]
    public let parser: QueryParser
    /// The cut-off of every metric.
    public let k: Int

    public init(records: [TelemetryRecord], now: Date, questions: [EvaluationQuestion] = EvaluationSet.questions, k: Int = 10) {
        self.records = records
        self.now = now
        self.questions = questions
        self.parser = QueryParser()
        self.k = k
    }

    /// The generator's records: `count` evenly spaced over `span` seconds ending at `now`.
    public static func corpus(seed: UInt64, count: Int, span: TimeInterval, now: Date) -> [TelemetryRecord] {
        let generator = TelemetryGenerator(seed: seed)
        let step = span / Double(max(1, count))
        return (0..<count).map { index in
            generator.record(index: index, at: now.addingTimeInterval(-span + step * Double(index + 1)))
        }
    }

    /// The corpus embedded with one embedder, in an in-memory embedded store.
    public struct Index: Sendable {
        public let embedder: any Embedder
        public let store: EmbeddedVectorStore
        /// Seconds spent embedding and indexing the corpus.
        public let seconds: Double
    }

    /// Embeds and indexes the corpus with `embedder`.
    public func index(with embedder: any Embedder, batchSize: Int = 256) async throws -> Index {
        let clock = ContinuousClock()
        let started = clock.now
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: embedder.dimensions, embedder: embedder.identity))
        try await embedder.embedDocuments(records, batchSize: batchSize) { try store.upsertNow($0) }
        let elapsed = clock.now - started
        return Index(embedder: embedder, store: store, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// One question's outcome.
    public struct Outcome: Sendable {
        public var question: EvaluationQuestion
        public var metrics: RankingMetrics
        public var relevant: Int
        /// Whether the parser read exactly the expected window and field conditions.
        public var timeRangeExact: Bool
        public var fieldsExact: Bool
        /// The field conditions the parser read.
        public var parsedFields: [FieldFilter]
    }

    /// Asks every question against `index`.
    public func run(index: Index, mode: RetrievalMode) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for question in questions {
            let parsed = parser.parse(question.text, now: now)
            let expectedRange = question.window.map { TimeRange(gte: now.addingTimeInterval(-$0), lte: now) }
            let text = parsed.remainingText.isEmpty ? question.text : parsed.remainingText
            let vector = try await index.embedder.embed([text], purpose: .query)[0]
            let filter = SearchFilter(parsed)
            let hits = switch mode {
            case .vector: try await index.store.search(vector: vector, k: k, filter: filter)
            case .hybrid: try await index.store.hybridSearch(vector: vector, text: text, k: k, filter: filter)
            }
            let lower = expectedRange?.gte ?? .distantPast, upper = expectedRange?.lte ?? .distantFuture
            let relevant = Set(records.lazy.filter { record in
                record.errorCode.map(question.codes.contains) ?? false && record.timestamp >= lower && record.timestamp <= upper
            }.map(\.eventID))
            outcomes.append(Outcome(
                question: question, metrics: RankingMetrics(ranking: hits.map(\.id), relevant: relevant, k: k), relevant: relevant.count,
                timeRangeExact: parsed.timeRange == expectedRange, fieldsExact: Set(parsed.fields) == Set(question.fields),
                parsedFields: parsed.fields))
        }
        return outcomes
    }
}
