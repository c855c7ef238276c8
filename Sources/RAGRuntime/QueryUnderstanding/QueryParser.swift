import Foundation

// Query parsing for the RAG query API.
//
// A question such as "critical errors from engine-monitor with engine temp above 110°C in the last
// 2 hours?" becomes a `ParsedQuery`: the text to embed ("critical errors from engine-monitor with
// engine temp above 110°C?"), a `TimeRange` on the document timestamp and `FieldFilter`s for the
// vector store to apply before k-NN search. Parsing is pure: "now" is a parameter, nothing is
// read from the clock or the environment, and unusable phrases become warnings, never errors.
//
// `QueryParser` composes `TemporalParser` (time phrases, removed from the text) and
// `FieldFilterParser` (field phrases, kept in the text because they help the semantic match).

/// Turns a natural-language question into the text to embed plus structured filters.
///
/// ```swift
/// let parser = QueryParser()
/// let query = parser.parse("Which moving vehicles had battery voltage below 11.5V since 14:00?", now: now)
/// query.remainingText   // "Which moving vehicles had battery voltage below 11.5V?"
/// query.timeRange       // today 14:00 UTC (yesterday's if 14:00 is still ahead) ... now
/// query.fields          // [vehicle_state eq "MOVING", sensor_readings.battery_voltage lt 11.5]
/// ```
public struct QueryParser: Sendable {
    private let temporalParser: TemporalParser
    private let fieldFilterParser: FieldFilterParser

    /// Creates a parser.
    ///
    /// - Parameters:
    ///   - temporalParser: Finds time phrases. Defaults to ``TemporalParser/init()``.
    ///   - fieldFilterParser: Finds field conditions. Defaults to ``FieldFilterParser/init()``.
    public init(temporalParser: TemporalParser = TemporalParser(), fieldFilterParser: FieldFilterParser = FieldFilterParser()) {
        self.temporalParser = temporalParser
        self.fieldFilterParser = fieldFilterParser
    }

    /// Parses `text` against the time `now`.
    ///
    /// - Parameters:
    ///   - text: The question as asked.
    ///   - now: The current time; pass the injected clock's reading, never `Date()` in tests.
    /// - Returns: The parsed query. Never fails: anything not understood stays in
    ///   ``ParsedQuery/remainingText``, and phrases that looked like filters but were unusable are
    ///   listed in ``ParsedQuery/warnings`` (time phrases first).
    public func parse(_ text: String, now: Date) -> ParsedQuery {
        let temporal = temporalParser.parse(text, now: now)
        let fields = fieldFilterParser.parse(text)
        return ParsedQuery(
            originalText: text,
            remainingText: temporal.remainingText,
            timeRange: temporal.timeRange,
            fields: fields.filters,
            warnings: temporal.warnings + fields.warnings
        )
    }
}
