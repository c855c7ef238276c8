import QueryUnderstanding
import TelemetryModel

/// ``FieldFilter``s compiled once into closures that read a ``TelemetryRecord`` directly.
///
/// ## Field paths
/// - Strings: `event_id`, `level`, `service`, `error_code`, `message`, `vehicle_id`,
///   `vehicle_state`, and `metadata.<key>`.
/// - Numbers: `sensor_readings.<reading>` (`engine_temp`, `battery_voltage`, …),
///   `location.latitude`, `location.longitude`, `diagnostic_info.odometer_km`.
/// - String lists: `diagnostic_info.dtc_codes` (`eq` matches when any code is equal).
///
/// ## Semantics (shared with OpenSearch `term`/`range` queries)
/// `eq` on strings is exact and case-sensitive (the query parser normalises case the way the
/// producer writes it). Ranges compare numbers numerically and strings lexicographically, except
/// `level`, which compares by severity (`INFO` < `WARN` < `ERROR` < `CRITICAL`). A record without
/// the field, or a value of the other type, never matches.
package struct RecordPredicate: Sendable {
    private let tests: [@Sendable (TelemetryRecord) -> Bool]

    /// Compiles `filters`.
    ///
    /// - Throws: ``RetrievalError/unknownFilterField(_:)`` for a path documents do not have.
    package init(_ filters: [FieldFilter]) throws {
        tests = try filters.map(Self.compile)
    }

    /// `true` when `filters` was empty.
    package var isEmpty: Bool { tests.isEmpty }

    /// `true` when the record satisfies every filter.
    package func matches(_ record: TelemetryRecord) -> Bool {
        for test in tests where !test(record) { return false }
        return true
    }

    /// One filter as a test on a whole record.
    ///
    /// - Throws: ``RetrievalError/unknownFilterField(_:)`` for a path documents do not have.
    package static func compile(_ filter: FieldFilter) throws -> @Sendable (TelemetryRecord) -> Bool {
        let op = filter.op
        switch (try Accessor(path: filter.field), filter.value) {
        case (.number(let read), .number(let value)):
            return { record in read(record).map { compare($0, op, value) } ?? false }
        case (.string(let read), .string(let value)):
            return { record in read(record).map { compare($0, op, value) } ?? false }
        case (.strings(let read), .string(let value)):
            return { record in read(record).contains { compare($0, op, value) } }
        case (.level, .string(let value)):
            guard let level = TelemetryLevel(rawValue: value) else { return { _ in false } }
            return { record in compare(record.level.rank, op, level.rank) }
        case (.number, .string), (.string, .number), (.strings, .number), (.level, .number):
            return { _ in false }
        }
    }

    /// Whether a stored string value of `path` satisfies `op value`, with the same semantics as
    /// the record test (severity order for `level`).
    package static func stringMatches(_ stored: String, path: String, op: FilterOp, value: String) -> Bool {
        guard path == TelemetryField.level else { return compare(stored, op, value) }
        guard let storedLevel = TelemetryLevel(rawValue: stored), let level = TelemetryLevel(rawValue: value) else { return false }
        return compare(storedLevel.rank, op, level.rank)
    }

    package static func compare<Value: Comparable>(_ lhs: Value, _ op: FilterOp, _ rhs: Value) -> Bool {
        switch op {
        case .gt: lhs > rhs
        case .gte: lhs >= rhs
        case .lt: lhs < rhs
        case .lte: lhs <= rhs
        case .eq: lhs == rhs
        }
    }

    /// How to read one field path from a record.
    package enum Accessor {
        case number(@Sendable (TelemetryRecord) -> Double?)
        case string(@Sendable (TelemetryRecord) -> String?)
        case strings(@Sendable (TelemetryRecord) -> [String])
        case level

        package init(path: String) throws {
            switch path {
            case "level": self = .level
            case "event_id": self = .string { $0.eventID }
            case "service": self = .string { $0.service }
            case "error_code": self = .string { $0.errorCode }
            case "message": self = .string { $0.message }
            case "vehicle_id": self = .string { $0.vehicleID }
            case "vehicle_state": self = .string { $0.vehicleState }
            case "location.latitude": self = .number { $0.location?.latitude }
            case "location.longitude": self = .number { $0.location?.longitude }
            case "diagnostic_info.odometer_km": self = .number { $0.diagnosticInfo.odometerKm }
            case "diagnostic_info.dtc_codes": self = .strings { $0.diagnosticInfo.dtcCodes }
            default:
                if path.hasPrefix("metadata."), path.count > "metadata.".count {
                    let key = String(path.dropFirst("metadata.".count))
                    self = .string { $0.metadata[key] }
                } else if let field = SensorReadings.fields.first(where: { "sensor_readings.\($0.key)" == path }) {
                    let keyPath = field.keyPath
                    self = .number { $0.sensorReadings[keyPath: keyPath] }
                } else {
                    throw RetrievalError.unknownFilterField(path)
                }
            }
        }
    }
}
