import Foundation
import Testing
import RAGRuntimeTesting
@testable import QueryUnderstanding
@testable import Retrieval

/// Totals over every match and hybrid ranking: the same behaviour from every ``VectorStore``.
@Suite struct VectorStoreTotalsContractTests {
    typealias F = RetrievalFixtures

    /// 60 records in the window (VH-0001: 30, VH-0002: 20, VH-0003: 10; a third CRITICAL), 40 outside it.
    static func fleet() -> [IndexedDocument] {
        var documents: [IndexedDocument] = []
        for index in 0..<60 {
            let vehicle = index < 30 ? "VH-0001" : index < 50 ? "VH-0002" : "VH-0003"
            let critical = index % 3 == 0
            documents.append(IndexedDocument(
                record: F.record("in\(index)", at: F.noon.addingTimeInterval(Double(index * 30)), level: critical ? .critical : .warn,
                                 vehicle: vehicle, code: critical ? "ENG-001" : "BAT-002"),
                vector: F.vector(angle: Double(index) * 0.01)))
        }
        for index in 0..<40 {
            documents.append(IndexedDocument(
                record: F.record("out\(index)", at: F.noon.addingTimeInterval(Double(-7_200 - index)), vehicle: "VH-0009"),
                vector: F.vector(angle: Double(index) * 0.01)))
        }
        return documents
    }

    static let window = TimeRange(gte: F.noon, lte: F.noon.addingTimeInterval(3_600))

    @Test(arguments: VectorStoreFactory.all)
    func summarizeCountsEveryMatchNotTheTopK(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        try await store.upsert(Self.fleet())
        let summary = try await store.summarize(filter: SearchFilter(timeRange: Self.window), bucketLimit: 2)
        #expect(summary.count == 60)
        #expect(summary.vehicles == 3)
        #expect(summary.byVehicle == [.init(key: "VH-0001", count: 30), .init(key: "VH-0002", count: 20)])
        #expect(summary.byLevel == [.init(key: "WARN", count: 40), .init(key: "CRITICAL", count: 20)])
        #expect(summary.byErrorCode == [.init(key: "BAT-002", count: 40), .init(key: "ENG-001", count: 20)])
        #expect(summary.oldest == F.noon)
        #expect(summary.newest == F.noon.addingTimeInterval(59 * 30))

        let critical = FieldFilter(field: TelemetryField.level, op: .eq, value: .string("CRITICAL"))
        let narrowed = try await store.summarize(filter: SearchFilter(timeRange: Self.window, fields: [critical]), bucketLimit: 10)
        #expect(narrowed.count == 20)
        #expect(narrowed.byVehicle.map(\.count).reduce(0, +) == 20)
        #expect(try await store.summarize(filter: SearchFilter(timeRange: TimeRange(gte: F.noon.addingTimeInterval(86_400), lte: nil)), bucketLimit: 5) == .empty)
    }

    @Test(arguments: VectorStoreFactory.all)
    func summarizeRejectsUnknownFieldsAsSearchDoes(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        try await store.upsert(Self.fleet())
        let unknown = FieldFilter(field: "sensor_readings.warp_drive", op: .gt, value: .number(1))
        await #expect(throws: RetrievalError.unknownFilterField("sensor_readings.warp_drive")) {
            try await store.summarize(filter: SearchFilter(fields: [unknown]), bucketLimit: 5)
        }
    }

    @Test(arguments: VectorStoreFactory.all)
    func hybridSearchFindsAnExactCodeTheVectorsMissInsideTheFilter(factory: VectorStoreFactory) async throws {
        let store = try factory.make(8)
        var documents = Self.fleet()
        // The one record with DTC-like code P0217 in its message points away from the query vector.
        documents.append(IndexedDocument(
            record: F.record("coded", at: F.noon.addingTimeInterval(100), code: "ENG-001", message: "Coolant over-temperature, DTC P0217"),
            vector: F.vector(angle: 3.0)))
        // The same code outside the window must not come back.
        documents.append(IndexedDocument(
            record: F.record("coded-old", at: F.noon.addingTimeInterval(-9_000), code: "ENG-001", message: "Coolant over-temperature, DTC P0217"),
            vector: F.vector(angle: 0)))
        try await store.upsert(documents)
        let filter = SearchFilter(timeRange: Self.window)
        let vectorOnly = try await store.search(vector: F.axis(0), k: 5, filter: filter)
        #expect(!vectorOnly.map(\.id).contains("coded"))
        let hybrid = try await store.hybridSearch(vector: F.axis(0), text: "P0217", k: 5, filter: filter)
        #expect(hybrid.count == 5)
        #expect(hybrid.map(\.id).contains("coded"))
        #expect(!hybrid.map(\.id).contains("coded-old"))
        let coded = try #require(hybrid.first { $0.id == "coded" })
        #expect(abs(coded.score - Float(cos(3.0))) < 1e-4, "a BM25-only hit reports its cosine")
        // Words no record holds: the vector ranking, unchanged.
        let nothing = try await store.hybridSearch(vector: F.axis(0), text: "zzzz qqqq", k: 5, filter: filter)
        #expect(nothing.map(\.id) == vectorOnly.map(\.id))
    }
}
