/// A temporal phrase found in a question: which tokens it spans and what it means.
struct TemporalPhrase: Sendable, Equatable {
    /// What the phrase means.
    enum Outcome: Sendable, Equatable {
        /// A usable time window.
        case range(TimeRange)
        /// The phrase looked temporal but cannot be used, and why (lower case, no final period).
        case invalid(reason: String)
    }

    /// The indices of the tokens the phrase spans, including a leading "in the"/"over the".
    var tokens: Range<Int>
    /// What the phrase means.
    var outcome: Outcome
}
