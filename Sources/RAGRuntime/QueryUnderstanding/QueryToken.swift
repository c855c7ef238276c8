/// One word, number or symbol of a question, still pointing into the original text.
struct QueryToken: Sendable, Equatable {
    /// The token as written, a slice of the original question.
    let text: Substring
    /// The token in lower case, for matching keywords case-insensitively.
    let lowercased: String

    init(_ text: Substring) {
        self.text = text
        self.lowercased = text.lowercased()
    }

    /// Where the token sits in the original question.
    var range: Range<String.Index> { text.startIndex..<text.endIndex }

    /// Whether the token is written entirely in capitals and contains a letter (`MOVING`, `ENG-001`).
    var isUppercase: Bool {
        text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
    }
}
