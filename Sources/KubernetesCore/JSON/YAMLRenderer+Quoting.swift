extension YAMLRenderer {
    /// Words that YAML 1.1 resolvers (libyaml, Yams, PyYAML) read as booleans or null.
    static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    ]

    /// Characters allowed in a plain (unquoted) scalar. Anything else forces double quotes.
    private static func isPlainSafe(_ character: Character) -> Bool {
        if character.isASCII, character.isLetter || character.isNumber { return true }
        return " _./=()+@-:".contains(character)
    }

    /// The text as a plain scalar when that is unambiguous, otherwise as a double-quoted scalar
    /// with JSON-compatible escapes.
    static func quoteIfNeeded(_ text: String) -> String {
        guard let first = text.first, let last = text.last else { return "\"\"" }
        let plain = (first.isASCII && first.isLetter || first == "/")
            && last != " " && last != ":"
            && text.allSatisfy(isPlainSafe)
            && !text.contains(": ")
            && !reservedWords.contains(text.lowercased())
            && !looksNumeric(text)
        return plain ? text : doubleQuoted(text)
    }

    /// Catches what starts with a letter yet still resolves as a number (`.inf`, `e5` never do,
    /// but YAML 1.1 sexagesimals and hex start with digits, which are already quoted).
    private static func looksNumeric(_ text: String) -> Bool {
        Double(text) != nil
    }

    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
