/// The state of one ``FieldFilterParser`` run: the tokens, which of them are already used, and
/// what has been found so far. Its passes live in `FieldFilterScanner+*.swift`.
struct FieldFilterScanner {
    let text: String
    let tokens: [QueryToken]
    /// Filters found, with the index of the token they start at, for ordering.
    private(set) var found: [(position: Int, filter: FieldFilter)] = []
    private(set) var warnings: [String] = []
    private var claimed: Set<Int> = []

    init(text: String) {
        self.text = text
        self.tokens = QueryTokenizer.tokens(in: text)
    }

    /// Records `filter` and marks `tokens` as used so later passes do not read them again.
    mutating func add(_ filter: FieldFilter, claiming tokens: ClosedRange<Int>) {
        found.append((tokens.lowerBound, filter))
        claimed.formUnion(tokens)
    }

    mutating func warn(_ warning: String) {
        warnings.append(warning)
    }

    func isClaimed(_ index: Int) -> Bool {
        claimed.contains(index)
    }

    func word(at index: Int) -> String? {
        tokens.indices.contains(index) ? tokens[index].lowercased : nil
    }

    /// The original text of `tokens[range]`, for warnings.
    func phrase(_ range: ClosedRange<Int>) -> Substring {
        text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound].range.upperBound]
    }

    /// The first index at or after `index` that is not a separator (":", "=", "id", …).
    func skippingSeparators(from index: Int) -> Int {
        var index = index
        while let word = word(at: index), TelemetryVocabulary.separators.contains(word) { index += 1 }
        return index
    }

    /// The last index at or before `index` that is not ":" or "=".
    func skippingPunctuation(backFrom index: Int) -> Int {
        var index = index
        while let word = word(at: index), [":", "=", "=="].contains(word) { index -= 1 }
        return index
    }
}
