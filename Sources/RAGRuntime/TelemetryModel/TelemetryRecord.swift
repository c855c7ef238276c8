import Foundation

/// One vehicle log event: the document the pipeline ingests, embeds, indexes and cites.
///
/// The fields follow the reference blueprint's vehicle logs, with snake_case JSON keys
/// (`event_id`, `timestamp`, `level`, `service`, `error_code`, `message`, `vehicle_id`,
/// `vehicle_state`, `location`, `sensor_readings`, `diagnostic_info`, `metadata`). `event_id` is
/// unique: the vector stores use it as the document id, so a re-delivered event replaces itself
/// instead of creating a duplicate.
///
/// ```swift
/// let record = TelemetryRecord(
///     eventID: "evt-1", timestamp: now, level: .critical, service: "engine-monitor",
///     errorCode: "ENG-001", message: "Engine temperature critical", vehicleID: "VH-0042",
///     vehicleState: "MOVING", sensorReadings: SensorReadings(engineTemp: 118.5)
/// )
/// let data = try JSONEncoder().encode(record)   // {"event_id":"evt-1","timestamp":"2025-…Z",…}
/// ```
public struct TelemetryRecord: Sendable, Equatable, Hashable {
    /// The unique event id (`event_id`); the document id in every vector store.
    public var eventID: String
    /// When the event happened, encoded as ISO-8601 UTC (`2025-06-15T12:34:56Z`).
    public var timestamp: Date
    /// The severity.
    public var level: TelemetryLevel
    /// The emitting service, lower-case (`engine-monitor`, `battery-management`).
    public var service: String
    /// The error code (`ENG-001`), or `nil` for purely informational events.
    public var errorCode: String?
    /// The human-readable log message.
    public var message: String
    /// The vehicle identifier (`VH-0042`).
    public var vehicleID: String
    /// `MOVING`, `IDLE`, `PARKED`, `CHARGING`, `STOPPED` or `MAINTENANCE`, when known.
    public var vehicleState: String?
    /// Where the vehicle was, when known.
    public var location: GeoLocation?
    /// Sensor values at the time of the event; absent readings are `nil`.
    public var sensorReadings: SensorReadings
    /// Diagnostic trouble codes and related details.
    public var diagnosticInfo: DiagnosticInfo
    /// Free-form string annotations (firmware version, region, …).
    public var metadata: [String: String]

    /// Creates a record; every optional part defaults to absent or empty.
    public init(
        eventID: String,
        timestamp: Date,
        level: TelemetryLevel,
        service: String,
        errorCode: String? = nil,
        message: String,
        vehicleID: String,
        vehicleState: String? = nil,
        location: GeoLocation? = nil,
        sensorReadings: SensorReadings = SensorReadings(),
        diagnosticInfo: DiagnosticInfo = DiagnosticInfo(),
        metadata: [String: String] = [:]
    ) {
        self.eventID = eventID
        self.timestamp = timestamp
        self.level = level
        self.service = service
        self.errorCode = errorCode
        self.message = message
        self.vehicleID = vehicleID
        self.vehicleState = vehicleState
        self.location = location
        self.sensorReadings = sensorReadings
        self.diagnosticInfo = diagnosticInfo
        self.metadata = metadata
    }
}
