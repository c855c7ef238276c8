/// One structured condition on a telemetry field, recognised in a question.
///
/// `field` is the dotted document path the vector store filters on (`sensor_readings.engine_temp`,
/// `vehicle_state`, `level`, …; see ``TelemetryField``). Several filters in a ``ParsedQuery`` are
/// meant to be combined with AND.
///
/// ```swift
/// // "engine temperature above 110°C"
/// FieldFilter(field: "sensor_readings.engine_temp", op: .gt, value: .number(110))
/// ```
public struct FieldFilter: Sendable, Equatable, Hashable, Codable {
    /// The dotted document path, for example `sensor_readings.battery_voltage`.
    public var field: String
    /// How the field is compared with ``value``.
    public var op: FilterOp
    /// The value to compare with, in the field's canonical unit.
    public var value: FilterValue

    /// Creates a filter.
    ///
    /// - Parameters:
    ///   - field: The dotted document path.
    ///   - op: The comparison.
    ///   - value: The value to compare with.
    public init(field: String, op: FilterOp, value: FilterValue) {
        self.field = field
        self.op = op
        self.value = value
    }
}
