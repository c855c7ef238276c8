import Foundation

/// An RFC 3339 time as Kubernetes writes it: `2025-01-04T10:00:00Z` (seconds precision), and
/// with microseconds for `MicroTime` fields (Lease, Event): `2025-01-04T10:00:00.123456Z`.
///
/// Decoding accepts both forms. Encoding keeps the precision it was created with.
public struct Timestamp: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: Date
    public var microseconds: Bool

    public init(_ date: Date, microseconds: Bool = false) {
        self.date = date
        self.microseconds = microseconds
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = Timestamp.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an RFC 3339 time: \(text)"))
        }
        self.date = date
        self.microseconds = text.contains(".")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { Timestamp.format(date, microseconds: microseconds) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }

    /// Formats a date in UTC.
    public static func format(_ date: Date, microseconds: Bool) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        var text = Date.ISO8601FormatStyle().format(Date(timeIntervalSince1970: seconds))
        if text.hasSuffix("Z") { text.removeLast() }
        if microseconds {
            let micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded()) % 1_000_000
            text += "." + String(format: "%06d", micros)
        }
        return text + "Z"
    }

    /// Parses RFC 3339 with or without fractional seconds, with `Z` or an offset.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
