import Foundation

extension TelemetryRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case eventID = "event_id", timestamp, level, service, errorCode = "error_code", message
        case vehicleID = "vehicle_id", vehicleState = "vehicle_state", location
        case sensorReadings = "sensor_readings", diagnosticInfo = "diagnostic_info", metadata
    }

    /// Decodes a record; the timestamp is read as ISO-8601 whatever the decoder's date strategy.
    ///
    /// A timestamp without an offset is read as UTC. Missing `sensor_readings`, `diagnostic_info`
    /// and `metadata` decode as empty.
    ///
    /// - Throws: `DecodingError` for a missing required field, an unknown level or a timestamp
    ///   that is not ISO-8601.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .timestamp)
        guard let timestamp = FastTimestamp.date(from: text) ?? UTCTimestamp.date(from: text) else {
            throw DecodingError.dataCorruptedError(forKey: .timestamp, in: container, debugDescription: "not an ISO-8601 timestamp: \(text)")
        }
        self.init(
            eventID: try container.decode(String.self, forKey: .eventID),
            timestamp: timestamp,
            level: try container.decode(TelemetryLevel.self, forKey: .level),
            service: try container.decode(String.self, forKey: .service),
            errorCode: try container.decodeIfPresent(String.self, forKey: .errorCode),
            message: try container.decode(String.self, forKey: .message),
            vehicleID: try container.decode(String.self, forKey: .vehicleID),
            vehicleState: try container.decodeIfPresent(String.self, forKey: .vehicleState),
            location: try container.decodeIfPresent(GeoLocation.self, forKey: .location),
            sensorReadings: try container.decodeIfPresent(SensorReadings.self, forKey: .sensorReadings) ?? SensorReadings(),
            diagnosticInfo: try container.decodeIfPresent(DiagnosticInfo.self, forKey: .diagnosticInfo) ?? DiagnosticInfo(),
            metadata: try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        )
    }

    /// Encodes the record with snake_case keys, an ISO-8601 UTC timestamp and absent values omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventID, forKey: .eventID)
        try container.encode(FastTimestamp.string(from: timestamp), forKey: .timestamp)
        try container.encode(level, forKey: .level)
        try container.encode(service, forKey: .service)
        try container.encodeIfPresent(errorCode, forKey: .errorCode)
        try container.encode(message, forKey: .message)
        try container.encode(vehicleID, forKey: .vehicleID)
        try container.encodeIfPresent(vehicleState, forKey: .vehicleState)
        try container.encodeIfPresent(location, forKey: .location)
        try container.encode(sensorReadings, forKey: .sensorReadings)
        try container.encode(diagnosticInfo, forKey: .diagnosticInfo)
        if !metadata.isEmpty { try container.encode(metadata, forKey: .metadata) }
    }
}
