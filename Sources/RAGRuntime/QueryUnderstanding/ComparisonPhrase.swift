/// The words that introduce a numeric comparison ("above", "at least", ">=", "faster than").
struct ComparisonPhrase: Sendable {
    /// The lower-case words of the phrase.
    let words: [String]
    /// The comparison, or `nil` for "between", which yields a `gte` and an `lte` filter.
    let op: FilterOp?
    /// The field the phrase itself implies ("faster than" is about speed), if any.
    let impliedField: String?

    private init(_ words: String, _ op: FilterOp?, implying field: String? = nil) {
        self.words = words.split(separator: " ").map(String.init)
        self.op = op
        self.impliedField = field
    }

    /// Every phrase, longest first, so that "no more than" wins over "more than".
    private static let all: [ComparisonPhrase] = [
        .init("greater than or equal to", .gte), .init("more than or equal to", .gte),
        .init("less than or equal to", .lte), .init("lower than or equal to", .lte),
        .init("no more than", .lte), .init("not more than", .lte), .init("no higher than", .lte),
        .init("no less than", .gte), .init("not less than", .gte), .init("no lower than", .gte),
        .init("at least", .gte), .init("at most", .lte), .init("equal to", .eq),
        .init("not above", .lte), .init("not over", .lte), .init("not exceeding", .lte),
        .init("not below", .gte), .init("not under", .gte),
        .init("more than", .gt), .init("greater than", .gt), .init("higher than", .gt), .init("larger than", .gt),
        .init("less than", .lt), .init("lower than", .lt), .init("smaller than", .lt), .init("fewer than", .lt),
        .init("faster than", .gt, implying: TelemetryField.speed), .init("slower than", .lt, implying: TelemetryField.speed),
        .init("above", .gt), .init("over", .gt), .init("exceeding", .gt), .init("exceeds", .gt),
        .init("exceeded", .gt), .init("exceed", .gt), .init("below", .lt), .init("under", .lt), .init("beneath", .lt),
        .init("equals", .eq), .init("exactly", .eq), .init("between", nil),
        .init(">=", .gte), .init("=>", .gte), .init("≥", .gte), .init("<=", .lte), .init("=<", .lte), .init("≤", .lte),
        .init(">", .gt), .init("<", .lt), .init("==", .eq), .init("=", .eq),
    ].sorted { $0.words.count > $1.words.count }

    /// The phrase starting at `tokens[index]` and the index after it, or `nil`.
    static func match(in tokens: [QueryToken], at index: Int) -> (phrase: ComparisonPhrase, next: Int)? {
        for phrase in all where index + phrase.words.count <= tokens.count {
            let candidate = tokens[index..<index + phrase.words.count].map(\.lowercased)
            if candidate == phrase.words { return (phrase, index + phrase.words.count) }
        }
        return nil
    }
}
