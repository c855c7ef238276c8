/// Reads amounts written as digits or English words: `2`, `1.5`, `two`, `twenty-four`,
/// `twenty four`, `a`, `an`, `a hundred`, `a couple of`.
enum NumberWords {
    private static let units: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    ]
    private static let teens: [String: Int] = [
        "zero": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// The amount starting at `tokens[index]` and the index of the token after it, or `nil`.
    static func amount(in tokens: [QueryToken], at index: Int) -> (value: Double, next: Int)? {
        guard index < tokens.count else { return nil }
        let word = tokens[index].lowercased
        if word.wholeMatch(of: /\d+(?:\.\d+)?/) != nil, let value = Double(word) {
            return (value, index + 1)
        }
        if word == "a" || word == "an" || word == "one" {
            if lowercased(tokens, index + 1) == "hundred" { return (100, index + 2) }
            if word == "a", lowercased(tokens, index + 1) == "couple", lowercased(tokens, index + 2) == "of" {
                return (2, index + 3)
            }
            return (1, index + 1)
        }
        if word == "hundred" { return (100, index + 1) }
        if let value = wordValue(word) { return (Double(value), index + 1) }
        if let ten = tens[word] {
            if let unit = units[lowercased(tokens, index + 1) ?? ""] { return (Double(ten + unit), index + 2) }
            return (Double(ten), index + 1)
        }
        return nil
    }

    /// `seven`, `fifteen`, `forty` or `twenty-four` as a number, or `nil`.
    private static func wordValue(_ word: String) -> Int? {
        if let value = units[word] ?? teens[word] { return value }
        let parts = word.split(separator: "-").map(String.init)
        if parts.count == 2, let ten = tens[parts[0]], let unit = units[parts[1]] { return ten + unit }
        return nil
    }

    private static func lowercased(_ tokens: [QueryToken], _ index: Int) -> String? {
        tokens.indices.contains(index) ? tokens[index].lowercased : nil
    }
}
