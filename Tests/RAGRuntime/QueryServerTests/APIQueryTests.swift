import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting

@Suite struct APIQueryTests {
    @Test func aQueryAnswersWithTheDocumentedJSONShapeAndSearchesOnlyTheTimeWindow() async throws {
        let generator = RecordingGenerator()
        let harness = try await APIHarness(generator: generator)
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, headers: APITest.jsonHeaders,
                body: APITest.body(#"{"query": "critical alerts about engine temperature in the last 2 hours", "k": 5}"#))
            #expect(response.status == .ok)
            let json = try APITest.json(response)
            #expect(Set(json.keys) == ["query", "answer", "answerSource", "filter", "sources", "warnings", "timings", "matches"])
            #expect(json["query"] as? String == "critical alerts about engine temperature in the last 2 hours")
            #expect(json["answerSource"] as? String == "llm")
            #expect(json["answer"] as? String == "VH-0042 at 2025-06-15T11:30:00Z reported 118.5 °C.")
            let filter = try #require(json["filter"] as? [String: Any])
            let range = try #require(filter["timeRange"] as? [String: String])
            #expect(range == ["gte": "2025-06-15T10:00:00Z", "lte": "2025-06-15T12:00:00Z"])
            let fields = try #require(filter["fields"] as? [[String: Any]])
            #expect(fields.contains { $0["field"] as? String == "level" && $0["op"] as? String == "eq" && $0["value"] as? String == "CRITICAL" })
            let sources = try #require(json["sources"] as? [[String: Any]])
            #expect(Set(sources.compactMap { $0["id"] as? String }) == ["evt-eng-1", "evt-eng-2"])
            let first = try #require(sources.first)
            #expect(Set(first.keys) == [
                "id", "score", "timestamp", "vehicle_id", "service", "error_code", "level", "message", "vehicle_state",
                "sensor_readings", "diagnostic_info", "location",
            ])
            #expect((first["timestamp"] as? String)?.hasSuffix("Z") == true)
            let timings = try #require(json["timings"] as? [String: Double])
            #expect(Set(timings.keys) == ["parseMs", "embedMs", "searchMs", "generateMs", "totalMs"])
        }
        #expect(generator.callCount == 1)
    }

    @Test func noMatchingRecordsAnswersSoWithTheRangeSearchedAndDoesNotCallTheGenerator() async throws {
        let generator = RecordingGenerator()
        let harness = try await APIHarness(generator: generator)
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, body: APITest.body(#"{"query": "battery voltage below 11.5V in the last 10 minutes"}"#))
            #expect(response.status == .ok)
            let json = try APITest.json(response)
            #expect(json["answerSource"] as? String == "none")
            #expect((json["sources"] as? [Any])?.isEmpty == true)
            let answer = try #require(json["answer"] as? String)
            #expect(answer.hasPrefix("No records matched"))
            #expect(answer.contains("between 2025-06-15T11:50:00Z and 2025-06-15T12:00:00Z"))
        }
        #expect(generator.callCount == 0)
    }

    @Test func anUnreachableLanguageModelFallsBackToAnExtractiveAnswerWithAWarning() async throws {
        let harness = try await APIHarness(generator: FailingGenerator())
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, body: APITest.body(#"{"query": "engine temperature critical today"}"#))
            #expect(response.status == .ok)
            let json = try APITest.json(response)
            #expect(json["answerSource"] as? String == "extractive")
            #expect((json["sources"] as? [Any])?.isEmpty == false)
            let warnings = try #require(json["warnings"] as? [String])
            #expect(warnings.contains { $0.contains("language model could not answer") })
            #expect((json["answer"] as? String)?.contains("matching record") == true)
        }
    }

    @Test func withoutAnLLMTheExtractiveGeneratorAnswers() async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, body: APITest.body(#"{"query": "battery voltage low", "k": 1}"#))
            let json = try APITest.json(response)
            #expect(json["answerSource"] as? String == "extractive")
            #expect((json["sources"] as? [Any])?.count == 1)
            #expect((json["warnings"] as? [String])?.isEmpty == true)
        }
    }

    @Test func submitQueryAnswersInTheReferenceBlueprintShape() async throws {
        let harness = try await APIHarness(generator: RecordingGenerator())
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/submit_query", method: .post, body: APITest.body(#"{"query": "engine temperature critical"}"#))
            #expect(response.status == .ok)
            let json = try APITest.json(response)
            #expect(Set(json.keys) == ["query", "llm_response", "similar_documents", "processing_time"])
            #expect(json["llm_response"] as? String == "VH-0042 at 2025-06-15T11:30:00Z reported 118.5 °C.")
            #expect((json["similar_documents"] as? [[String: Any]])?.first?["vehicle_id"] != nil)
            #expect(json["processing_time"] is Double)
        }
    }

    @Test func theWebPageIsServedAtTheRoot() async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = String(buffer: response.body)
            #expect(html.contains("<!doctype html>"))
            #expect(!html.contains("https://"))
        }
    }
}
