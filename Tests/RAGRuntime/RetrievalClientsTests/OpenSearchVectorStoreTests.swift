import AWS
import AWSTesting
import Foundation
import Testing
import RAGRuntimeTesting
@testable import QueryUnderstanding
@testable import Retrieval
@testable import RetrievalClients
@testable import TelemetryModel

/// What ``OpenSearchVectorStore`` sends: checked on the requests an emulator received over loopback.
@Suite struct OpenSearchVectorStoreTests {
    typealias F = RetrievalFixtures

    @Test func theFilterGoesInsideTheKNNClauseAndLevelRangesBecomeTermsOfLevels() async throws {
        let emulator = OpenSearchEmulator()
        let hits = try await AWSLoopbackServer.withRunning(handler: emulator.handle) { url in
            let store = emulator.store(dimensions: 8, endpoint: url, transport: AsyncHTTPClientTransport())
            try await store.upsert([
                IndexedDocument(record: F.record("hot", level: .critical, readings: .init(engineTemp: 118)), vector: F.vector(angle: 0.1)),
                IndexedDocument(record: F.record("warm", level: .warn, readings: .init(engineTemp: 112)), vector: F.vector(angle: 0.2)),
                IndexedDocument(record: F.record("old", at: F.noon.addingTimeInterval(-86_400), level: .error), vector: F.axis(0)),
            ])
            let filter = SearchFilter(
                timeRange: TimeRange(gte: F.noon, lte: F.noon.addingTimeInterval(3_600)),
                fields: [
                    FieldFilter(field: TelemetryField.level, op: .gte, value: .string("ERROR")),
                    FieldFilter(field: TelemetryField.engineTemp, op: .gt, value: .number(110)),
                ])
            return try await store.search(vector: F.axis(0), k: 5, filter: filter)
        }
        #expect(hits.map { $0.id } == ["hot"])
        #expect(hits.first?.record.sensorReadings.engineTemp == 118)
        #expect(abs((hits.first?.score ?? 0) - Float(cos(0.1))) < 1e-5)

        let requests = emulator.requests
        #expect(requests.first.map { "\($0.method) \($0.percentEncodedPath)" } == "PUT /telemetry")
        let search = try #require(requests.first { $0.percentEncodedPath == "/telemetry/_search" })
        let body = try AWSJSONValue.decode(search.body)
        #expect(body["post_filter"] == nil)
        #expect(body["query"]?["bool"] == nil)
        let clauses = try #require(body["query"]?["knn"]?["embedding"]?["filter"]?["bool"]?["filter"]?.arrayValue)
        #expect(clauses.count == 3)
        #expect(clauses[0]["range"]?["timestamp"]?["gte"] == .string(FastTimestamp.string(from: F.noon)))
        #expect(clauses[1] == ["terms": ["level": ["ERROR", "CRITICAL"]]])
        #expect(clauses[2]["range"]?["sensor_readings.engine_temp"]?["gt"]?.doubleValue == 110)
        #expect(body["query"]?["knn"]?["embedding"]?["k"] == 5)
    }

    @Test func documentsAreIndexedUnderTheirEventIDWithTheRecordAndItsVector() async throws {
        let emulator = OpenSearchEmulator()
        try await emulator.store(dimensions: 8).upsert([IndexedDocument(record: F.record("e1"), vector: [2, 0, 0, 0, 0, 0, 0, 0])])
        let bulk = try #require(emulator.requests.first { $0.percentEncodedPath == "/_bulk" })
        let lines = bulk.body.split(separator: UInt8(ascii: "\n")).map { try? AWSJSONValue.decode(Data($0)) }
        #expect(lines.first??["index"]?["_id"] == "e1")
        #expect(lines.last??["event_id"] == "e1")
        #expect(lines.last??["embedding"]?.arrayValue?.first?.doubleValue == 1)
    }

    @Test func permanentItemFailuresThrowAnIndexingErrorListingTheRejectedIDs() async throws {
        let emulator = OpenSearchEmulator(rejecting: ["bad1", "bad2"])
        let store = emulator.store(dimensions: 8)
        let documents = ["ok", "bad1", "bad2"].map { IndexedDocument(record: F.record($0), vector: F.axis(0)) }
        await #expect(throws: RetrievalError.indexingFailed(ids: ["bad1", "bad2"], reason: "mapper_parsing_exception: failed to parse")) {
            try await store.upsert(documents)
        }
        #expect(try await store.count() == 1)
    }

    @Test func aSecondStoreOnAnExistingIndexKeepsItsDocuments() async throws {
        let emulator = OpenSearchEmulator()
        try await emulator.store(dimensions: 8).upsert([IndexedDocument(record: F.record("e1"), vector: F.axis(0))])
        let restarted = emulator.store(dimensions: 8)
        #expect(try await restarted.count() == 1)
        #expect(try await restarted.stats() == VectorStoreStats(documents: 1, oldest: F.noon, newest: F.noon))
    }

    @Test func innerProductScoresConvertBackToCosines() {
        #expect(OpenSearchDocumentCoding.cosine(fromScore: 1.5) == 0.5)
        #expect(OpenSearchDocumentCoding.cosine(fromScore: 1) == 0)
        #expect(OpenSearchDocumentCoding.cosine(fromScore: 2.0 / 3.0) == -0.5)
    }
}
