import QueryUnderstanding
import TelemetryModel

/// Field filters compiled against ``FilterColumns``: the test the embedded store runs per slot
/// while computing a filter's matching subset.
///
/// Semantics are exactly ``RecordPredicate``'s (the contract suite checks both paths).
struct SlotPredicate {
    private enum Test {
        /// A string column: the slot's code must be one of the allowed codes.
        case interned(codes: [Int32], allowed: [Bool])
        /// A numeric column compared with a value.
        case number(values: [Double], op: FilterOp, value: Double)
        /// A field with no column, tested on the record.
        case record(@Sendable (TelemetryRecord) -> Bool)
        /// A filter that cannot match (a number compared with a string field, or the reverse).
        case never
    }

    private let tests: [Test]

    /// Compiles `filters`.
    ///
    /// - Throws: ``RetrievalError/unknownFilterField(_:)`` for a path documents do not have.
    init(_ filters: [FieldFilter], columns: FilterColumns) throws {
        tests = try filters.map { filter in
            if let column = columns.strings[filter.field] {
                guard case .string(let value) = filter.value else { return .never }
                let allowed = column.values.map { RecordPredicate.stringMatches($0, path: filter.field, op: filter.op, value: value) }
                return .interned(codes: column.codes, allowed: allowed)
            }
            if let values = columns.numbers[filter.field] {
                guard case .number(let value) = filter.value else { return .never }
                return .number(values: values, op: filter.op, value: value)
            }
            return .record(try RecordPredicate.compile(filter))
        }
    }

    /// `true` when there are no filters.
    var isEmpty: Bool { tests.isEmpty }

    /// The slots, in order, that satisfy every filter.
    ///
    /// Works a column at a time: each filter is one tight loop over the surviving slots, so the
    /// per-slot cost is an array read and a comparison, not a dispatch over every filter.
    func filter(_ slots: ArraySlice<Int32>, records: [TelemetryRecord?]) -> [Int32] {
        var surviving = Array(slots)
        for test in tests {
            switch test {
            case .interned(let codes, let allowed):
                surviving = codes.withUnsafeBufferPointer { codes in
                    allowed.withUnsafeBufferPointer { allowed in
                        surviving.filter { slot in
                            let code = codes[Int(slot)]
                            return code >= 0 && allowed[Int(code)]
                        }
                    }
                }
            case .number(let values, let op, let value):
                surviving = values.withUnsafeBufferPointer { values in
                    surviving.filter { RecordPredicate.compare(values[Int($0)], op, value) }
                }
            case .record(let test):
                surviving = surviving.filter { slot in records[Int(slot)].map(test) ?? false }
            case .never:
                return []
            }
            if surviving.isEmpty { break }
        }
        return surviving
    }
}
