/// A comparison between a telemetry field and a value.
///
/// Encodes as its lowercase raw value (`"gt"`, `"gte"`, `"lt"`, `"lte"`, `"eq"`), which matches the
/// OpenSearch `range`/`term` vocabulary the vector store builds its filters from.
///
/// ```swift
/// FieldFilter(field: "sensor_readings.speed", op: .gt, value: .number(100))
/// ```
public enum FilterOp: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Strictly greater than ("above", "over", "more than", `>`).
    case gt
    /// Greater than or equal to ("at least", "no less than", `>=`).
    case gte
    /// Strictly less than ("below", "under", "less than", `<`).
    case lt
    /// Less than or equal to ("at most", "no more than", `<=`).
    case lte
    /// Equal to: used for every string field and for "exactly"/`=` on numbers.
    case eq
}
