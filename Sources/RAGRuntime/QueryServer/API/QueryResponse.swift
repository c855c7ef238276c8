import Answering
import QueryUnderstanding

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
