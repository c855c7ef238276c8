/// Splits a question into ``QueryToken``s.
///
/// Words are split on whitespace; surrounding punctuation (`?`, `,`, `(`, quotes, …) becomes tokens
/// of its own, and comparison symbols (`<`, `>=`, `=`) are split out of words (`rpm>3000`). Inner
/// punctuation is kept, so `2025-01-04T10:00:00Z`, `14:00`, `11.5V`, `km/h` and `ENG-001` stay whole.
enum QueryTokenizer {
    private static let leadingPunctuation: Set<Character> = ["(", "[", "{", "\"", "'", "“", "‘", "«", "¿", "¡"]
    private static let trailingPunctuation: Set<Character> = ["?", "!", ",", ";", ":", ".", ")", "]", "}", "\"", "'", "”", "’", "»"]
    private static let comparisonSymbols: Set<Character> = ["<", ">", "=", "≤", "≥"]

    /// The tokens of `text`, in order.
    static func tokens(in text: String) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard !text[index].isWhitespace else {
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
            appendWord(text[index..<end], to: &tokens)
            index = end
        }
        return tokens
    }

    private static func appendWord(_ word: Substring, to tokens: inout [QueryToken]) {
        var start = word.startIndex
        while start < word.endIndex, leadingPunctuation.contains(word[start]) {
            let next = word.index(after: start)
            tokens.append(QueryToken(word[start..<next]))
            start = next
        }
        var end = word.endIndex
        var trailing: [QueryToken] = []
        while end > start {
            let previous = word.index(before: end)
            guard trailingPunctuation.contains(word[previous]) else { break }
            trailing.insert(QueryToken(word[previous..<end]), at: 0)
            end = previous
        }
        appendSplittingComparisons(word[start..<end], to: &tokens)
        tokens.append(contentsOf: trailing)
    }

    private static func appendSplittingComparisons(_ core: Substring, to tokens: inout [QueryToken]) {
        var runStart = core.startIndex
        var index = core.startIndex
        while index < core.endIndex {
            let next = core.index(after: index)
            let isSymbol = comparisonSymbols.contains(core[index])
            if next == core.endIndex || comparisonSymbols.contains(core[next]) != isSymbol {
                tokens.append(QueryToken(core[runStart..<next]))
                runStart = next
            }
            index = next
        }
    }
}
