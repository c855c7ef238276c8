import Foundation
import TelemetryModel

/// A unit of a relative time phrase ("last 2 **hours**").
enum TemporalUnit: Sendable, Equatable {
    case second, minute, hour, day, week, month, year

    /// Spellings accepted as a separate word or glued to a number (`2 hrs`, `2hrs`).
    private static let words: [String: TemporalUnit] = [
        "sec": .second, "secs": .second, "second": .second, "seconds": .second,
        "min": .minute, "mins": .minute, "minute": .minute, "minutes": .minute,
        "h": .hour, "hr": .hour, "hrs": .hour, "hour": .hour, "hours": .hour,
        "d": .day, "day": .day, "days": .day,
        "wk": .week, "wks": .week, "week": .week, "weeks": .week,
        "mo": .month, "mos": .month, "mth": .month, "mths": .month, "month": .month, "months": .month,
        "yr": .year, "yrs": .year, "year": .year, "years": .year,
    ]

    /// Single letters that are too ambiguous on their own ("5 m" may be metres) and are accepted
    /// only glued to a number (`5m`, `2w`, `1y`).
    private static let gluedOnly: [String: TemporalUnit] = ["m": .minute, "w": .week, "y": .year, "s": .second]

    /// Singular names that stand for one unit without a number ("last **hour**", "the past **day**").
    private static let singular: [String: TemporalUnit] = [
        "second": .second, "minute": .minute, "hour": .hour, "day": .day, "week": .week, "month": .month, "year": .year,
    ]

    /// The unit a separate word names (`hours`, `hrs`, `h`), or `nil`.
    init?(word: String) {
        guard let unit = Self.words[word] else { return nil }
        self = unit
    }

    /// The unit a suffix glued to a number names (`hrs` in `2hrs`, `m` in `15m`), or `nil`.
    init?(gluedSuffix: String) {
        guard let unit = Self.words[gluedSuffix] ?? Self.gluedOnly[gluedSuffix] else { return nil }
        self = unit
    }

    /// The unit a bare singular noun names when no number is given (`hour` in "last hour"), or `nil`.
    init?(singularWord: String) {
        guard let unit = Self.singular[singularWord] else { return nil }
        self = unit
    }

    /// The longest span a relative phrase may cover: about ten thousand years.
    private static let longestSpan: TimeInterval = 10_000 * 366 * 86_400

    /// The fixed length of the unit, or `nil` for months and years, whose length depends on the calendar.
    var fixedLength: TimeInterval? {
        switch self {
        case .second: 1
        case .minute: 60
        case .hour: 3_600
        case .day: 86_400
        case .week: 604_800
        case .month, .year: nil
        }
    }

    /// The instant `amount` units before `date`, or `nil` when it cannot be computed
    /// (a fraction of a month or year, or a date before year 1).
    ///
    /// Months and years are subtracted on the UTC Gregorian calendar, which clamps to the end of a
    /// shorter month: one month before March 31 is February 28 (or 29).
    func instant(_ amount: Double, before date: Date) -> Date? {
        if let fixedLength {
            // Past ten thousand years the calendar cannot name the result; stop before it tries.
            guard amount * fixedLength <= Self.longestSpan else { return nil }
            let instant = date.addingTimeInterval(-amount * fixedLength)
            return UTCCalendar.year(of: instant) >= 1 ? instant : nil
        }
        guard amount == amount.rounded(), amount <= 100_000 else { return nil }
        let component: Calendar.Component = self == .month ? .month : .year
        return UTCCalendar.calendar.date(byAdding: component, value: -Int(amount), to: date)
    }
}
