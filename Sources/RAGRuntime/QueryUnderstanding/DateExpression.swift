import Foundation
import TelemetryModel

/// A point or a day named in a question ("2025-01-04", "Jan 4 2025", "yesterday", "14:00").
struct DateExpression: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A whole UTC day, starting at the given midnight.
        case day(Date)
        /// An exact instant (`2025-01-04T10:00:00Z`, `now`, `2 hours ago`).
        case instant(Date)
        /// A time of day on today's date (`14:00`, `2pm`); "since" moves it to yesterday when it is
        /// still ahead of now.
        case timeOfDay(Date)
    }

    var kind: Kind

    /// The first instant the expression covers.
    var start: Date {
        switch kind {
        case .day(let start), .instant(let start), .timeOfDay(let start): start
        }
    }

    /// The last instant the expression covers: the day's last millisecond, or the instant itself.
    var end: Date {
        switch kind {
        case .day(let start): UTCCalendar.endOfDay(startingAt: start)
        case .instant(let date), .timeOfDay(let date): date
        }
    }

    /// Whether the expression is a whole day.
    var isDay: Bool {
        if case .day = kind { return true }
        return false
    }

    /// The whole UTC day containing the expression.
    var wholeDay: DateExpression {
        DateExpression(kind: .day(UTCCalendar.startOfDay(start)))
    }
}
