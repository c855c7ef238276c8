/// A unit written after a number in a field filter, and how to convert it to the field's canonical unit.
///
/// Canonical units: °C, V, km/h, %, psi, rpm. Converted values are rounded to three decimals.
enum MeasurementUnit: Sendable, Equatable {
    case celsius, fahrenheit, volts, millivolts, kilometresPerHour, milesPerHour, percent, psi, kilopascals, bar, rpm

    /// What a unit measures; a field accepts only units of its own dimension.
    enum Dimension: Sendable, Equatable {
        case temperature, voltage, speed, percentage, pressure, rotation
    }

    private static let symbols: [String: MeasurementUnit] = [
        "c": .celsius, "°c": .celsius, "ºc": .celsius, "˚c": .celsius, "celsius": .celsius, "degc": .celsius,
        "°": .celsius, "º": .celsius, "˚": .celsius, "deg": .celsius, "degree": .celsius, "degrees": .celsius,
        "f": .fahrenheit, "°f": .fahrenheit, "ºf": .fahrenheit, "˚f": .fahrenheit, "fahrenheit": .fahrenheit, "degf": .fahrenheit,
        "v": .volts, "volt": .volts, "volts": .volts, "mv": .millivolts,
        "km/h": .kilometresPerHour, "kmh": .kilometresPerHour, "kph": .kilometresPerHour, "kmph": .kilometresPerHour,
        "km/hr": .kilometresPerHour, "mph": .milesPerHour,
        "%": .percent, "percent": .percent, "pct": .percent,
        "psi": .psi, "kpa": .kilopascals, "bar": .bar, "rpm": .rpm,
    ]

    /// Words that name degrees without a scale; a following `C`/`F` picks the scale ("110 degrees F").
    static let degreeWords: Set<String> = ["°", "º", "˚", "deg", "degree", "degrees"]

    /// The unit a lower-case symbol or word names (`°c`, `km/h`, `volts`), or `nil`.
    init?(symbol: String) {
        guard let unit = Self.symbols[symbol] else { return nil }
        self = unit
    }

    /// The scale a word after "degrees" names (`c`, `celsius`, `f`, `fahrenheit`), or `nil`.
    init?(scale: String) {
        switch scale {
        case "c", "celsius": self = .celsius
        case "f", "fahrenheit": self = .fahrenheit
        default: return nil
        }
    }

    /// What the unit measures.
    var dimension: Dimension {
        switch self {
        case .celsius, .fahrenheit: .temperature
        case .volts, .millivolts: .voltage
        case .kilometresPerHour, .milesPerHour: .speed
        case .percent: .percentage
        case .psi, .kilopascals, .bar: .pressure
        case .rpm: .rotation
        }
    }

    /// `value` in the canonical unit of the dimension, rounded to three decimals when converted.
    func canonicalValue(_ value: Double) -> Double {
        let converted: Double
        switch self {
        case .celsius, .volts, .kilometresPerHour, .percent, .psi, .rpm: return value
        case .fahrenheit: converted = (value - 32) * 5 / 9
        case .millivolts: converted = value / 1000
        case .milesPerHour: converted = value * 1.609344
        case .kilopascals: converted = value * 0.1450377377
        case .bar: converted = value * 14.503773773
        }
        return (converted * 1000).rounded() / 1000
    }
}
