import Answering
import QueryUnderstanding
import Retrieval

/// The answer of `POST /api/query` (and the `done` event of a streamed query).
///
/// ```json
/// {"query": "...", "answer": "...", "answerSource": "llm",
///  "filter": {"timeRange": {"gte": "...", "lte": "..."}, "fields": [{"field": "level", "op": "eq", "value": "CRITICAL"}]},
///  "sources": [...], "warnings": [], "timings": {"parseMs": 0.1, "embedMs": 0.4, "searchMs": 1.2, "generateMs": 812.0, "totalMs": 814.1}}
/// ```
public struct QueryResponse: Sendable, Equatable, Codable {
    /// The question as asked.
    public var query: String
    /// The answer text.
    public var answer: String
    /// `llm`, `extractive` (no LLM, or it failed) or `none` (no records matched).
    public var answerSource: AnswerSource
    /// The time range and field conditions the search applied.
    public var filter: QueryFilter
    /// The retrieved records, best first.
    public var sources: [QuerySource]
    /// Phrases that were not understood, and LLM fallbacks.
    public var warnings: [String]
    /// Milliseconds per stage.
    public var timings: QueryTimings
    /// Every matching record's count and breakdowns (the sources are the top k of them).
    public var matches: QueryMatches?
}

/// What every record matching the filter adds up to, as `POST /api/query` reports it.
///
/// `{"count": 412, "vehicles": 37, "byLevel": [{"key": "WARN", "count": 201}], "byErrorCode": [...], "byVehicle": [...]}`
public struct QueryMatches: Sendable, Equatable, Codable {
    public struct Bucket: Sendable, Equatable, Codable {
        public var key: String
        public var count: Int
    }

    /// Records matching the time range and fields.
    public var count: Int
    /// Distinct vehicles among them.
    public var vehicles: Int
    /// The most frequent levels, error codes and vehicles (at most 10 each).
    public var byLevel: [Bucket]
    public var byErrorCode: [Bucket]
    public var byVehicle: [Bucket]

    /// The API form of a store's summary.
    public init(_ summary: MatchSummary) {
        func buckets(_ list: [MatchSummary.Bucket]) -> [Bucket] { list.map { Bucket(key: $0.key, count: $0.count) } }
        count = summary.count
        vehicles = summary.vehicles
        byLevel = buckets(summary.byLevel)
        byErrorCode = buckets(summary.byErrorCode)
        byVehicle = buckets(summary.byVehicle)
    }
}

/// The filter a question was searched with; `timeRange` is `null` when the question named none.
public struct QueryFilter: Sendable, Equatable, Codable {
    /// The window searched, or `nil` (`null`) for all time.
    public var timeRange: TimeRange?
    /// Field conditions, combined with AND.
    public var fields: [FieldFilter]

    /// Creates a filter description.
    public init(timeRange: TimeRange?, fields: [FieldFilter]) {
        self.timeRange = timeRange
        self.fields = fields
    }

    private enum CodingKeys: String, CodingKey { case timeRange, fields }

    /// Encodes both keys, with an explicit `null` time range.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeRange, forKey: .timeRange)
        try container.encode(fields, forKey: .fields)
    }
}

/// Milliseconds spent in each stage of a query, measured with a monotonic clock.
public struct QueryTimings: Sendable, Equatable, Codable {
    /// Parsing the question.
    public var parseMs: Double = 0
    /// Embedding the question.
    public var embedMs: Double = 0
    /// The filtered vector search.
    public var searchMs: Double = 0
    /// Writing the answer (0 when no records matched).
    public var generateMs: Double = 0
    /// The whole query, from receipt to answer.
    public var totalMs: Double = 0

    /// Milliseconds in a duration, rounded to microseconds.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return ((Double(seconds) * 1000 + Double(attoseconds) / 1e15) * 1000).rounded() / 1000
    }
}
