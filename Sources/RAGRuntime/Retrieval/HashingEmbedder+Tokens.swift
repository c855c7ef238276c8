extension HashingEmbedder {
    /// Words too common in questions to say anything about a log record.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
        "what", "which", "who", "whom", "when", "where", "why", "how", "do", "does", "did", "have", "has",
        "had", "any", "all", "me", "my", "our", "we", "you", "your", "i", "show", "list", "find", "tell",
        "there", "their", "them", "they", "please", "can", "could", "would", "should", "about",
    ]

    /// The lower-cased tokens of `text` as UTF-8 bytes, stop words removed.
    ///
    /// A token is a run of letters, digits, `-` and `_`, trimmed of leading and trailing `-`/`_`.
    /// A compound token (`engine-monitor`, `bat_low`) is followed by its parts.
    static func tokens(of text: String) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingJoiners
            current = ""
            guard !trimmed.isEmpty, !stopWords.contains(trimmed) else { return }
            tokens.append(Array(trimmed.utf8))
            let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "_" })
            if parts.count > 1 {
                for part in parts where !stopWords.contains(String(part)) { tokens.append(Array(part.utf8)) }
            }
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }
}

private extension String {
    /// The string without leading and trailing `-` and `_`.
    var trimmingJoiners: String {
        let isJoiner: (Character) -> Bool = { $0 == "-" || $0 == "_" }
        guard let first = firstIndex(where: { !isJoiner($0) }), let last = lastIndex(where: { !isJoiner($0) }) else { return "" }
        return String(self[first...last])
    }
}
