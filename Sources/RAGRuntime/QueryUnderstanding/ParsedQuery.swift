/// A question split into the text to embed and the filters to apply before vector search.
///
/// Produced by ``QueryParser/parse(_:now:)``. Temporal phrases are removed from ``remainingText``;
/// field phrases ("engine temperature above 110°C") stay in it, because they help the semantic match.
///
/// ```swift
/// let query = QueryParser().parse("critical errors in the last 2 hours?", now: now)
/// query.remainingText   // "critical errors?"
/// query.timeRange       // now-2h ... now
/// query.fields          // [level eq "CRITICAL"]
/// ```
public struct ParsedQuery: Sendable, Equatable, Codable {
    /// The question exactly as asked.
    public var originalText: String
    /// The question without its temporal phrases, whitespace tidied: the text to embed.
    public var remainingText: String
    /// The time window to filter on, or `nil` when the question names none (or only invalid ones).
    public var timeRange: TimeRange?
    /// Structured field conditions, in the order they appear in the question.
    public var fields: [FieldFilter]
    /// Human-readable notes about phrases that looked like filters but were ignored.
    public var warnings: [String]

    /// Creates a parsed query.
    public init(
        originalText: String,
        remainingText: String,
        timeRange: TimeRange?,
        fields: [FieldFilter],
        warnings: [String]
    ) {
        self.originalText = originalText
        self.remainingText = remainingText
        self.timeRange = timeRange
        self.fields = fields
        self.warnings = warnings
    }
}
