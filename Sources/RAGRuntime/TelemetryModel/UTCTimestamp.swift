import Foundation

/// ISO-8601 timestamps in UTC: the wire format of ``TimeRange`` and a date form of the parser.
package enum UTCTimestamp {
    /// The fields of an ISO-8601 date or date-time, before validation.
    package struct Fields: Sendable {
        package var year: Int, month: Int, day: Int
        /// `nil` for a date without a time (`2025-01-04`).
        package var time: (hour: Int, minute: Int, second: Int, nanosecond: Int)?
        /// The UTC offset in seconds; `nil` when none was written (read as UTC).
        package var offset: Int?


        /// The instant, or `nil` when a field is out of range (`2025-13-45`).
        package var date: Date? {
            let time = time ?? (0, 0, 0, 0)
            let date = UTCCalendar.validatedDate(
                year: year, month: month, day: day,
                hour: time.hour, minute: time.minute, second: time.second, nanosecond: time.nanosecond
            )
            return date?.addingTimeInterval(-Double(offset ?? 0))
        }
    }

    /// `2025-06-15T12:34:56Z`, or `2025-06-15T23:59:59.999Z` when the milliseconds are not zero.
    package static func string(from date: Date) -> String {
        // Clamp to years 0...9999 (as milliseconds) so that a far-off `Date` cannot trap the conversion.
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let totalMilliseconds = Int64(min(max(milliseconds, -62_167_219_200_000), 253_402_300_799_999))
        let (seconds, fraction) = floorDivision(totalMilliseconds, 1000)
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
        let parts = UTCCalendar.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        var text = "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
        text += "T\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
        if fraction != 0 { text += "." + pad(Int(fraction), 3) }
        return text + "Z"
    }

    /// Parses an ISO-8601 date or date-time (`2025-01-04`, `2025-01-04T10:00:00.5+02:00`).
    ///
    /// - Returns: The instant, or `nil` when the text is not ISO-8601 or names an impossible date.
    package static func date(from text: String) -> Date? {
        fields(of: text)?.date
    }

    /// Splits ISO-8601-shaped text into fields without validating their ranges, so that callers can
    /// tell "not a date" (`nil`) from "a date that does not exist" (`fields.date == nil`).
    package static func fields(of text: String) -> Fields? {
        let pattern = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?)?/
        guard let match = text.wholeMatch(of: pattern),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3)
        else { return nil }
        var fields = Fields(year: year, month: month, day: day, time: nil, offset: nil)
        if let hour = match.4.flatMap({ Int($0) }), let minute = match.5.flatMap({ Int($0) }) {
            let second = match.6.flatMap { Int($0) } ?? 0
            let fraction = match.7.map { String($0).padding(toLength: 9, withPad: "0", startingAt: 0) }
            fields.time = (hour, minute, second, fraction.flatMap { Int($0) } ?? 0)
            fields.offset = match.8.flatMap(offsetSeconds(_:))
        }
        return fields
    }

    /// `+02:00`, `-0130` or `Z` as seconds east of UTC.
    package static func offsetSeconds(_ text: Substring) -> Int? {
        if text.lowercased() == "z" { return 0 }
        let digits = text.dropFirst().filter(\.isNumber)
        guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        return text.first == "-" ? -magnitude : magnitude
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    private static func pad(_ value: Int?, _ width: Int) -> String {
        let digits = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
