import Foundation
import QueryUnderstanding
import Retrieval
import TelemetryModel

/// A deterministic, model-free answer: a summary of the retrieved records.
///
/// Used when no LLM is configured, and as the fallback (with `answerSource: "extractive"`) when
/// the LLM is unreachable. The same records always give the same text:
///
/// ```text
/// 3 matching records between 2025-06-15T10:34:56Z and 2025-06-15T12:34:56Z (from 2025-06-15T11:02:10Z to 2025-06-15T12:30:00Z).
/// By vehicle: VH-0042 (2), VH-0007 (1). By error code: ENG-001 (2), BAT-002 (1).
/// Most severe: CRITICAL ENG-001 on VH-0042 at 2025-06-15T12:30:00Z (engine-monitor): Engine temperature critical [engine temperature 118.5 °C].
/// Most recent: …
/// ```
public struct ExtractiveAnswerGenerator: AnswerGenerator {
    /// How many records the "Most severe" and "Most recent" lists show. Defaults to 3.
    public var highlightCount: Int

    /// Creates a generator.
    public init(highlightCount: Int = 3) {
        self.highlightCount = max(1, highlightCount)
    }

    /// The summary of every matching record (``AnswerRequest/matches``, when the store counted
    /// them) with the hits as examples, or of the hits alone; the no-records answer when there are none.
    public func answer(_ request: AnswerRequest) async throws -> GeneratedAnswer {
        summary(of: request)
    }

    /// The synchronous form of ``answer(_:)``.
    public func summary(of request: AnswerRequest) -> GeneratedAnswer {
        let records = request.hits.map(\.record)
        guard !records.isEmpty else { return Self.noRecordsAnswer(for: request) }
        var lines: [String]
        if let matches = request.matches, matches.count > 0 {
            lines = Self.totals(matches, range: request.timeRange)
            lines.append("The \(records.count) closest \(records.count == 1 ? "match" : "matches") to the question:")
        } else {
            let times = records.map(\.timestamp)
            let noun = records.count == 1 ? "record" : "records"
            lines = [
                "\(records.count) matching \(noun) \(Self.describe(request.timeRange)) "
                    + "(from \(UTCTimestamp.string(from: times.min()!)) to \(UTCTimestamp.string(from: times.max()!)))."
            ]
            var tallies = ["By vehicle: " + Self.tally(records.map(\.vehicleID)) + "."]
            let codes = records.compactMap(\.errorCode)
            if !codes.isEmpty { tallies.append("By error code: " + Self.tally(codes) + ".") }
            tallies.append("By level: " + Self.tally(records.map(\.level.rawValue)) + ".")
            lines.append(tallies.joined(separator: " "))
        }

        let severe = records.sorted { ($0.level, $0.timestamp, $1.eventID) > ($1.level, $1.timestamp, $0.eventID) }
        lines.append("Most severe:")
        lines += severe.prefix(highlightCount).map { "- " + Self.describe($0) }
        let recent = records.sorted { ($0.timestamp, $1.eventID) > ($1.timestamp, $0.eventID) }
        lines.append("Most recent:")
        lines += recent.prefix(highlightCount).map { "- " + Self.describe($0) }
        return GeneratedAnswer(text: lines.joined(separator: "\n"), source: .extractive)
    }

    /// The totals lines: every matching record's count, span, vehicles and breakdowns.
    ///
    /// `412 matching records between … and … (from … to …), on 37 vehicles.`
    /// `By level: WARN (201), …. By error code: ENG-002 (58), …. By vehicle: VH-0042 (31), … and 27 more.`
    public static func totals(_ matches: MatchSummary, range: TimeRange?) -> [String] {
        var first = "\(matches.count) matching \(matches.count == 1 ? "record" : "records") \(describe(range))"
        if let oldest = matches.oldest, let newest = matches.newest {
            first += " (from \(UTCTimestamp.string(from: oldest)) to \(UTCTimestamp.string(from: newest)))"
        }
        first += ", on \(matches.vehicles) \(matches.vehicles == 1 ? "vehicle" : "vehicles")."
        func list(_ buckets: [MatchSummary.Bucket], distinct: Int? = nil) -> String {
            var text = buckets.map { "\($0.key) (\($0.count))" }.joined(separator: ", ")
            if let distinct, distinct > buckets.count { text += " and \(distinct - buckets.count) more" }
            return text
        }
        var tallies = ["By level: " + list(matches.byLevel) + "."]
        if !matches.byErrorCode.isEmpty { tallies.append("By error code: " + list(matches.byErrorCode) + ".") }
        tallies.append("By vehicle: " + list(matches.byVehicle, distinct: matches.vehicles) + ".")
        return [first, tallies.joined(separator: " ")]
    }

    /// The answer when nothing matched: says so, with the window that was searched.
    ///
    /// `No records matched "critical engine errors" between 2025-06-15T10:34:56Z and 2025-06-15T12:34:56Z.`
    public static func noRecordsAnswer(for request: AnswerRequest) -> GeneratedAnswer {
        var text = "No records matched \"\(request.question)\" \(describe(request.timeRange))"
        if !request.fields.isEmpty {
            text += " with " + request.fields.map(describe).joined(separator: " and ")
        }
        return GeneratedAnswer(text: text + ".", source: .none)
    }

    /// `between X and Y`, `after X`, `before Y` or `in all indexed time`.
    static func describe(_ range: TimeRange?) -> String {
        switch (range?.gte, range?.lte) {
        case let (lower?, upper?): "between \(UTCTimestamp.string(from: lower)) and \(UTCTimestamp.string(from: upper))"
        case let (lower?, nil): "after \(UTCTimestamp.string(from: lower))"
        case let (nil, upper?): "before \(UTCTimestamp.string(from: upper))"
        case (nil, nil): "in all indexed time"
        }
    }

    /// `CRITICAL ENG-001 on VH-0042 at 2025-06-15T12:30:00Z (engine-monitor): message [readings]`.
    static func describe(_ record: TelemetryRecord) -> String {
        var text = record.level.rawValue
        if let code = record.errorCode { text += " \(code)" }
        text += " on \(record.vehicleID) at \(UTCTimestamp.string(from: record.timestamp)) (\(record.service)): \(record.message)"
        let readings = record.sensorReadings.phrases
        if !readings.isEmpty { text += " [\(readings.joined(separator: ", "))]" }
        return text
    }

    static func describe(_ filter: FieldFilter) -> String {
        let value = switch filter.value {
        case .number(let number): SensorReadings.format(number)
        case .string(let string): string
        }
        let symbol = switch filter.op {
        case .gt: ">"
        case .gte: ">="
        case .lt: "<"
        case .lte: "<="
        case .eq: "="
        }
        return "\(filter.field) \(symbol) \(value)"
    }

    /// `A (3), B (1)`: counts, most frequent first, ties alphabetical.
    static func tally(_ values: [String]) -> String {
        Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) (\($0.value))" }
            .joined(separator: ", ")
    }
}
