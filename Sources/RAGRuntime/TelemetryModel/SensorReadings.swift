/// Sensor values of a ``TelemetryRecord`` (`sensor_readings`), each in its canonical unit.
///
/// Every reading is optional: a battery event need not report tyre pressure. Absent readings are
/// left out of the JSON. Units match the query parser's canonical units (°C, V, km/h, %, psi, rpm),
/// so a ``FieldFilter`` on `sensor_readings.engine_temp` compares like with like.
public struct SensorReadings: Sendable, Hashable, Codable {
    /// Engine (coolant) temperature in °C.
    public var engineTemp: Double?
    /// Battery voltage in V.
    public var batteryVoltage: Double?
    /// Vehicle speed in km/h.
    public var speed: Double?
    /// Fuel level in %.
    public var fuelLevel: Double?
    /// Fuel pressure in psi.
    public var fuelPressure: Double?
    /// Oil pressure in psi.
    public var oilPressure: Double?
    /// Tyre pressure in psi.
    public var tirePressure: Double?
    /// Engine speed in revolutions per minute.
    public var rpm: Double?
    /// Battery state of charge in %.
    public var batteryLevel: Double?

    /// Creates readings; every value defaults to absent.
    public init(
        engineTemp: Double? = nil, batteryVoltage: Double? = nil, speed: Double? = nil,
        fuelLevel: Double? = nil, fuelPressure: Double? = nil, oilPressure: Double? = nil,
        tirePressure: Double? = nil, rpm: Double? = nil, batteryLevel: Double? = nil
    ) {
        self.engineTemp = engineTemp
        self.batteryVoltage = batteryVoltage
        self.speed = speed
        self.fuelLevel = fuelLevel
        self.fuelPressure = fuelPressure
        self.oilPressure = oilPressure
        self.tirePressure = tirePressure
        self.rpm = rpm
        self.batteryLevel = batteryLevel
    }

    private enum CodingKeys: String, CodingKey {
        case engineTemp = "engine_temp", batteryVoltage = "battery_voltage", speed, fuelLevel = "fuel_level"
        case fuelPressure = "fuel_pressure", oilPressure = "oil_pressure", tirePressure = "tire_pressure", rpm
        case batteryLevel = "battery_level"
    }

    /// One reading's JSON key, the words and unit used in text, and where it lives.
    package struct Field: Sendable {
        package let key: String
        package let label: String
        package let unit: String
        package let keyPath: any KeyPath<SensorReadings, Double?> & Sendable
    }

    /// Every reading, in the order they appear in embedding text and answers.
    package static let fields: [Field] = [
        Field(key: "engine_temp", label: "engine temperature", unit: "°C", keyPath: \.engineTemp),
        Field(key: "battery_voltage", label: "battery voltage", unit: "V", keyPath: \.batteryVoltage),
        Field(key: "battery_level", label: "battery level", unit: "%", keyPath: \.batteryLevel),
        Field(key: "speed", label: "speed", unit: "km/h", keyPath: \.speed),
        Field(key: "rpm", label: "engine speed", unit: "rpm", keyPath: \.rpm),
        Field(key: "fuel_level", label: "fuel level", unit: "%", keyPath: \.fuelLevel),
        Field(key: "fuel_pressure", label: "fuel pressure", unit: "psi", keyPath: \.fuelPressure),
        Field(key: "oil_pressure", label: "oil pressure", unit: "psi", keyPath: \.oilPressure),
        Field(key: "tire_pressure", label: "tire pressure", unit: "psi", keyPath: \.tirePressure),
    ]

    /// The present readings as `"engine temperature 118.5 °C"`, in ``fields`` order.
    package var phrases: [String] {
        Self.fields.compactMap { field in
            self[keyPath: field.keyPath].map { "\(field.label) \(Self.format($0)) \(field.unit)" }
        }
    }

    /// A number without a trailing `.0`: `118.5`, `87`.
    package static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
