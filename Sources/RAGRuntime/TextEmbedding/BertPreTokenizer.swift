/// BERT's pre-tokenizer: splits normalized text into words at whitespace (dropped) and around
/// punctuation (each punctuation scalar becomes a word of its own).
///
/// Punctuation is every ASCII punctuation or symbol character (`!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`,
/// as BERT counts `$`, `+`, `<`, `^` and `|` too) and every scalar of a Unicode punctuation category
/// (Pc, Pd, Ps, Pe, Pi, Pf, Po).
///
/// ```swift
/// BertPreTokenizer.words(in: Array("p0217, critical!".unicodeScalars))  // ["p0217", ",", "critical", "!"]
/// ```
public enum BertPreTokenizer {
    /// The words of `scalars`, each a range into it.
    public static func wordRanges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int? = nil
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if let begin = start { words.append(begin..<index) }
                start = nil
            } else if isPunctuation(scalar) {
                if let begin = start { words.append(begin..<index) }
                words.append(index..<(index + 1))
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { words.append(begin..<scalars.count) }
        return words
    }

    /// The words of `scalars` as strings (for tests and debugging).
    public static func words(in scalars: [Unicode.Scalar]) -> [String] {
        wordRanges(in: scalars).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<128: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }
}
