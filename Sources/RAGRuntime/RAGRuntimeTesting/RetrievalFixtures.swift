import Foundation
import Retrieval
import TelemetryModel

/// Records, vectors and stores shared by the retrieval tests.
package enum RetrievalFixtures {
    /// 2025-06-15T12:00:00Z.
    package static let noon = Date(timeIntervalSince1970: 1_749_988_800)

    /// A record with the given fields and otherwise plain values.
    package static func record(
        _ id: String,
        at timestamp: Date = noon,
        level: TelemetryLevel = .warn,
        vehicle: String = "VH-0001",
        state: String? = "MOVING",
        code: String? = "ENG-001",
        message: String = "Engine temperature high",
        readings: SensorReadings = SensorReadings()
    ) -> TelemetryRecord {
        TelemetryRecord(
            eventID: id, timestamp: timestamp, level: level, service: "engine-monitor", errorCode: code,
            message: message, vehicleID: vehicle, vehicleState: state, sensorReadings: readings
        )
    }

    /// The unit vector at `angle` radians from axis 0 towards axis 1, in `dimensions` dimensions:
    /// its cosine with `axis(0)` is `cos(angle)`, so similarity order is angle order.
    package static func vector(angle: Double, dimensions: Int = 8) -> [Float] {
        var vector = [Float](repeating: 0, count: dimensions)
        vector[0] = Float(cos(angle))
        vector[1] = Float(sin(angle))
        return vector
    }

    /// A unit vector along one axis.
    package static func axis(_ index: Int, dimensions: Int = 8) -> [Float] {
        var vector = [Float](repeating: 0, count: dimensions)
        vector[index] = 1
        return vector
    }

    /// `count` seeded random unit vectors (Gaussian components, normalised).
    package static func randomUnitVectors(count: Int, dimensions: Int, seed: UInt64) -> [[Float]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var vector = (0..<dimensions).map { _ -> Float in
                let u = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
                let v = Double(random.next() >> 11) / Double(1 << 53)
                return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for index in vector.indices { vector[index] /= norm }
            return vector
        }
    }
}
