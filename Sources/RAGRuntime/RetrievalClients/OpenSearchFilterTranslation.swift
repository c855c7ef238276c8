import AWS
import Foundation
import QueryUnderstanding
import Retrieval
import TelemetryModel

/// Translates a ``SearchFilter`` into the OpenSearch query clauses that go inside a k-NN clause's
/// `filter` ("efficient filtering"), with the same semantics as ``RecordPredicate``.
///
/// - The time window becomes a `range` on `timestamp` (ISO-8601 UTC, inclusive).
/// - `eq` becomes `term`; `gt`/`gte`/`lt`/`lte` become `range`.
/// - A range on `level` becomes `terms` over the levels allowed by severity
///   (`level >= ERROR` → `["ERROR", "CRITICAL"]`), since `level` is a keyword.
/// - A value of the wrong type for its field becomes a clause that matches nothing, as in the
///   embedded store.
///
/// ```swift
/// let clauses = try OpenSearchFilterTranslation.clauses(for: SearchFilter(fields: [hot]))
/// // [["range": ["sensor_readings.engine_temp": ["gt": 110]]]]
/// ```
enum OpenSearchFilterTranslation {
    /// The `bool.filter` query for `filter`, or `nil` when it has no conditions.
    ///
    /// - Throws: ``RetrievalError/unknownFilterField(_:)`` for a path documents do not have.
    static func query(for filter: SearchFilter) throws -> AWSJSONValue? {
        let clauses = try clauses(for: filter)
        return clauses.isEmpty ? nil : ["bool": ["filter": .array(clauses)]]
    }

    /// One clause per condition, in order: the time window first.
    static func clauses(for filter: SearchFilter) throws -> [AWSJSONValue] {
        var clauses: [AWSJSONValue] = []
        if let range = filter.timeRange, range.gte != nil || range.lte != nil {
            var bounds: [String: AWSJSONValue] = [:]
            if let gte = range.gte { bounds["gte"] = .string(FastTimestamp.string(from: gte)) }
            if let lte = range.lte { bounds["lte"] = .string(FastTimestamp.string(from: lte)) }
            clauses.append(["range": ["timestamp": .object(bounds)]])
        }
        for field in filter.fields {
            clauses.append(try clause(for: field))
        }
        return clauses
    }

    /// A clause that no document matches.
    static let matchNothing: AWSJSONValue = ["bool": ["must_not": [["match_all": [:]]]]]

    static func clause(for filter: FieldFilter) throws -> AWSJSONValue {
        let accessor = try RecordPredicate.Accessor(path: filter.field)
        switch (accessor, filter.value) {
        case (.level, .string(let value)):
            guard let level = TelemetryLevel(rawValue: value) else { return matchNothing }
            if filter.op == .eq { return ["term": .object([filter.field: .string(level.rawValue)])] }
            let allowed = TelemetryLevel.allCases.filter { RecordPredicate.compare($0.rank, filter.op, level.rank) }
            return ["terms": .object([filter.field: .array(allowed.map { .string($0.rawValue) })])]
        case (.number, .number(let value)):
            return comparison(filter.field, filter.op, .double(value))
        case (.string, .string(let value)), (.strings, .string(let value)):
            return comparison(filter.field, filter.op, .string(value))
        case (.number, .string), (.string, .number), (.strings, .number), (.level, .number):
            return matchNothing
        }
    }

    static func comparison(_ field: String, _ op: FilterOp, _ value: AWSJSONValue) -> AWSJSONValue {
        switch op {
        case .eq: ["term": .object([field: value])]
        case .gt: ["range": .object([field: ["gt": value]])]
        case .gte: ["range": .object([field: ["gte": value]])]
        case .lt: ["range": .object([field: ["lt": value]])]
        case .lte: ["range": .object([field: ["lte": value]])]
        }
    }
}
