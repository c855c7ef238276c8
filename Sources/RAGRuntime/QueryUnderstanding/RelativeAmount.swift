/// An amount of time written in a question: `2 hours`, `2hrs`, `an hour`, `twenty-four hours`, `15m`.
struct RelativeAmount: Sendable, Equatable {
    /// How many units; may be fractional (`1.5 hours`) or zero (which callers reject).
    var value: Double
    /// The unit.
    var unit: TemporalUnit
    /// The index of the token after the amount.
    var next: Int

    /// The amount starting at `tokens[index]`, or `nil` when the tokens there are not a number
    /// followed by a time unit ("5 errors" is not an amount of time).
    static func read(_ tokens: [QueryToken], at index: Int) -> RelativeAmount? {
        guard index < tokens.count else { return nil }
        if let glued = tokens[index].lowercased.wholeMatch(of: /(\d+(?:\.\d+)?)([a-z]+)/),
           let unit = TemporalUnit(gluedSuffix: String(glued.2)), let value = Double(glued.1) {
            return RelativeAmount(value: value, unit: unit, next: index + 1)
        }
        guard let (value, next) = NumberWords.amount(in: tokens, at: index), next < tokens.count,
              let unit = TemporalUnit(word: tokens[next].lowercased)
        else { return nil }
        return RelativeAmount(value: value, unit: unit, next: next + 1)
    }
}
