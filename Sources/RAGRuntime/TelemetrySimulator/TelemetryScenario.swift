import TelemetryModel

/// One kind of vehicle event the generator emits: its code, service, level, message, DTCs and
/// the reading that must agree with it.
///
/// The catalogue follows the reference blueprint's services and codes, with real OBD-II DTCs
/// (P0217 engine over-temperature, P0562 system voltage low, P0524 oil pressure too low, …).
public struct TelemetryScenario: Sendable {
    /// The error code, or `nil` for an informational event.
    public var errorCode: String?
    /// The emitting service.
    public var service: String
    /// The severity.
    public var level: TelemetryLevel
    /// The OBD-II codes reported with it.
    public var dtcCodes: [String]
    /// Whether the check-engine lamp is lit.
    public var checkEngineLight: Bool
    /// The vehicle states it happens in.
    public var states: [String]
    /// The relative frequency.
    public var weight: Double
    /// The reading this event is about, and the range it is drawn from.
    var anomaly: Anomaly?
    /// The message, given the final readings.
    var message: @Sendable (SensorReadings) -> String

    /// A reading forced out of its normal range.
    struct Anomaly: Sendable {
        var reading: Reading
        var range: ClosedRange<Double>
    }

    /// The readings a scenario can be about.
    enum Reading: Sendable {
        case engineTemp, batteryVoltage, batteryLevel, oilPressure, tirePressure, fuelPressure, fuelLevel

        func value(in readings: SensorReadings) -> Double? {
            switch self {
            case .engineTemp: readings.engineTemp
            case .batteryVoltage: readings.batteryVoltage
            case .batteryLevel: readings.batteryLevel
            case .oilPressure: readings.oilPressure
            case .tirePressure: readings.tirePressure
            case .fuelPressure: readings.fuelPressure
            case .fuelLevel: readings.fuelLevel
            }
        }

        func set(_ value: Double, in readings: inout SensorReadings) {
            switch self {
            case .engineTemp: readings.engineTemp = value
            case .batteryVoltage: readings.batteryVoltage = value
            case .batteryLevel: readings.batteryLevel = value
            case .oilPressure: readings.oilPressure = value
            case .tirePressure: readings.tirePressure = value
            case .fuelPressure: readings.fuelPressure = value
            case .fuelLevel: readings.fuelLevel = value
            }
        }
    }

    static let running = ["MOVING", "IDLE"]
    static let anyState = ["MOVING", "IDLE", "PARKED", "CHARGING", "STOPPED"]
}

