import Foundation
import TelemetryModel

/// A raw record read from a stream shard, before parsing: the consumer's unit of delivery.
public struct SourceRecord: Sendable, Equatable {
    /// The shard (Kinesis shard ID, or `local`).
    public var shard: String
    /// The position to acknowledge once this record is indexed or dead-lettered: the Kinesis
    /// sequence number, or the ``LocalStreamPosition`` after the entry.
    public var position: String
    /// The payload: a JSON ``TelemetryRecord``, or anything else for a poison record.
    public var data: Data
    /// When the stream received it, when known (for lag).
    public var arrivedAt: Date?

    /// Creates a record.
    public init(shard: String, position: String, data: Data, arrivedAt: Date? = nil) {
        self.shard = shard
        self.position = position
        self.data = data
        self.arrivedAt = arrivedAt
    }
}

/// A record the consumer gave up on, with the reason: written to the dead-letter store.
///
/// JSON (snake_case): `{"shard", "position", "event_id"?, "reason", "data", "failed_at"}`;
/// `data` is the payload as text, so an unparseable record can be inspected and replayed.
public struct DeadLetter: Sendable, Equatable, Codable {
    /// The shard it came from.
    public var shard: String
    /// Its position in the shard.
    public var position: String
    /// Its `event_id`, when it parsed.
    public var eventID: String?
    /// Why it was not indexed: `unparseable: …`, `embedding rejected: …`, `indexing failed: …`.
    public var reason: String
    /// The payload as UTF-8 text.
    public var data: String
    /// When the consumer gave up, ISO-8601 UTC.
    public var failedAt: String

    /// Creates a dead letter for `record`.
    public init(record: SourceRecord, eventID: String?, reason: String, at date: Date) {
        shard = record.shard
        position = record.position
        self.eventID = eventID
        self.reason = reason
        data = String(decoding: record.data, as: UTF8.self)
        failedAt = FastTimestamp.string(from: date)
    }

    private enum CodingKeys: String, CodingKey {
        case shard, position, eventID = "event_id", reason, data, failedAt = "failed_at"
    }
}
