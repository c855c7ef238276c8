import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import QueryServer

@Suite struct APIStreamingTests {
    /// `(event, data)` pairs of a server-sent event body.
    static func events(_ text: String) -> [(name: String, data: String)] {
        text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { block in
            var name = "", data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            return (name, data)
        }
    }

    @Test func aStreamedQuerySendsFilterThenSourcesThenTokensThenDone() async throws {
        let harness = try await APIHarness(generator: RecordingGenerator())
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post,
                body: APITest.body(#"{"query": "critical engine temperature alerts in the last 2 hours", "stream": true}"#))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            let events = Self.events(String(buffer: response.body))
            #expect(events.map(\.name) == ["filter", "sources", "token", "token", "token", "done"])
            let filter = try JSONSerialization.jsonObject(with: Data(events[0].data.utf8)) as? [String: Any]
            #expect((filter?["timeRange"] as? [String: String])?["gte"] == "2025-06-15T10:00:00Z")
            let sources = try JSONSerialization.jsonObject(with: Data(events[1].data.utf8)) as? [[String: Any]]
            #expect(sources?.count == 2)
            let tokens = try events[2...4].map { try JSONDecoder().decode([String: String].self, from: Data($0.data.utf8))["text"] ?? "" }
            let done = try JSONDecoder().decode(QueryResponse.self, from: Data(events[5].data.utf8))
            #expect(tokens.joined() == done.answer)
            #expect(done.answerSource == .llm)
            #expect(done.sources.count == 2)
        }
    }

    @Test func anEventStreamAcceptHeaderAlsoStreams() async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, headers: [.accept: "text/event-stream"],
                body: APITest.body(#"{"query": "battery voltage low"}"#))
            let names = Self.events(String(buffer: response.body)).map(\.name)
            #expect(names.first == "filter")
            #expect(names.dropFirst().first == "sources")
            #expect(names.last == "done")
            #expect(names.filter { $0 == "token" }.count >= 1)
        }
    }

    @Test func aStreamWithNoMatchesSendsTheNoRecordsAnswerAsOneToken() async throws {
        let generator = RecordingGenerator()
        let harness = try await APIHarness(generator: generator)
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, body: APITest.body(#"{"query": "engine alerts in the last 5 minutes", "stream": true}"#))
            let events = Self.events(String(buffer: response.body))
            #expect(events.map(\.name) == ["filter", "sources", "token", "done"])
            let done = try JSONDecoder().decode(QueryResponse.self, from: Data(events[3].data.utf8))
            #expect(done.answerSource == AnswerSource.none)
        }
        #expect(generator.callCount == 0)
    }

    @Test func streamingBadInputIsStillA400InTheErrorShape() async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, headers: [.accept: "text/event-stream"], body: APITest.body(#"{"query": "engine", "k": 99}"#))
            #expect(response.status == .badRequest)
            #expect(try APITest.errorCode(response) == "k_out_of_range")
        }
    }
}
