/// The telemetry document fields that ``FieldFilterParser`` filters on, as dotted paths.
///
/// The paths follow the producer's documents: `{"vehicle_id", "vehicle_state", "service", "level",
/// "error_code", "sensor_readings": {"engine_temp", "battery_voltage", "speed", …}}`.
public enum TelemetryField {
    /// Engine temperature in °C.
    public static let engineTemp = "sensor_readings.engine_temp"
    /// Battery voltage in V.
    public static let batteryVoltage = "sensor_readings.battery_voltage"
    /// Speed in km/h.
    public static let speed = "sensor_readings.speed"
    /// Fuel level in %.
    public static let fuelLevel = "sensor_readings.fuel_level"
    /// Fuel pressure in psi.
    public static let fuelPressure = "sensor_readings.fuel_pressure"
    /// Oil pressure in psi.
    public static let oilPressure = "sensor_readings.oil_pressure"
    /// Tire pressure in psi.
    public static let tirePressure = "sensor_readings.tire_pressure"
    /// Engine speed in revolutions per minute.
    public static let rpm = "sensor_readings.rpm"
    /// Battery charge in %.
    public static let batteryLevel = "sensor_readings.battery_level"
    /// The vehicle identifier (`VH-0042`, `VIN-1234`, a 17-character VIN).
    public static let vehicleID = "vehicle_id"
    /// `MOVING`, `IDLE`, `PARKED`, `CHARGING`, `STOPPED` or `MAINTENANCE`.
    public static let vehicleState = "vehicle_state"
    /// The emitting service (`engine-monitor`, `navigation`, …).
    public static let service = "service"
    /// The severity: `INFO`, `WARN`, `ERROR` or `CRITICAL`.
    public static let level = "level"
    /// The error code (`ENG-001`, `BAT_LOW`, `E1234`).
    public static let errorCode = "error_code"

    /// A numeric sensor field, the phrases that name it, and the dimension of its unit.
    struct Numeric: Sendable {
        let path: String
        /// Lower-case names, each split into words: `["engine", "temp"]`.
        let aliases: [[String]]
        let dimension: MeasurementUnit.Dimension

        init(_ path: String, _ dimension: MeasurementUnit.Dimension, _ aliases: [String]) {
            self.path = path
            self.dimension = dimension
            self.aliases = aliases.map { $0.split(separator: " ").map(String.init) }
        }
    }

    /// The numeric fields. A bare "temperature" or "pressure" names none: the question stays
    /// unfiltered rather than guess.
    static let numeric: [Numeric] = [
        Numeric(engineTemp, .temperature, [
            "engine temperature", "engine temperatures", "engine temp", "engine temps", "engine_temp",
            "coolant temperature", "coolant temp",
        ]),
        Numeric(batteryVoltage, .voltage, ["battery voltage", "battery_voltage", "voltage", "battery volts"]),
        Numeric(speed, .speed, ["speed", "speeds", "vehicle speed", "driving speed"]),
        Numeric(fuelLevel, .percentage, ["fuel level", "fuel_level", "fuel"]),
        Numeric(fuelPressure, .pressure, ["fuel pressure", "fuel_pressure"]),
        Numeric(oilPressure, .pressure, ["oil pressure", "oil_pressure"]),
        Numeric(tirePressure, .pressure, [
            "tire pressure", "tire pressures", "tyre pressure", "tyre pressures", "tire_pressure", "tyre_pressure",
        ]),
        Numeric(rpm, .rotation, ["rpm", "engine rpm", "revs"]),
        Numeric(batteryLevel, .percentage, ["battery level", "battery_level", "battery charge", "state of charge", "soc"]),
    ]

    /// The field a unit alone identifies ("above 110°C" can only be engine temperature), or `nil`
    /// when several fields share the dimension (% and psi).
    static func field(identifiedBy dimension: MeasurementUnit.Dimension) -> Numeric? {
        let candidates = numeric.filter { $0.dimension == dimension }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
