import Foundation
import TelemetryModel

/// An inclusive time window on the document timestamp, with optional bounds.
///
/// At least one bound is present: "before 2025-01-04" has only ``lte``, "after 2025-01-04" only
/// ``gte``. Both bounds are inclusive, so whole days end on their last millisecond
/// (`…T23:59:59.999Z`).
///
/// Encodes as `{"gte": "2025-06-15T10:34:56Z", "lte": "2025-06-15T12:34:56Z"}`: ISO-8601 in UTC with
/// a `Z`, milliseconds only when they are not zero, and an absent bound left out.
public struct TimeRange: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The earliest instant included, or `nil` for no lower bound.
    public var gte: Date?
    /// The latest instant included, or `nil` for no upper bound.
    public var lte: Date?

    /// Creates a range.
    ///
    /// - Precondition: at least one of `gte` and `lte` is not `nil`.
    public init(gte: Date?, lte: Date?) {
        precondition(gte != nil || lte != nil, "a TimeRange needs at least one bound")
        self.gte = gte
        self.lte = lte
    }

    /// `"<gte>...<lte>"` in ISO-8601 UTC, with an empty side for an absent bound.
    public var description: String {
        "\(gte.map(UTCTimestamp.string(from:)) ?? "")...\(lte.map(UTCTimestamp.string(from:)) ?? "")"
    }

    /// The overlap of two ranges, or `nil` when they do not overlap.
    func intersection(_ other: TimeRange) -> TimeRange? {
        let lower = [gte, other.gte].compactMap { $0 }.max()
        let upper = [lte, other.lte].compactMap { $0 }.min()
        if let lower, let upper, lower > upper { return nil }
        return TimeRange(gte: lower, lte: upper)
    }

    private enum CodingKeys: String, CodingKey { case gte, lte }

    /// Decodes ISO-8601 bounds, with or without fractional seconds.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a timestamp that is not ISO-8601, or when both
    ///   bounds are missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let gte = try Self.decodeBound(.gte, from: container)
        let lte = try Self.decodeBound(.lte, from: container)
        guard gte != nil || lte != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a time range needs gte or lte"))
        }
        self.init(gte: gte, lte: lte)
    }

    /// Encodes the present bounds as ISO-8601 UTC strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(gte.map(UTCTimestamp.string(from:)), forKey: .gte)
        try container.encodeIfPresent(lte.map(UTCTimestamp.string(from:)), forKey: .lte)
    }

    private static func decodeBound(_ key: CodingKeys, from container: KeyedDecodingContainer<CodingKeys>) throws -> Date? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = UTCTimestamp.date(from: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an ISO-8601 timestamp: \(text)")
        }
        return date
    }
}
