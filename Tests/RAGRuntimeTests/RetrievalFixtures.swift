import Foundation
import Testing
@testable import RAGRuntime

/// Records, vectors and stores shared by the retrieval tests.
enum RetrievalFixtures {
    /// 2025-06-15T12:00:00Z.
    static let noon = Date(timeIntervalSince1970: 1_749_988_800)

    /// A record with the given fields and otherwise plain values.
    static func record(
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
    static func vector(angle: Double, dimensions: Int = 8) -> [Float] {
        var vector = [Float](repeating: 0, count: dimensions)
        vector[0] = Float(cos(angle))
        vector[1] = Float(sin(angle))
        return vector
    }

    /// A unit vector along one axis.
    static func axis(_ index: Int, dimensions: Int = 8) -> [Float] {
        var vector = [Float](repeating: 0, count: dimensions)
        vector[index] = 1
        return vector
    }

    /// `count` seeded random unit vectors (Gaussian components, normalised).
    static func randomUnitVectors(count: Int, dimensions: Int, seed: UInt64) -> [[Float]] {
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

/// A way to make an empty ``VectorStore``; the contract suite runs once per factory.
struct VectorStoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (_ dimensions: Int) throws -> any VectorStore

    var testDescription: String { name }

    /// The embedded store with default settings: small candidate sets are scanned exactly.
    static let embedded = VectorStoreFactory(name: "embedded") { dimensions in
        try EmbeddedVectorStore(configuration: .init(dimensions: dimensions))
    }

    /// The embedded store forced through the HNSW graph for every search, filtered or not.
    static let embeddedGraphOnly = VectorStoreFactory(name: "embedded, graph only") { dimensions in
        try EmbeddedVectorStore(configuration: .init(dimensions: dimensions, exactSearchThreshold: 0, exactSearchFraction: 0))
    }

    /// Every store the contract suite checks, including OpenSearch against an in-test emulator.
    static let all: [VectorStoreFactory] = [.embedded, .embeddedGraphOnly, .openSearch]
}
