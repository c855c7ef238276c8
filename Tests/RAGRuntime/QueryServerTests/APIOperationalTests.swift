import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Answering

@Suite struct APIOperationalTests {
    @Test func healthzSaysOK() async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(try APITest.json(response)["status"] as? String == "ok")
        }
    }

    @Test func readyzChecksTheStoreAndEmbedderAndReportsTheLLMWithoutRequiringIt() async throws {
        let unreachable = LLMAnswerGenerator(client: OpenAIChatClient(configuration: .init(
            baseURL: "http://127.0.0.1:1", model: "m", connectRetries: 0)))
        let harness = try await APIHarness(generator: unreachable)
        try await harness.test { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .ok)
            let checks = try #require(try APITest.json(response)["checks"] as? [String: String])
            #expect(checks == ["vectorStore": "ok", "embedder": "ok", "llm": "unreachable"])
        }
    }

    @Test func metricsServesThePrometheusExpositionOnTheInternalListener() async throws {
        let harness = try await APIHarness()
        try await harness.testInternal { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(String(buffer: response.body) == "rag_test_metric 1\n")
        }
    }

    @Test func statsReportsDocumentsTheirTimeSpanAndTheIngestRate() async throws {
        let harness = try await APIHarness()
        harness.meter.record(30, at: APIHarness.now.addingTimeInterval(-10))
        harness.meter.record(500, at: APIHarness.now.addingTimeInterval(-120))
        try await harness.test { client in
            let response = try await client.execute(uri: "/api/stats", method: .get)
            let json = try APITest.json(response)
            #expect(json["documents"] as? Int == 4)
            #expect(json["oldest"] as? String == "2025-06-12T12:00:00Z")
            #expect(json["newest"] as? String == "2025-06-15T11:30:00Z")
            #expect(json["ingestRatePerMinute"] as? Int == 30)
        }
    }

    /// Issue 13: how fresh the index is, visible. The median time from a record's timestamp to
    /// searchable, over the last minute's ingests.
    @Test func statsReportHowLongAfterTheirTimestampsRecordsBecameSearchable() async throws {
        let harness = try await APIHarness(seed: false)
        let body = try "[" + APIHarness.records.prefix(3).map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: ",") + "]"
        try await harness.test { client in
            let before = try APITest.json(try await client.execute(uri: "/api/stats", method: .get))
            #expect(before["freshnessSeconds"] is NSNull, "nothing ingested yet")
            #expect(before["consumerLagSeconds"] is NSNull)
        }
        try await harness.testInternal { client in
            var headers = APIHarness.ingestHeaders
            headers[.init("X-Consumer-Lag-Seconds")!] = "12.5"
            let response = try await client.execute(uri: "/api/ingest", method: .post, headers: headers, body: APITest.body(body))
            #expect(response.status == .ok)
        }
        try await harness.test { client in
            let stats = try APITest.json(try await client.execute(uri: "/api/stats", method: .get))
            #expect(stats["freshnessSeconds"] as? Double == 5_400, "ages 1,800 s, 5,400 s and 86,400 s: the median")
            #expect(stats["consumerLagSeconds"] as? Double == 12.5, "the lag the consumer sent along")
        }
    }

    @Test func statsOfAnEmptyStoreHasNullTimestamps() async throws {
        let harness = try await APIHarness(seed: false)
        try await harness.test { client in
            let json = try APITest.json(try await client.execute(uri: "/api/stats", method: .get))
            #expect(json["documents"] as? Int == 0)
            #expect(json["oldest"] is NSNull)
            #expect(json["newest"] is NSNull)
        }
    }

    @Test func ingestIndexesValidRecordsRejectsBadOnesAndIsIdempotent() async throws {
        let harness = try await APIHarness(configuration: .init(ingestBatchSize: 2), seed: false)
        let records = try APIHarness.records.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let body = "[" + (records + [#"{"event_id": "evt-bad", "level": "LOUD"}"#, #""not a record""#, #"{"event_id": "evt-empty", "timestamp": "2025-06-15T11:00:00Z", "level": "INFO", "service": "s", "message": " ", "vehicle_id": "VH-1"}"#]).joined(separator: ",") + "]"
        try await harness.testInternal { client in
            for _ in 0..<2 {
                let response = try await client.execute(uri: "/api/ingest", method: .post, headers: APIHarness.ingestHeaders, body: APITest.body(body))
                #expect(response.status == .ok)
                let json = try APITest.json(response)
                #expect(json["indexed"] as? Int == 4)
                let rejected = try #require(json["rejected"] as? [[String: String]])
                #expect(rejected.count == 3)
                #expect(rejected.compactMap { $0["event_id"] } == ["evt-bad", "evt-empty"])
            }
        }
        try await harness.test { client in
            let stats = try APITest.json(try await client.execute(uri: "/api/stats", method: .get))
            #expect(stats["documents"] as? Int == 4)
            #expect(stats["ingestRatePerMinute"] as? Int == 8)
        }
    }

    @Test(arguments: ["", "{}", "not json"])
    func ingestOfSomethingOtherThanAnArrayIsA400(_ body: String) async throws {
        let harness = try await APIHarness(seed: false)
        try await harness.testInternal { client in
            let response = try await client.execute(uri: "/api/ingest", method: .post, headers: APIHarness.ingestHeaders, body: APITest.body(body))
            #expect(response.status == .badRequest)
            #expect(try APITest.errorCode(response) != nil)
        }
    }
}
