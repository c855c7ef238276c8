import Testing
@testable import QueryUnderstanding

/// One row of a field-filter test table: the question, the filters expected in order, and a
/// phrase the single expected warning must mention (or `nil` for no warning).
struct FieldFilterCase: Sendable, CustomTestStringConvertible {
    var input: String
    var filters: [FieldFilter]
    var warning: String?

    var testDescription: String { input }

    init(_ input: String, _ filters: [FieldFilter], warning: String? = nil) {
        self.input = input
        self.filters = filters
        self.warning = warning
    }
}

extension FieldFilter {
    static func number(_ field: String, _ op: FilterOp, _ value: Double) -> FieldFilter {
        FieldFilter(field: field, op: op, value: .number(value))
    }

    static func equals(_ field: String, _ value: String) -> FieldFilter {
        FieldFilter(field: field, op: .eq, value: .string(value))
    }
}
