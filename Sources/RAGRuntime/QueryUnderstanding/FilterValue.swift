/// The value a ``FieldFilter`` compares against: a number or a string.
///
/// Encodes as a bare JSON number or string, so `FieldFilter` reads naturally on the wire:
/// `{"field": "sensor_readings.speed", "op": "gt", "value": 100}`.
public enum FilterValue: Sendable, Equatable, Hashable, Codable {
    /// A numeric value in the field's canonical unit (°C, V, km/h, %, psi, rpm).
    case number(Double)
    /// A string value, already normalised (upper-case states, levels and codes; lower-case services).
    case string(String)

    /// Decodes a bare JSON number or string.
    ///
    /// - Throws: `DecodingError.typeMismatch` when the value is neither.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            // A number failed to decode, so a string must; if not, the string error is the one to report.
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes the value as a bare JSON number or string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }
}
