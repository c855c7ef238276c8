import Foundation

/// Recognises one temporal phrase at a given token, trying the phrase kinds in a fixed order.
///
/// Ranged phrases come first so that "between yesterday and today" is not read as "yesterday".
/// A phrase may be preceded by a preposition and "the" ("in the last hour", "from yesterday",
/// "over the past 2 days"), which becomes part of the phrase and leaves the text with it.
struct TemporalPhraseMatcher: Sendable {
    let tokens: [QueryToken]
    let now: Date

    private static let prepositions: Set<String> = [
        "in", "during", "over", "from", "within", "for", "of", "throughout", "since",
    ]

    var dates: DateExpressionParser { DateExpressionParser(tokens: tokens, now: now) }

    /// The phrase starting at `tokens[index]`, or `nil` when none starts there.
    func phrase(at index: Int) -> TemporalPhrase? {
        if let phrase = corePhrase(at: index) { return phrase }
        var next = index
        if let word = word(at: next), Self.prepositions.contains(word) { next += 1 }
        if word(at: next) == "the" { next += 1 }
        guard next > index, var phrase = corePhrase(at: next) else { return nil }
        phrase.tokens = index..<phrase.tokens.upperBound
        return phrase
    }

    private func corePhrase(at index: Int) -> TemporalPhrase? {
        guard tokens.indices.contains(index) else { return nil }
        return between(at: index) ?? fromTo(at: index) ?? since(at: index) ?? before(at: index) ?? after(at: index)
            ?? on(at: index) ?? relative(at: index) ?? named(at: index) ?? bareDay(at: index)
    }

    func word(at index: Int) -> String? {
        tokens.indices.contains(index) ? tokens[index].lowercased : nil
    }

    /// The index after `words` when they appear at `index` ("prior", "to"), or `nil`.
    func index(after words: [String], at index: Int) -> Int? {
        for (offset, expected) in words.enumerated() where word(at: index + offset) != expected { return nil }
        return index + words.count
    }

    func phrase(_ tokens: Range<Int>, gte: Date?, lte: Date?) -> TemporalPhrase {
        TemporalPhrase(tokens: tokens, outcome: .range(TimeRange(gte: gte, lte: lte)))
    }

    func invalid(_ tokens: Range<Int>, _ reason: String) -> TemporalPhrase {
        TemporalPhrase(tokens: tokens, outcome: .invalid(reason: reason))
    }
}

extension DateExpressionParser.Outcome {
    /// The index of the token after the date, valid or not.
    var next: Int {
        switch self {
        case .date(_, let next), .invalid(_, let next): next
        }
    }
}
