import Foundation
import TelemetryModel

/// Phrases anchored on a date: "since", "before", "after", "on", "between … and …", "from … to …".
extension TemporalPhraseMatcher {
    /// "between D1 and D2": from the start of D1 to the end of D2.
    func between(at index: Int) -> TemporalPhrase? {
        guard word(at: index) == "between" else { return nil }
        return span(from: index, firstDateAt: index + 1, connectors: ["and"])
    }

    /// "from D1 to|until|till|through|- D2": like "between".
    func fromTo(at index: Int) -> TemporalPhrase? {
        guard word(at: index) == "from" else { return nil }
        return span(from: index, firstDateAt: index + 1, connectors: ["to", "until", "till", "through", "thru", "-", "and"])
    }

    /// "since D": from D up to now. A time of day still ahead of now means yesterday's.
    func since(at index: Int) -> TemporalPhrase? {
        guard word(at: index) == "since", let outcome = date(afterKeywordEndingAt: index + 1) else { return nil }
        let tokens = index..<outcome.next
        switch outcome {
        case .invalid(let reason, _): return invalid(tokens, reason)
        case .date(let date, _):
            var start = date.start
            if case .timeOfDay = date.kind, start > now { start.addTimeInterval(-UTCCalendar.day) }
            return phrase(tokens, gte: start, lte: now)
        }
    }

    /// "before|prior to|earlier than D": no lower bound; a day is excluded, an instant included.
    func before(at index: Int) -> TemporalPhrase? {
        let keywordEnd = self.index(after: ["before"], at: index) ?? self.index(after: ["prior", "to"], at: index)
            ?? self.index(after: ["earlier", "than"], at: index)
        guard let keywordEnd, let outcome = date(afterKeywordEndingAt: keywordEnd) else { return nil }
        switch outcome {
        case .invalid(let reason, let next): return invalid(index..<next, reason)
        case .date(let date, let next):
            let bound = date.isDay ? date.start.addingTimeInterval(-UTCCalendar.millisecond) : date.start
            return phrase(index..<next, gte: nil, lte: bound)
        }
    }

    /// "after|later than D": no upper bound; a day is excluded, an instant included.
    func after(at index: Int) -> TemporalPhrase? {
        let keywordEnd = self.index(after: ["after"], at: index) ?? self.index(after: ["later", "than"], at: index)
        guard let keywordEnd, let outcome = date(afterKeywordEndingAt: keywordEnd) else { return nil }
        switch outcome {
        case .invalid(let reason, let next): return invalid(index..<next, reason)
        case .date(let date, let next):
            let bound = date.isDay ? date.end.addingTimeInterval(UTCCalendar.millisecond) : date.start
            return phrase(index..<next, gte: bound, lte: nil)
        }
    }

    /// "on D": the whole UTC day of D.
    func on(at index: Int) -> TemporalPhrase? {
        guard word(at: index) == "on", let outcome = date(afterKeywordEndingAt: index + 1) else { return nil }
        switch outcome {
        case .invalid(let reason, let next): return invalid(index..<next, reason)
        case .date(let date, let next):
            let day = date.wholeDay
            return phrase(index..<next, gte: day.start, lte: day.end)
        }
    }

    /// A bare calendar day ("2025-01-04", "Jan 4 2025"): that whole UTC day. Bare times and
    /// instants are left alone.
    func bareDay(at index: Int) -> TemporalPhrase? {
        let first = tokens[index].lowercased
        let looksLikeDay = UTCTimestamp.fields(of: first) != nil || MonthNames.month(named: first) != nil
            || MonthNames.month(named: word(at: index + 1) ?? "") != nil || word(at: index + 1) == "of"
        guard looksLikeDay, let outcome = dates.date(at: index) else { return nil }
        switch outcome {
        case .invalid(let reason, let next): return invalid(index..<next, reason)
        case .date(let date, let next):
            // Without a keyword, a month and day need a written year: "4 may have" is not May 4.
            let hasYear = UTCTimestamp.fields(of: first) != nil || word(at: next - 1)?.wholeMatch(of: /\d{4}/) != nil
            guard date.isDay, hasYear else { return nil }
            return phrase(index..<next, gte: date.start, lte: date.end)
        }
    }

    /// The date at `index`, allowing a leading "the" ("since the 4th of January").
    private func date(afterKeywordEndingAt index: Int) -> DateExpressionParser.Outcome? {
        word(at: index) == "the" ? dates.date(at: index + 1) : dates.date(at: index)
    }

    private func span(from start: Int, firstDateAt firstIndex: Int, connectors: Set<String>) -> TemporalPhrase? {
        guard let first = dates.date(at: firstIndex), let connector = word(at: first.next), connectors.contains(connector),
              let second = dates.date(at: first.next + 1)
        else { return nil }
        let tokens = start..<second.next
        switch (first, second) {
        case (.invalid(let reason, _), _), (_, .invalid(let reason, _)):
            return invalid(tokens, reason)
        case (.date(let lower, _), .date(let upper, _)):
            guard lower.start <= upper.end else { return invalid(tokens, "its start is after its end") }
            return phrase(tokens, gte: lower.start, lte: upper.end)
        }
    }
}
