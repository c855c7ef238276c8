import Foundation
import QueryUnderstanding

/// One labelled question: what a person would type, which records answer it, and what the parser
/// should read from it.
///
/// The truth comes from the generator, which knows each record's scenario: a record is relevant
/// when its error code is one of ``codes`` and its timestamp is inside the question's expected window.
public struct EvaluationQuestion: Sendable, Equatable {
    /// How the question is written.
    public enum Style: String, Sendable, CaseIterable, Comparable {
        /// The scenario in other words than the records use.
        case paraphrase
        /// Shortened words ("eng temp", "batt", "psi").
        case abbreviation
        /// Typing errors.
        case misspelling
        /// An exact code or id: a DTC, an error code.
        case exactCode = "exact code"
        /// A paraphrase with a time window ("in the last 30 minutes"); the parsed range is checked too.
        case timeWindow = "time window"

        public static func < (lhs: Style, rhs: Style) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The question.
    public var text: String
    public var style: Style
    /// The error codes of the records that answer it.
    public var codes: Set<String>
    /// The window the question names, as seconds before "now" (`nil`: all time).
    public var window: TimeInterval?
    /// The field conditions the parser should find.
    public var fields: [FieldFilter]

    public init(_ text: String, _ style: Style, codes: Set<String>, window: TimeInterval? = nil, fields: [FieldFilter] = []) {
        self.text = text
        self.style = style
        self.codes = codes
        self.window = window
        self.fields = fields
    }
}
