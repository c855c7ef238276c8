extension WordPieceTokenizer {
    /// A stretch of the raw text: a special token written literally, or text to normalize.
    enum Segment {
        case special(Int32)
        case text(Substring)
    }

    /// Splits `text` at literal special tokens (leftmost, longest first), as `tokenizers` splits
    /// added tokens that are not normalized before anything else runs.
    func segments(of text: String) -> [Segment] {
        let scalars = text.unicodeScalars
        guard scalars.contains("[") else { return [.text(text[...])] }
        var segments: [Segment] = []
        var textStart = scalars.startIndex
        var index = scalars.startIndex
        search: while index < scalars.endIndex {
            if scalars[index] == "[" {
                for token in specialTokens where scalars[index...].starts(with: token.text) {
                    if textStart < index { segments.append(.text(Substring(scalars[textStart..<index]))) }
                    segments.append(.special(token.id))
                    index = scalars.index(index, offsetBy: token.text.count)
                    textStart = index
                    continue search
                }
            }
            index = scalars.index(after: index)
        }
        if textStart < scalars.endIndex { segments.append(.text(Substring(scalars[textStart...]))) }
        return segments
    }
}
