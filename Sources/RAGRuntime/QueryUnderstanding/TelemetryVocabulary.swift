/// The words for states, severities and services that ``FieldFilterParser`` recognises.
enum TelemetryVocabulary {
    /// Known service names. Hyphenated names also match when written with a space
    /// ("brake system"), except those too close to ordinary phrases ("vehicle telemetry").
    static let services: [String] = [
        "engine-monitor", "battery-management", "navigation", "telematics", "brake-system", "tire-monitor",
        "vehicle-telemetry", "diagnostic-system", "sensor-gateway", "navigation-system",
    ]

    /// Services whose spaced spelling is also accepted.
    static let spacedServices: Set<String> = ["engine-monitor", "battery-management", "brake-system", "tire-monitor"]

    /// Words naming a vehicle state, and the state they name.
    static let vehicleStates: [String: String] = [
        "moving": "MOVING", "idle": "IDLE", "idling": "IDLE", "parked": "PARKED", "charging": "CHARGING",
        "stopped": "STOPPED", "maintenance": "MAINTENANCE",
    ]

    /// Words before a state word that make it a state ("vehicles **that are** moving", "state: idle").
    static let stateLeadWords: Set<String> = [
        "state", "status", "vehicle_state", "is", "are", "were", "was", "while", "when", "currently", "being", "been",
    ]

    /// Words after a state word that make it a state ("moving **vehicles**", "idle **mode**").
    static let stateFollowWords: Set<String> = [
        "vehicle", "vehicles", "car", "cars", "truck", "trucks", "van", "vans", "bus", "buses", "fleet",
        "state", "status", "mode", "ones", "units",
    ]

    /// Severity words and the level they name.
    static let levels: [String: String] = [
        "info": "INFO", "warn": "WARN", "warning": "WARN", "warnings": "WARN", "error": "ERROR", "critical": "CRITICAL",
    ]

    /// Nouns after "critical", "warning" or "info" that make it a severity ("critical **errors**").
    static let severityNouns: Set<String> = [
        "error", "errors", "event", "events", "alert", "alerts", "issue", "issues", "fault", "faults",
        "failure", "failures", "problem", "problems", "log", "logs", "message", "messages", "entry", "entries",
        "warning", "warnings", "incident", "incidents",
    ]

    /// Words after which any severity word is a level ("level: warn", "severity critical").
    /// Vehicle systems and readings that make a severity word before them a level ("a critical
    /// engine temperature", "critical battery alerts").
    static let systemWords: Set<String> = [
        "engine", "battery", "oil", "fuel", "coolant", "tire", "tires", "tyre", "tyres", "brake", "brakes", "abs",
        "temperature", "voltage", "pressure", "sensor", "gps", "transmission",
    ]

    static let levelLeadWords: Set<String> = ["level", "severity", "loglevel", "log_level", "log-level"]

    /// Words before a vehicle identifier ("vehicle VH-0042", "VIN 1HGCM82633A004352").
    static let vehicleWords: Set<String> = [
        "vehicle", "vehicles", "car", "truck", "van", "bus", "vin", "vehicle_id", "vehicle-id", "vehicleid",
    ]

    /// Words before an error code ("error code ENG-001", "code E1234").
    static let codeWords: Set<String> = ["code", "codes", "error_code", "error-code", "errorcode", "dtc"]

    /// Words before a service name ("service navigation", "service: brake-system").
    static let serviceWords: Set<String> = ["service", "service_name", "service-name", "servicename"]

    /// Punctuation and filler skipped between a keyword and its value ("vehicle id: VH-0042").
    static let separators: Set<String> = [":", "=", "==", "#", "id", "number", "no", "named", "called"]
}
