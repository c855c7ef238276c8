import Foundation
import Retrieval
import TelemetryModel

/// One retrieved record as the query API returns it in `sources`.
///
/// The record's own snake_case fields plus `id` (the `event_id`) and `score`; the timestamp is
/// ISO-8601 UTC. Absent optional values are `null`, so every source has the same keys.
public struct QuerySource: Sendable, Equatable, Codable {
    /// The document id: the record's `event_id`.
    public var id: String
    /// Cosine similarity with the question, rounded to 4 decimals.
    public var score: Float
    /// When the event happened, ISO-8601 UTC.
    public var timestamp: String
    /// The vehicle (`vehicle_id`).
    public var vehicleID: String
    /// The emitting service.
    public var service: String
    /// The error code (`error_code`), or `null`.
    public var errorCode: String?
    /// The severity.
    public var level: TelemetryLevel
    /// The log message.
    public var message: String
    /// The vehicle state (`vehicle_state`), or `null`.
    public var vehicleState: String?
    /// The sensor values (`sensor_readings`).
    public var sensorReadings: SensorReadings
    /// Diagnostic trouble codes and details (`diagnostic_info`).
    public var diagnosticInfo: DiagnosticInfo
    /// Where the vehicle was, or `null`.
    public var location: GeoLocation?

    /// The source for a hit; the score is rounded to 4 decimals.
    public init(_ hit: SearchHit) {
        let record = hit.record
        id = record.eventID
        score = (hit.score * 10_000).rounded() / 10_000
        timestamp = UTCTimestamp.string(from: record.timestamp)
        vehicleID = record.vehicleID
        service = record.service
        errorCode = record.errorCode
        level = record.level
        message = record.message
        vehicleState = record.vehicleState
        sensorReadings = record.sensorReadings
        diagnosticInfo = record.diagnosticInfo
        location = record.location
    }

    private enum CodingKeys: String, CodingKey {
        case id, score, timestamp, vehicleID = "vehicle_id", service, errorCode = "error_code", level, message
        case vehicleState = "vehicle_state", sensorReadings = "sensor_readings", diagnosticInfo = "diagnostic_info", location
    }

    /// Encodes every key, with `null` for absent optional values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(score, forKey: .score)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(vehicleID, forKey: .vehicleID)
        try container.encode(service, forKey: .service)
        try container.encode(errorCode, forKey: .errorCode)
        try container.encode(level, forKey: .level)
        try container.encode(message, forKey: .message)
        try container.encode(vehicleState, forKey: .vehicleState)
        try container.encode(sensorReadings, forKey: .sensorReadings)
        try container.encode(diagnosticInfo, forKey: .diagnosticInfo)
        try container.encode(location, forKey: .location)
    }
}
