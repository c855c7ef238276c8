import Foundation
import TelemetryModel

/// Generates self-consistent vehicle telemetry: the producer's records, reproducible by seed.
///
/// Record `index` depends only on the seed, the index and its timestamp, so a producer that
/// restarts at index `n` continues the same sequence, and two runs with one seed are identical.
///
/// ## Guarantees (checked over 10,000 records by the tests)
/// - `event_id` is unique per index: its first 64 bits are a bijection of the index.
/// - An alert's reading is beyond its threshold (``TelemetryThresholds``): `ENG-001` has
///   `engine_temp` > 110 °C and DTC P0217, `BAT-001`/`BAT-002` have `battery_voltage` < 11.8 V
///   and DTC P0562. Every other reading stays on the safe side of every threshold.
/// - `speed` > 0 exactly when the vehicle is `MOVING`; `rpm` is 0 when the engine is off.
/// - A vehicle keeps its model, firmware, region and home area; its odometer grows with time.
///
/// ```swift
/// let generator = TelemetryGenerator(seed: 42)
/// let record = generator.record(index: 0, at: Date())
/// ```
public struct TelemetryGenerator: Sendable {
    /// The seed; equal seeds give equal records.
    public var seed: UInt64
    /// How many vehicles (`VH-0001`…) the events are spread over. Defaults to 50.
    public var fleetSize: Int
    /// The scenarios drawn from, by weight. Defaults to ``TelemetryScenario/catalogue``.
    public var scenarios: [TelemetryScenario]
    private let cumulativeWeights: [Double]

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - seed: The seed.
    ///   - fleetSize: The number of vehicles, at least 1. Defaults to 50.
    ///   - scenarios: The scenarios. Defaults to the catalogue.
    public init(seed: UInt64, fleetSize: Int = 50, scenarios: [TelemetryScenario] = TelemetryScenario.catalogue) {
        self.seed = seed
        self.fleetSize = max(1, fleetSize)
        self.scenarios = scenarios
        var total = 0.0
        cumulativeWeights = scenarios.map { total += $0.weight; return total }
    }

    /// The record with this index, stamped `timestamp`.
    public func record(index: Int, at timestamp: Date) -> TelemetryRecord {
        var random = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        let eventID = Self.uuid(random.next(), random.next())
        let scenario = pickScenario(&random)
        let vehicleNumber = Int(random.next() % UInt64(fleetSize)) + 1
        let vehicle = VehicleProfile(seed: seed, number: vehicleNumber)
        let state = scenario.states[Int(random.next() % UInt64(scenario.states.count))]
        var readings = Self.normalReadings(state: state, random: &random)
        if let anomaly = scenario.anomaly {
            anomaly.reading.set((random.uniform(in: anomaly.range) * 10).rounded() / 10, in: &readings)
        }
        return TelemetryRecord(
            eventID: eventID, timestamp: timestamp, level: scenario.level, service: scenario.service,
            errorCode: scenario.errorCode, message: scenario.message(readings), vehicleID: vehicle.id,
            vehicleState: state, location: vehicle.location(jitter: &random), sensorReadings: readings,
            diagnosticInfo: DiagnosticInfo(
                dtcCodes: scenario.dtcCodes, checkEngineLight: scenario.checkEngineLight,
                odometerKm: vehicle.odometer(at: timestamp)),
            metadata: vehicle.metadata)
    }

    private func pickScenario(_ random: inout SplitMix64) -> TelemetryScenario {
        let point = random.uniform(in: 0...(cumulativeWeights.last ?? 0))
        let index = cumulativeWeights.firstIndex { point <= $0 } ?? scenarios.count - 1
        return scenarios[index]
    }

    /// Readings inside every normal range for a vehicle in `state`, rounded to one decimal.
    static func normalReadings(state: String, random: inout SplitMix64) -> SensorReadings {
        let running = TelemetryScenario.running.contains(state)
        func draw(_ range: ClosedRange<Double>) -> Double { (random.uniform(in: range) * 10).rounded() / 10 }
        var readings = SensorReadings()
        readings.engineTemp = running ? draw(85...98) : draw(18...60)
        readings.batteryVoltage = running || state == "CHARGING" ? draw(13.5...14.4) : draw(12.2...12.8)
        readings.batteryLevel = draw(25...95)
        readings.speed = state == "MOVING" ? draw(15...120) : 0
        readings.rpm = state == "MOVING" ? draw(1400...3600).rounded() : state == "IDLE" ? draw(650...900).rounded() : 0
        readings.fuelLevel = draw(12...95)
        readings.tirePressure = draw(30...36)
        if running {
            readings.oilPressure = draw(25...65)
            readings.fuelPressure = draw(40...60)
        }
        return readings
    }

    static func uuid(_ high: UInt64, _ low: UInt64) -> String {
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }
}

extension SplitMix64 {
    /// A uniform double in `range`.
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
