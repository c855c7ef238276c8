/// The severity of a ``TelemetryRecord``, ordered from ``info`` to ``critical``.
///
/// Encodes as `INFO`, `WARN`, `ERROR` or `CRITICAL`; decoding also accepts lower case and `WARNING`.
public enum TelemetryLevel: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Informational.
    case info = "INFO"
    /// Something to watch.
    case warn = "WARN"
    /// A fault.
    case error = "ERROR"
    /// A fault that needs immediate attention.
    case critical = "CRITICAL"

    /// The rank used for ordering: `info` is lowest.
    package var rank: Int {
        switch self {
        case .info: 0
        case .warn: 1
        case .error: 2
        case .critical: 3
        }
    }

    /// `true` when `lhs` is less severe than `rhs`.
    public static func < (lhs: TelemetryLevel, rhs: TelemetryLevel) -> Bool { lhs.rank < rhs.rank }

    /// Decodes a level name, case-insensitively; `WARNING` reads as ``warn``.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for any other name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self).uppercased()
        if let level = TelemetryLevel(rawValue: name == "WARNING" ? "WARN" : name) {
            self = level
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown level \(name)")
        }
    }

    /// Encodes the upper-case name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
