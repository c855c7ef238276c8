import Foundation
import Retrieval
import TelemetryModel

/// Reproducible synthetic telemetry over 24 hours, and query vectors, for the benchmark.
struct SyntheticCorpus {
    var generator: SplitMixGenerator
    let dimensions: Int
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    let embedder: HashingEmbedder

    init(seed: UInt64, dimensions: Int) {
        generator = SplitMixGenerator(seed: seed)
        self.dimensions = dimensions
        // A fixed, valid dimension count cannot fail; a wrong one is a usage error worth stopping for.
        do { embedder = try HashingEmbedder(dimensions: dimensions) } catch { fatalError("invalid --dimensions \(dimensions): \(error)") }
    }

    static let events: [(service: String, code: String, message: String)] = [
        ("engine-monitor", "ENG-001", "Engine temperature critical"), ("engine-monitor", "ENG-002", "Oil pressure low"),
        ("battery-management", "BAT-001", "Battery voltage low"), ("navigation", "NAV-004", "GPS signal lost"),
        ("brake-system", "BRK-002", "Brake pad wear high"), ("tire-monitor", "TPM-001", "Tire pressure low front left"),
        ("telematics", "TEL-002", "Connectivity degraded"), ("fuel-system", "FUL-001", "Fuel level low"),
    ]
    static let states = ["MOVING", "IDLE", "PARKED", "CHARGING", "STOPPED"]

    mutating func documents(_ count: Int, embedText: Bool) async throws -> [IndexedDocument] {
        let records = records(count)
        let vectors = embedText ? try await embedder.embed(records.map(\.embeddingText), purpose: .document) : (0..<count).map { _ in unitVector() }
        return zip(records, vectors).map { IndexedDocument(record: $0, vector: $1) }
    }

    /// `count` telemetry records spread over 24 hours.
    mutating func records(_ count: Int) -> [TelemetryRecord] {
        var records: [TelemetryRecord] = []
        for index in 0..<count {
            let event = Self.events[Int(generator.next() % UInt64(Self.events.count))]
            records.append(TelemetryRecord(
                eventID: "e\(index)", timestamp: start.addingTimeInterval(Double(index) * 86_400 / Double(count)),
                level: TelemetryLevel.allCases[Int(generator.next() % 4)], service: event.service, errorCode: event.code, message: event.message,
                vehicleID: String(format: "VH-%04d", Int(generator.next() % 500)), vehicleState: Self.states[Int(generator.next() % 5)],
                sensorReadings: SensorReadings(engineTemp: Double(70 + generator.next() % 60), batteryVoltage: 11 + Double(generator.next() % 30) / 10, speed: Double(generator.next() % 130))))
        }
        return records
    }

    mutating func queries(_ count: Int, embedText: Bool) async throws -> [[Float]] {
        guard embedText else { return (0..<count).map { _ in unitVector() } }
        return try await embedder.embed(Self.queryTexts(count), purpose: .query)
    }

    /// `count` questions about the corpus's events, vehicles and states.
    static func queryTexts(_ count: Int) -> [String] {
        (0..<count).map { index in
            let event = events[index % events.count]
            return "\(event.message.lowercased()) on VH-\(String(format: "%04d", index * 7 % 500)) while \(states[index % 5].lowercased())"
        }
    }

    mutating func unitVector() -> [Float] {
        var vector = (0..<dimensions).map { _ in gaussian() }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for index in vector.indices { vector[index] /= norm }
        return vector
    }

    mutating func gaussian() -> Float {
        let u = max(Double(generator.next() >> 11) / Double(1 << 53), 1e-12)
        let v = Double(generator.next() >> 11) / Double(1 << 53)
        return Float((-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * .pi * v))
    }
}

/// SplitMix64: a small deterministic generator.
struct SplitMixGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
