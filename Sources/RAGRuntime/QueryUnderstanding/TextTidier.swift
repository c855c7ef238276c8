/// Removes spans from a question and tidies what is left for embedding.
enum TextTidier {
    /// `text` without `spans`, with runs of whitespace collapsed, no space before punctuation,
    /// no empty brackets, no comma, semicolon, colon, "and" or "or" left dangling at either end, and
    /// nothing at all when only punctuation is left.
    ///
    /// ```swift
    /// TextTidier.tidy("Since yesterday, which vehicles overheated?", removing: [spanOfSinceYesterday])
    /// // "which vehicles overheated?"
    /// ```
    static func tidy(_ text: String, removing spans: [Range<String.Index>] = []) -> String {
        var kept = ""
        var cursor = text.startIndex
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) where span.lowerBound >= cursor {
            kept += text[cursor..<span.lowerBound]
            kept += " "
            cursor = span.upperBound
        }
        kept += text[cursor...]
        return kept
            .replacing(/\s+/, with: " ")
            .replacing(/\(\s*\)|\[\s*\]/, with: "")
            .replacing(/\s+([?!.,;:)\]])/) { $0.output.1 }
            .replacing(/([,;:])\s*(?=[?!.,;:]|$)/, with: "")
            .replacing(/^[\s,;:]+/, with: "")
            .replacing(/\s+$/, with: "")
            .replacing(/^(?i:and|or)\b\s*/, with: "")
            .replacing(/\s+(?i:and|or)(?=[?!.]*$)/, with: "")
            .replacing(/\s{2,}/, with: " ")
            .replacing(/^[^\p{L}\p{N}]+$/, with: "")
    }
}
