import Foundation
import TelemetryModel

/// Reads the date forms of temporal phrases from tokens.
///
/// Accepted forms: `2025-01-04`, `2025-01-04T10:00:00Z` (any ISO-8601 offset), `2025-01-04 10:00`,
/// `Jan 4 2025`, `January 4, 2025`, `4 January 2025`, `4th of Jan 2025`, a month and day without a
/// year (its latest occurrence not after today), `today`, `yesterday`, `now`, `14:00`, `2pm`,
/// `2:30 pm`, and `<amount> <unit> ago`.
struct DateExpressionParser: Sendable {
    /// What reading a date at a token gave.
    enum Outcome: Sendable, Equatable {
        /// A valid expression, and the index of the token after it.
        case date(DateExpression, next: Int)
        /// Text shaped like a date that names no real date (`2025-13-45`), and why.
        case invalid(reason: String, next: Int)
    }

    let tokens: [QueryToken]
    let now: Date

    /// The date starting at `tokens[index]`, or `nil` when the tokens there are not shaped like one.
    func date(at index: Int) -> Outcome? {
        guard index < tokens.count else { return nil }
        let word = tokens[index].lowercased
        let today = UTCCalendar.startOfDay(now)
        switch word {
        case "today": return .date(.init(kind: .day(today)), next: index + 1)
        case "yesterday": return .date(.init(kind: .day(today.addingTimeInterval(-UTCCalendar.day))), next: index + 1)
        case "now": return .date(.init(kind: .instant(now)), next: index + 1)
        default: break
        }
        return isoDate(at: index) ?? monthFirstDate(at: index) ?? dayFirstDate(at: index)
            ?? timeOfDay(at: index, on: today) ?? ago(at: index)
    }

    private func isoDate(at index: Int) -> Outcome? {
        guard var fields = UTCTimestamp.fields(of: String(tokens[index].text)) else { return nil }
        var next = index + 1
        if fields.time == nil, let (clock, afterClock) = clockTime(at: next) {
            fields.time = (clock.hour, clock.minute, clock.second, 0)
            fields.offset = 0
            next = afterClock
        }
        let text = tokens[index..<next].map(\.text).joined(separator: " ")
        guard let date = fields.date else { return .invalid(reason: "\"\(text)\" is not a valid date", next: next) }
        let kind: DateExpression.Kind = fields.time == nil ? .day(date) : .instant(date)
        return .date(.init(kind: kind), next: next)
    }

    private func monthFirstDate(at index: Int) -> Outcome? {
        guard let month = MonthNames.month(named: tokens[index].lowercased),
              let day = dayOfMonth(at: index + 1) else { return nil }
        var next = index + 2
        if word(at: next) == "," { next += 1 }
        return calendarDate(month: month, day: day, yearAt: next, firstToken: index)
    }

    private func dayFirstDate(at index: Int) -> Outcome? {
        guard let day = dayOfMonth(at: index) else { return nil }
        var next = index + 1
        if word(at: next) == "of" { next += 1 }
        guard let month = MonthNames.month(named: word(at: next) ?? "") else { return nil }
        next += 1
        if word(at: next) == "," { next += 1 }
        return calendarDate(month: month, day: day, yearAt: next, firstToken: index)
    }

    /// Completes a month-and-day date with the year at `yearIndex`, or with the latest year that
    /// does not put the date after today.
    private func calendarDate(month: Int, day: Int, yearAt yearIndex: Int, firstToken: Int) -> Outcome {
        let writtenYear = word(at: yearIndex).flatMap { $0.wholeMatch(of: /\d{4}/) != nil ? Int($0) : nil }
        let next = writtenYear == nil ? yearIndex : yearIndex + 1
        let text = tokens[firstToken..<next].map(\.text).joined(separator: " ")
        var year = writtenYear ?? UTCCalendar.year(of: now)
        if writtenYear == nil, let date = UTCCalendar.validatedDate(year: year, month: month, day: day), date > now {
            year -= 1
        }
        guard let date = UTCCalendar.validatedDate(year: year, month: month, day: day) else {
            return .invalid(reason: "\"\(text)\" is not a valid date", next: next)
        }
        return .date(.init(kind: .day(date)), next: next)
    }

    private func timeOfDay(at index: Int, on today: Date) -> Outcome? {
        guard let (clock, next) = clockTime(at: index) else { return nil }
        guard (0...23).contains(clock.hour), (0...59).contains(clock.minute), (0...59).contains(clock.second) else {
            let text = tokens[index..<next].map(\.text).joined(separator: " ")
            return .invalid(reason: "\"\(text)\" is not a valid time of day", next: next)
        }
        let seconds = clock.hour * 3600 + clock.minute * 60 + clock.second
        return .date(.init(kind: .timeOfDay(today.addingTimeInterval(Double(seconds)))), next: next)
    }

    private func ago(at index: Int) -> Outcome? {
        guard let amount = RelativeAmount.read(tokens, at: index), word(at: amount.next) == "ago" else { return nil }
        let text = tokens[index...amount.next].map(\.text).joined(separator: " ")
        guard amount.value > 0, let instant = amount.unit.instant(amount.value, before: now) else {
            return .invalid(reason: "\"\(text)\" is not a usable amount of time", next: amount.next + 1)
        }
        return .date(.init(kind: .instant(instant)), next: amount.next + 1)
    }

    /// `14:00`, `14:00:30`, `14:00Z`, `2pm`, `2:30 pm`, `10:00 UTC` as raw (unvalidated) fields.
    private func clockTime(at index: Int) -> ((hour: Int, minute: Int, second: Int), next: Int)? {
        guard let text = word(at: index) else { return nil }
        var hour: Int, minute = 0, second = 0
        var next = index + 1
        var meridiem: Substring?
        if let match = text.wholeMatch(of: /(\d{1,2}):(\d{2})(?::(\d{2}))?z?(am|pm|a\.m|p\.m)?/) {
            (hour, minute) = (Int(match.1) ?? 0, Int(match.2) ?? 0)
            second = match.3.flatMap { Int($0) } ?? 0
            meridiem = match.4
        } else if let match = text.wholeMatch(of: /(\d{1,2})(am|pm|a\.m|p\.m)/) {
            hour = Int(match.1) ?? 0
            meridiem = match.2
        } else if text.wholeMatch(of: /\d{1,2}/) != nil, let following = word(at: next), Self.meridiems.contains(following) {
            hour = Int(text) ?? 0
            meridiem = Substring(following)
            next += 1
        } else {
            return nil
        }
        if meridiem == nil, let following = word(at: next), Self.meridiems.contains(following) {
            meridiem = Substring(following)
            next += 1
        }
        if let meridiem {
            guard (1...12).contains(hour) else { return ((99, minute, second), next) }
            hour = hour % 12 + (meridiem.hasPrefix("p") ? 12 : 0)
        }
        if let zone = word(at: next), ["utc", "gmt", "z"].contains(zone) { next += 1 }
        return ((hour, minute, second), next)
    }

    private static let meridiems: Set<String> = ["am", "pm", "a.m", "p.m"]

    private func dayOfMonth(at index: Int) -> Int? {
        guard let text = word(at: index), let match = text.wholeMatch(of: /(\d{1,2})(?:st|nd|rd|th)?/) else { return nil }
        return Int(match.1)
    }

    private func word(at index: Int) -> String? {
        tokens.indices.contains(index) ? tokens[index].lowercased : nil
    }
}
