import Testing

/// One row of a temporal test table: the question, the expected bounds (ISO strings, `nil` for an
/// absent bound), the text left to embed, and a phrase the single expected warning must quote.
struct TemporalCase: Sendable, CustomTestStringConvertible {
    var input: String
    var gte: String?
    var lte: String?
    var remaining: String
    var warning: String?

    var testDescription: String { input }

    /// A phrase that yields a range.
    static func range(_ input: String, _ gte: String?, _ lte: String?, remaining: String = "") -> TemporalCase {
        TemporalCase(input: input, gte: gte, lte: lte, remaining: remaining, warning: nil)
    }

    /// A phrase that looks temporal but is unusable: no range, one warning, text unchanged.
    static func invalid(_ input: String, quoting phrase: String) -> TemporalCase {
        TemporalCase(input: input, gte: nil, lte: nil, remaining: input, warning: phrase)
    }

    /// Text that is not temporal at all: no range, no warning, text unchanged.
    static func untouched(_ input: String) -> TemporalCase {
        TemporalCase(input: input, gte: nil, lte: nil, remaining: input, warning: nil)
    }
}
