import Foundation

/// A filter on telemetry fields: a `bool` query of `filter` clauses (no scoring), used inside the
/// k-NN clause for efficient filtering and by `_count`.
///
/// ```swift
/// let filter = OpenSearchFilter()
///     .timestamp(from: start, to: end)
///     .term("vehicle_id", "VIN123")
///     .range("sensor_readings.coolant_temp", greaterThanOrEqual: 110)
/// filter.json   // {"bool": {"filter": [{"range": {"timestamp": {...}}}, {"term": ...}, {"range": ...}]}}
/// ```
public struct OpenSearchFilter: Sendable, Hashable {
    /// One clause of the filter.
    public enum Clause: Sendable, Hashable {
        /// `{"term": {field: value}}`: an exact match on a keyword or number.
        case term(field: String, value: AWSJSONValue)
        /// `{"range": {field: {"gte": …, "lte": …}}}`: bounds that are `nil` are left out.
        case range(field: String, greaterThanOrEqual: AWSJSONValue?, lessThanOrEqual: AWSJSONValue?)
    }

    /// The clauses, all of which must match.
    public var clauses: [Clause]

    /// Creates a filter from clauses; no clauses match every document.
    ///
    /// - Parameter clauses: The clauses. Defaults to none.
    public init(_ clauses: [Clause] = []) {
        self.clauses = clauses
    }

    /// Whether the filter has no clauses.
    public var isEmpty: Bool { clauses.isEmpty }

    /// This filter with a `range` on `timestamp`, bounds as ISO 8601 UTC with milliseconds.
    ///
    /// - Parameters:
    ///   - from: The earliest time, inclusive, or `nil`.
    ///   - to: The latest time, inclusive, or `nil`.
    public func timestamp(from: Date?, to: Date?) -> OpenSearchFilter {
        range("timestamp", greaterThanOrEqual: from.map { .string(Self.format($0)) },
              lessThanOrEqual: to.map { .string(Self.format($0)) })
    }

    /// This filter with a `term` clause.
    public func term(_ field: String, _ value: AWSJSONValue) -> OpenSearchFilter {
        OpenSearchFilter(clauses + [.term(field: field, value: value)])
    }

    /// This filter with a `range` clause; `nil` bounds are left out.
    public func range(
        _ field: String, greaterThanOrEqual lower: AWSJSONValue? = nil, lessThanOrEqual upper: AWSJSONValue? = nil
    ) -> OpenSearchFilter {
        OpenSearchFilter(clauses + [.range(field: field, greaterThanOrEqual: lower, lessThanOrEqual: upper)])
    }

    /// The filter as a query: `{"bool": {"filter": [...]}}`.
    public var json: AWSJSONValue {
        ["bool": ["filter": .array(clauses.map(\.json))]]
    }

    /// `2026-11-25T00:36:44.000Z`: a `strict_date_optional_time` value in UTC.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }
}

extension OpenSearchFilter.Clause {
    /// The clause as a query.
    public var json: AWSJSONValue {
        switch self {
        case .term(let field, let value):
            return ["term": .object([field: value])]
        case .range(let field, let lower, let upper):
            var bounds: [String: AWSJSONValue] = [:]
            if let lower { bounds["gte"] = lower }
            if let upper { bounds["lte"] = upper }
            return ["range": .object([field: .object(bounds)])]
        }
    }
}
