import QueryUnderstanding
import TelemetryModel

/// Columnar copies of the filterable scalar fields, one entry per slot, so a field filter over a
/// million documents is a scan of a flat array rather than of a million records.
///
/// String fields (`level`, `service`, `error_code`, `vehicle_id`, `vehicle_state`) are interned:
/// each slot holds a small integer code (-1 when absent), and a filter is evaluated once per
/// distinct value, not once per document. Numeric fields (every `sensor_readings.*`,
/// `location.*`, `diagnostic_info.odometer_km`) hold `Double`s, NaN when absent; NaN fails every
/// comparison, so an absent reading never matches, as in OpenSearch. Other paths (`message`,
/// `event_id`, `metadata.*`, `diagnostic_info.dtc_codes`) are tested on the record.
struct FilterColumns: Sendable {
    /// The distinct values of one string field and each slot's code.
    struct InternedColumn: Sendable {
        var codes: [Int32] = []
        var values: [String] = []
        var codesByValue: [String: Int32] = [:]

        mutating func code(for value: String?) -> Int32 {
            guard let value else { return -1 }
            if let code = codesByValue[value] { return code }
            let code = Int32(values.count)
            values.append(value)
            codesByValue[value] = code
            return code
        }
    }

    static let stringPaths = [
        TelemetryField.level, TelemetryField.service, TelemetryField.errorCode, TelemetryField.vehicleID, TelemetryField.vehicleState,
    ]
    static let numberPaths = SensorReadings.fields.map { "sensor_readings.\($0.key)" }
        + ["location.latitude", "location.longitude", "diagnostic_info.odometer_km"]

    private(set) var strings: [String: InternedColumn] = [:]
    private(set) var numbers: [String: [Double]] = [:]
    private let stringReaders: [(path: String, read: @Sendable (TelemetryRecord) -> String?)]
    private let numberReaders: [(path: String, read: @Sendable (TelemetryRecord) -> Double?)]

    init() {
        stringReaders = Self.stringPaths.map { path in
            if path == TelemetryField.level { return (path, { $0.level.rawValue }) }
            guard case .string(let read) = try? RecordPredicate.Accessor(path: path) else { preconditionFailure("no string reader for \(path)") }
            return (path, read)
        }
        numberReaders = Self.numberPaths.map { path in
            guard case .number(let read) = try? RecordPredicate.Accessor(path: path) else { preconditionFailure("no number reader for \(path)") }
            return (path, read)
        }
        for path in Self.stringPaths { strings[path] = InternedColumn() }
        for path in Self.numberPaths { numbers[path] = [] }
    }

    /// Adds the next slot's values; `nil` (a tombstoned slot) adds absent values.
    mutating func append(_ record: TelemetryRecord?) {
        for reader in stringReaders {
            let code = strings[reader.path]!.code(for: record.flatMap(reader.read))
            strings[reader.path]!.codes.append(code)
        }
        for reader in numberReaders { numbers[reader.path]!.append(record.flatMap(reader.read) ?? .nan) }
    }

    /// Replaces the values of an existing slot.
    mutating func update(_ record: TelemetryRecord, at slot: Int) {
        for reader in stringReaders {
            let code = strings[reader.path]!.code(for: reader.read(record))
            strings[reader.path]!.codes[slot] = code
        }
        for reader in numberReaders { numbers[reader.path]![slot] = reader.read(record) ?? .nan }
    }
}
