import Foundation
import Testing
import RAGRuntimeTesting
@testable import QueryUnderstanding
@testable import Retrieval

/// The behaviour every ``VectorStore`` must have, run against each ``VectorStoreFactory``.
@Suite struct VectorStoreContractTests {
    typealias F = RetrievalFixtures

    @Test(arguments: VectorStoreFactory.all)
    func upsertedDocumentsAreCountedOnce(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        try await store.upsert((0..<5).map { IndexedDocument(record: F.record("e\($0)"), vector: F.vector(angle: Double($0) * 0.1)) })
        #expect(try await store.count() == 5)
    }

    @Test(arguments: VectorStoreFactory.all)
    func upsertingAnExistingIDReplacesTheDocumentInsteadOfDuplicatingIt(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        try await store.upsert([IndexedDocument(record: F.record("e1", message: "old"), vector: F.axis(0))])
        try await store.upsert([IndexedDocument(record: F.record("e1", message: "same vector"), vector: F.axis(0))])
        #expect(try await store.count() == 1)
        try await store.upsert([IndexedDocument(record: F.record("e1", message: "new vector"), vector: F.axis(2))])
        #expect(try await store.count() == 1)
        let hits = try await store.search(vector: F.axis(2), k: 5, filter: .none)
        #expect(hits.map(\.record.message) == ["new vector"])
        #expect(abs(hits[0].score - 1) < 1e-5)
    }

    @Test(arguments: VectorStoreFactory.all)
    func searchReturnsTheNearestDocumentsInOrderOfSimilarity(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        let angles = [0.9, 0.1, 1.5, 0.5, 0.3, 1.2, 0.7]
        try await store.upsert(angles.enumerated().map { IndexedDocument(record: F.record("e\($0.offset)"), vector: F.vector(angle: $0.element)) })
        let hits = try await store.search(vector: F.axis(0), k: 4, filter: .none)
        #expect(hits.map(\.id) == ["e1", "e4", "e3", "e6"])
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
        #expect(abs(hits[0].score - Float(cos(0.1))) < 1e-5)
    }

    @Test(arguments: VectorStoreFactory.all)
    func aTimeWindowReturnsKHitsWhenKDocumentsMatchEvenIfTheyAreFarFromTheQuery(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        // 400 documents close to the query, all outside the window; 12 inside it, pointing away.
        var documents = (0..<400).map { index in
            IndexedDocument(record: F.record("near\(index)", at: F.noon.addingTimeInterval(Double(-86_400 - index))), vector: F.vector(angle: Double(index) * 0.001))
        }
        documents += (0..<12).map { index in
            IndexedDocument(record: F.record("far\(index)", at: F.noon.addingTimeInterval(Double(index * 60))), vector: F.vector(angle: 2.5 + Double(index) * 0.01))
        }
        try await store.upsert(documents)
        let window = TimeRange(gte: F.noon, lte: F.noon.addingTimeInterval(3_600))
        let hits = try await store.search(vector: F.axis(0), k: 10, filter: SearchFilter(timeRange: window))
        #expect(hits.map(\.id) == (0..<10).map { "far\($0)" })
    }

    @Test(arguments: VectorStoreFactory.all)
    func fieldFiltersSelectOnStringsAndSensorReadings(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        try await store.upsert([
            IndexedDocument(record: F.record("hot-moving", state: "MOVING", readings: .init(engineTemp: 118, batteryVoltage: 12.6)), vector: F.vector(angle: 0.1)),
            IndexedDocument(record: F.record("hot-parked", state: "PARKED", readings: .init(engineTemp: 115, batteryVoltage: 11.2)), vector: F.vector(angle: 0.2)),
            IndexedDocument(record: F.record("cool-moving", state: "MOVING", readings: .init(engineTemp: 90, batteryVoltage: 11.0)), vector: F.vector(angle: 0.3)),
            IndexedDocument(record: F.record("no-readings", state: "MOVING"), vector: F.vector(angle: 0.4)),
        ])
        func ids(_ fields: [FieldFilter]) async throws -> [String] {
            try await store.search(vector: F.axis(0), k: 10, filter: SearchFilter(fields: fields)).map(\.id)
        }
        let moving = FieldFilter(field: TelemetryField.vehicleState, op: .eq, value: .string("MOVING"))
        let hot = FieldFilter(field: TelemetryField.engineTemp, op: .gt, value: .number(110))
        let lowBattery = FieldFilter(field: TelemetryField.batteryVoltage, op: .lt, value: .number(11.5))
        #expect(try await ids([moving]) == ["hot-moving", "cool-moving", "no-readings"])
        #expect(try await ids([hot]) == ["hot-moving", "hot-parked"])
        #expect(try await ids([lowBattery]) == ["hot-parked", "cool-moving"])
        #expect(try await ids([moving, hot]) == ["hot-moving"])
        #expect(try await ids([moving, lowBattery]) == ["cool-moving"])
    }

    @Test(arguments: VectorStoreFactory.all)
    func anEmptyStoreReturnsNoHitsAndEmptyStats(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        #expect(try await store.search(vector: F.axis(0), k: 5, filter: .none).isEmpty)
        #expect(try await store.count() == 0)
        #expect(try await store.stats() == VectorStoreStats(documents: 0, oldest: nil, newest: nil))
    }

    @Test(arguments: VectorStoreFactory.all)
    func kLargerThanTheMatchingDocumentsReturnsEveryMatch(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        try await store.upsert((0..<30).map { index in
            IndexedDocument(record: F.record("e\(index)", level: index % 10 == 0 ? .critical : .info), vector: F.vector(angle: Double(index) * 0.05))
        })
        let critical = SearchFilter(fields: [FieldFilter(field: TelemetryField.level, op: .eq, value: .string("CRITICAL"))])
        #expect(try await store.search(vector: F.axis(0), k: 50, filter: critical).map(\.id) == ["e0", "e10", "e20"])
        #expect(try await store.search(vector: F.axis(0), k: 50, filter: .none).count == 30)
    }

    @Test(arguments: VectorStoreFactory.all)
    func deletingRemovesDocumentsFromSearchCountAndStats(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        try await store.upsert((0..<3).map { index in
            IndexedDocument(record: F.record("e\(index)", at: F.noon.addingTimeInterval(Double(index) * 60)), vector: F.vector(angle: Double(index) * 0.2))
        })
        #expect(try await store.delete(ids: ["e0", "missing"]) == 1)
        #expect(try await store.search(vector: F.axis(0), k: 5, filter: .none).map(\.id) == ["e1", "e2"])
        let expected = VectorStoreStats(documents: 2, oldest: F.noon.addingTimeInterval(60), newest: F.noon.addingTimeInterval(120))
        #expect(try await store.stats() == expected)
    }

    @Test(arguments: VectorStoreFactory.all)
    func badVectorsAndUnknownFilterFieldsAreRejected(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        await #expect(throws: RetrievalError.dimensionMismatch(expected: 8, actual: 3)) {
            try await store.upsert([IndexedDocument(record: F.record("e"), vector: [1, 0, 0])])
        }
        await #expect(throws: RetrievalError.invalidVector(id: "e")) {
            try await store.upsert([IndexedDocument(record: F.record("e"), vector: [Float](repeating: 0, count: 8))])
        }
        let unknown = SearchFilter(fields: [FieldFilter(field: "sensor_readings.warp_factor", op: .gt, value: .number(1))])
        await #expect(throws: RetrievalError.unknownFilterField("sensor_readings.warp_factor")) {
            try await store.search(vector: F.axis(0), k: 1, filter: unknown)
        }
        #expect(try await store.count() == 0)
    }
}
