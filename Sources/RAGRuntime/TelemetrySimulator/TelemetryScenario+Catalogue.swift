import TelemetryModel

extension TelemetryScenario {
    /// Every scenario; informational events carry about half of the weight.
    public static let catalogue: [TelemetryScenario] = informational + engine + electrical + chassis

    private static func text(_ reading: Reading, _ readings: SensorReadings) -> String {
        SensorReadings.format(((reading.value(in: readings) ?? 0) * 10).rounded() / 10)
    }

    private static func make(
        _ errorCode: String?, _ service: String, _ level: TelemetryLevel, dtc: [String] = [], lamp: Bool = false,
        states: [String], weight: Double, anomaly: Anomaly? = nil, message: @escaping @Sendable (SensorReadings) -> String
    ) -> TelemetryScenario {
        TelemetryScenario(
            errorCode: errorCode, service: service, level: level, dtcCodes: dtc, checkEngineLight: lamp,
            states: states, weight: weight, anomaly: anomaly, message: message)
    }

    private static let informational: [TelemetryScenario] = [
        make(nil, "vehicle-telemetry", .info, states: anyState, weight: 30) { _ in "Routine telemetry report" },
        make(nil, "telematics", .info, states: ["MOVING"], weight: 8) { _ in "Trip started" },
        make(nil, "navigation", .info, states: ["MOVING"], weight: 6) { _ in "Route recalculated" },
        make(nil, "battery-management", .info, states: ["CHARGING"], weight: 5, anomaly: Anomaly(reading: .batteryLevel, range: 80...100)) {
            "Charging session completed at \(text(.batteryLevel, $0)) %"
        },
        make(nil, "diagnostic-system", .info, states: ["PARKED", "IDLE", "MAINTENANCE"], weight: 5) { _ in
            "Scheduled diagnostic check passed"
        },
    ]

    private static let engine: [TelemetryScenario] = [
        make("ENG-002", "engine-monitor", .warn, states: running, weight: 6, anomaly: Anomaly(reading: .engineTemp, range: 100.5...109.5)) {
            "Engine temperature high: \(text(.engineTemp, $0)) °C"
        },
        make("ENG-001", "engine-monitor", .critical, dtc: ["P0217"], lamp: true, states: running, weight: 2.5,
             anomaly: Anomaly(reading: .engineTemp, range: 110.5...126)) {
            "Engine temperature critical: \(text(.engineTemp, $0)) °C, coolant over-temperature"
        },
        make("ENG-003", "engine-monitor", .error, dtc: ["P0524"], lamp: true, states: running, weight: 2,
             anomaly: Anomaly(reading: .oilPressure, range: 4...14.5)) { "Engine oil pressure too low: \(text(.oilPressure, $0)) psi" },
        make("ENG-004", "engine-monitor", .error, dtc: ["P0300"], lamp: true, states: running, weight: 2) { _ in
            "Random or multiple cylinder misfire detected"
        },
        make("FUEL-001", "engine-monitor", .error, dtc: ["P0087"], lamp: true, states: running, weight: 2,
             anomaly: Anomaly(reading: .fuelPressure, range: 18...34)) { "Fuel rail pressure too low: \(text(.fuelPressure, $0)) psi" },
        make("FUEL-002", "vehicle-telemetry", .warn, states: anyState, weight: 4, anomaly: Anomaly(reading: .fuelLevel, range: 1...9.5)) {
            "Fuel level low: \(text(.fuelLevel, $0)) %"
        },
    ]

    private static let electrical: [TelemetryScenario] = [
        make("BAT-002", "battery-management", .warn, dtc: ["P0562"], states: ["PARKED", "IDLE", "MOVING", "STOPPED"], weight: 5,
             anomaly: Anomaly(reading: .batteryVoltage, range: 11.05...11.75)) { "Battery voltage low: \(text(.batteryVoltage, $0)) V" },
        make("BAT-001", "battery-management", .critical, dtc: ["P0562"], lamp: true, states: ["PARKED", "IDLE", "STOPPED"], weight: 2,
             anomaly: Anomaly(reading: .batteryVoltage, range: 10.0...10.95)) {
            "Battery voltage critically low: \(text(.batteryVoltage, $0)) V"
        },
        make("BAT-003", "battery-management", .warn, states: ["PARKED", "CHARGING"], weight: 3,
             anomaly: Anomaly(reading: .batteryLevel, range: 3...19.5)) { "Battery charge low: \(text(.batteryLevel, $0)) %" },
        make("SEN-001", "sensor-gateway", .error, dtc: ["P0100"], lamp: true, states: running, weight: 1.5) { _ in
            "Mass air flow sensor circuit malfunction"
        },
        make("COM-001", "telematics", .error, dtc: ["U0100"], lamp: true, states: running, weight: 1) { _ in
            "Lost communication with engine control module"
        },
    ]

    private static let chassis: [TelemetryScenario] = [
        make("TIRE-001", "tire-monitor", .warn, dtc: ["C0750"], states: ["MOVING", "PARKED"], weight: 5,
             anomaly: Anomaly(reading: .tirePressure, range: 20...27.5)) { "Tire pressure low: \(text(.tirePressure, $0)) psi" },
        make("BRK-001", "brake-system", .error, dtc: ["C0035"], lamp: false, states: ["MOVING"], weight: 2) { _ in
            "ABS left front wheel speed sensor circuit fault"
        },
        make("NAV-001", "navigation", .warn, states: ["MOVING"], weight: 3) { _ in "GPS signal lost" },
    ]
}
