import Foundation
import TelemetryModel

/// Phrases relative to now: "last 2 hours", "past week", "today", "this month".
extension TemporalPhraseMatcher {
    private static let relativeKeywords: Set<String> = ["last", "past", "previous", "preceding"]

    /// "last|past|previous N unit" or "last unit": from N units before now up to now.
    ///
    /// Seconds to weeks are fixed lengths ("last week" is the last 7 days); months and years are
    /// subtracted on the UTC calendar ("last month" on March 31 starts on February 28 or 29).
    /// Without a number, "minute" and "second" need a "the" before the keyword ("in the last
    /// minute"), because "last minute" and "last second" are usually idioms.
    func relative(at index: Int) -> TemporalPhrase? {
        guard let keyword = word(at: index), Self.relativeKeywords.contains(keyword) else { return nil }
        if let amount = RelativeAmount.read(tokens, at: index + 1) {
            let tokens = index..<amount.next
            guard amount.value > 0 else { return invalid(tokens, "the amount of time must be greater than zero") }
            guard let start = amount.unit.instant(amount.value, before: now) else {
                return invalid(tokens, amount.unit.fixedLength == nil && amount.value != amount.value.rounded()
                    ? "fractions of a month or year are not supported" : "it reaches too far back")
            }
            return phrase(tokens, gte: start, lte: now)
        }
        guard let word = word(at: index + 1), let unit = TemporalUnit(singularWord: word),
              let start = unit.instant(1, before: now)
        else { return nil }
        // "last minute changes" and "last second" are idioms; "the last minute" is a window.
        if unit == .minute || unit == .second, self.word(at: index - 1) != "the" { return nil }
        return phrase(index..<index + 2, gte: start, lte: now)
    }

    /// "today" (midnight to now), "yesterday" (the whole day), "this week" (Monday 00:00 UTC to now),
    /// "this month" and "this year" (their first day to now).
    func named(at index: Int) -> TemporalPhrase? {
        let today = UTCCalendar.startOfDay(now)
        switch word(at: index) {
        case "today":
            return phrase(index..<index + 1, gte: today, lte: now)
        case "yesterday":
            let yesterday = today.addingTimeInterval(-UTCCalendar.day)
            return phrase(index..<index + 1, gte: yesterday, lte: UTCCalendar.endOfDay(startingAt: yesterday))
        case "this":
            let start: Date
            switch word(at: index + 1) {
            case "week": start = UTCCalendar.startOfISOWeek(now)
            case "month": start = UTCCalendar.startOfMonth(now)
            case "year": start = UTCCalendar.startOfYear(now)
            default: return nil
            }
            return phrase(index..<index + 2, gte: start, lte: now)
        default:
            return nil
        }
    }
}
