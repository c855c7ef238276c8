import Foundation

/// Gregorian calendar arithmetic in UTC, the only time zone the query parser knows.
package enum UTCCalendar {
    /// A Gregorian calendar whose time zone is UTC.
    package static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// The length of a day; UTC has no daylight-saving days.
    package static let day: TimeInterval = 86_400

    /// The resolution of inclusive upper bounds: the last millisecond before an instant.
    package static let millisecond: TimeInterval = 0.001

    /// Midnight UTC at the start of the day containing `date`.
    package static func startOfDay(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    /// The last millisecond of the day that starts at `start`.
    package static func endOfDay(startingAt start: Date) -> Date {
        start.addingTimeInterval(day - millisecond)
    }

    /// Monday 00:00 UTC of the ISO week containing `date`.
    package static func startOfISOWeek(_ date: Date) -> Date {
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday ... 7 = Saturday
        let daysSinceMonday = (weekday + 5) % 7
        return startOfDay(date).addingTimeInterval(-Double(daysSinceMonday) * day)
    }

    /// The first day of the month containing `date`, at 00:00 UTC.
    package static func startOfMonth(_ date: Date) -> Date {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return validatedDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: 1) ?? startOfDay(date)
    }

    /// January 1st of the year containing `date`, at 00:00 UTC.
    package static func startOfYear(_ date: Date) -> Date {
        validatedDate(year: calendar.component(.year, from: date), month: 1, day: 1) ?? startOfDay(date)
    }

    /// The year of `date` in UTC.
    package static func year(of date: Date) -> Int {
        calendar.component(.year, from: date)
    }

    /// The instant the components name, or `nil` when any component is out of range
    /// (month 13, February 30, hour 24, …) instead of letting `Calendar` roll it over.
    package static func validatedDate(
        year: Int, month: Int, day: Int,
        hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0
    ) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...daysInMonth(month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components)?.addingTimeInterval(Double(nanosecond) / 1e9)
    }

    /// The number of days in `month` of `year` (proleptic Gregorian).
    package static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
