import Foundation

/// Finds the temporal phrases of a question and turns them into a ``TimeRange`` relative to an
/// injected "now" (always UTC; the parser never reads the clock).
///
/// Recognised phrases, each optionally led by "in/during/over/from/within/for/since [the]":
/// - "last|past|previous N unit" with units seconds to years and their abbreviations (`min`,
///   `hrs`, `h`, `d`, `wks`, `mo`, `yrs`; `m`, `w`, `y` only glued to a number, as in `15m`) and
///   amounts as digits or words ("two", "twenty-four", "an"); without a number, one unit
///   ("last hour"). Seconds to weeks are fixed lengths, so "last week" is the last 7 days; months
///   and years are subtracted on the UTC calendar.
/// - "today" (midnight to now), "yesterday" (the whole day), "this week" (ISO week, from Monday
///   00:00 UTC), "this month", "this year".
/// - "since D" (D to now), "before D", "after D" (open-ended), "on D" (that whole day),
///   "between D and D", "from D to D", and a bare calendar day with a year ("2025-01-04").
///   Date forms are listed on ``DateExpressionParser``.
///
/// Several phrases are intersected ("after 2025-01-01 before 2025-02-01"). A phrase that looks
/// temporal but cannot be used ("last 0 days", "since 2025-13-45", a start after its end, a window
/// that starts after now) gives a warning and no range, and stays in the text. Used phrases are
/// removed from ``Result/remainingText``.
///
/// ```swift
/// let result = TemporalParser().parse("errors in the last 2 hrs?", now: now)
/// result.remainingText   // "errors?"
/// result.timeRange       // TimeRange(gte: now - 2h, lte: now)
/// ```
public struct TemporalParser: Sendable {
    /// What ``TemporalParser/parse(_:now:)`` found.
    public struct Result: Sendable, Equatable {
        /// The window the question names, or `nil`.
        public var timeRange: TimeRange?
        /// The question without the temporal phrases that produced ``timeRange``.
        public var remainingText: String
        /// One human-readable entry per phrase that looked temporal but was ignored.
        public var warnings: [String]
    }

    /// Creates a parser.
    public init() {}

    /// Parses the temporal phrases of `text`.
    ///
    /// - Parameters:
    ///   - text: The question.
    ///   - now: The current time; relative phrases are resolved against it, in UTC.
    /// - Returns: The window, the text to embed and any warnings. Never fails.
    public func parse(_ text: String, now: Date) -> Result {
        let tokens = QueryTokenizer.tokens(in: text)
        let matcher = TemporalPhraseMatcher(tokens: tokens, now: now)
        var phrases: [(text: Range<String.Index>, range: TimeRange)] = []
        var warnings: [String] = []
        var index = 0
        while index < tokens.count {
            guard let phrase = matcher.phrase(at: index) else {
                index += 1
                continue
            }
            index = phrase.tokens.upperBound
            let span = tokens[phrase.tokens.lowerBound].range.lowerBound..<tokens[phrase.tokens.upperBound - 1].range.upperBound
            switch phrase.outcome {
            case .range(let range) where (range.gte ?? now) > now:
                warnings.append(Self.warning(text[span], "it starts after the current time"))
            case .range(let range):
                phrases.append((span, range))
            case .invalid(let reason):
                warnings.append(Self.warning(text[span], reason))
            }
        }
        guard let first = phrases.first?.range else {
            return Result(timeRange: nil, remainingText: TextTidier.tidy(text), warnings: warnings)
        }
        guard let combined = phrases.dropFirst().reduce(Optional(first), { $0?.intersection($1.range) }) else {
            let quoted = phrases.map { "\"\(text[$0.text])\"" }.joined(separator: ", ")
            warnings.append("Ignored the time phrases \(quoted): they do not overlap.")
            return Result(timeRange: nil, remainingText: TextTidier.tidy(text), warnings: warnings)
        }
        let remaining = TextTidier.tidy(text, removing: phrases.map(\.text))
        return Result(timeRange: combined, remainingText: remaining, warnings: warnings)
    }

    private static func warning(_ phrase: Substring, _ reason: String) -> String {
        "Ignored the time phrase \"\(phrase)\": \(reason)."
    }
}
