import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import QueryServer
@testable import QueryUnderstanding
@testable import Retrieval

/// An OpenAI-compatible chat completions endpoint that answers with fixed text and records requests.
final class FakeOpenAIServer: Sendable {
    let requests = Mutex<[Data]>([])
    let words = ["Two ", "critical ", "alerts."]
    /// How long each completion takes: a slow model.
    let delay: Duration

    init(delay: Duration = .zero) {
        self.delay = delay
    }

    /// The last request body as a JSON object.
    var lastRequest: [String: Any]? {
        guard let data = requests.withLock({ $0.last }) else { return nil }
        do {
            return try JSONSerialization.jsonObject(with: data) as? [String: Any]
        } catch {
            Issue.record("request body is not JSON: \(error)")
            return nil
        }
    }

    var router: Router<BasicRequestContext> {
        let router = Router()
        router.get("v1/models") { _, _ in #"{"object":"list","data":[{"id":"test-model"}]}"# }
        router.post("v1/chat/completions") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let data = Data(body.readableBytesView)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            self.requests.withLock { $0.append(data) }
            if self.delay > .zero { try await Task.sleep(for: self.delay) }
            if json["stream"] as? Bool == true {
                var text = #"data: {"choices":[{"delta":{"role":"assistant"}}]}"# + "\n\n"
                for word in self.words { text += #"data: {"choices":[{"delta":{"content":"\#(word)"}}]}"# + "\n\n" }
                text += "data: [DONE]\n\n"
                return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: .init(byteBuffer: ByteBuffer(string: text)))
            }
            let text = #"{"choices":[{"message":{"role":"assistant","content":"\#(self.words.joined())"}}]}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        return router
    }

    /// Runs `body` with a client configuration pointing at the live server.
    func withServer(_ body: @Sendable @escaping (OpenAIChatClient.Configuration) async throws -> Void) async throws {
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            try await body(.init(baseURL: "http://127.0.0.1:\(port)", model: "test-model", maxTokens: 64, temperature: 0.2))
        }
    }
}

@Suite struct LLMClientTests {
    static let request = AnswerRequest(
        question: "critical alerts today", timeRange: TimeRange(gte: RetrievalFixtures.noon.addingTimeInterval(-3600), lte: RetrievalFixtures.noon),
        hits: [SearchHit(record: RetrievalFixtures.record("evt-1", vehicle: "VH-0042"), score: 0.9)], now: RetrievalFixtures.noon)

    @Test func aNonStreamingCompletionSendsModelLimitsAndThePromptAndReturnsTheText() async throws {
        let server = FakeOpenAIServer()
        try await server.withServer { configuration in
            let answer = try await LLMAnswerGenerator(client: OpenAIChatClient(configuration: configuration)).answer(Self.request)
            #expect(answer == GeneratedAnswer(text: "Two critical alerts.", source: .llm))
        }
        let sent = try #require(server.lastRequest)
        #expect(sent["model"] as? String == "test-model")
        #expect(sent["max_tokens"] as? Int == 64)
        #expect(sent["temperature"] as? Double == 0.2)
        #expect(sent["stream"] as? Bool == false)
        let messages = try #require(sent["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user"])
        #expect(messages[0]["content"]?.contains("2025-06-15T12:00:00Z") == true)
        #expect(messages[1]["content"]?.contains(#""vehicle_id":"VH-0042""#) == true)
    }

    @Test func aStreamingCompletionDeliversEachFragmentInOrder() async throws {
        let server = FakeOpenAIServer()
        try await server.withServer { configuration in
            let fragments = Mutex<[String]>([])
            let answer = try await LLMAnswerGenerator(client: OpenAIChatClient(configuration: configuration))
                .streamAnswer(Self.request) { token in fragments.withLock { $0.append(token) } }
            #expect(fragments.withLock { $0 } == ["Two ", "critical ", "alerts."])
            #expect(answer.text == "Two critical alerts.")
        }
        #expect(server.lastRequest?["stream"] as? Bool == true)
    }

    @Test func theModelsEndpointMakesTheLLMReachable() async throws {
        try await FakeOpenAIServer().withServer { configuration in
            #expect(await OpenAIChatClient(configuration: configuration).isReachable())
        }
    }

    @Test func aRefusedConnectionIsRetriedThenReportedAsConnectFailed() async throws {
        let client = OpenAIChatClient(configuration: .init(
            baseURL: "http://127.0.0.1:1", model: "m", connectRetries: 1, retryDelay: .zero))
        await #expect {
            try await client.complete([.user("hello")])
        } throws: { error in
            guard case LLMError.connectFailed = error else { return false }
            return true
        }
    }

    @Test func theQueryAPIAnswersExtractivelyWhenTheLLMIsUnreachable() async throws {
        let unreachable = LLMAnswerGenerator(client: OpenAIChatClient(configuration: .init(
            baseURL: "http://127.0.0.1:1", model: "m", connectRetries: 0)))
        let harness = try await APIHarness(generator: unreachable)
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post, body: APITest.body(#"{"query": "engine temperature critical", "stream": true}"#))
            #expect(response.status == .ok)
            let events = APIStreamingTests.events(String(buffer: response.body))
            let done = try JSONDecoder().decode(QueryResponse.self, from: Data(try #require(events.last).data.utf8))
            #expect(done.answerSource == .extractive)
            #expect(!done.sources.isEmpty)
            #expect(done.warnings.contains { $0.contains("cannot connect to the LLM") })
        }
    }

    @Test func theQueryAPIUsesTheLLMThroughTheFakeServer() async throws {
        try await FakeOpenAIServer().withServer { configuration in
            let harness = try await APIHarness(generator: LLMAnswerGenerator(client: OpenAIChatClient(configuration: configuration)))
            try await harness.test { client in
                let json = try APITest.json(try await client.execute(
                    uri: "/api/query", method: .post, body: APITest.body(#"{"query": "engine temperature critical"}"#)))
                #expect(json["answerSource"] as? String == "llm")
                #expect(json["answer"] as? String == "Two critical alerts.")
            }
        }
    }
}

@Suite struct LLMPromptTests {
    @Test func serverSentEventLinesSplitAcrossChunksAreReassembled() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.feed(Array("data: {\"a\":1}\r\n\n: comment\nevent: x\ndata: [DO".utf8)) == [.data(#"{"a":1}"#)])
        #expect(try parser.feed(Array("NE]\n".utf8)) == [.done])
        #expect(try parser.feed(Array("data:tail".utf8)).isEmpty)
        #expect(parser.finish() == [.data("tail")])
    }

    @Test func theCompletionsURLToleratesSlashesAndAV1Suffix() {
        for base in ["http://vllm:8000", "http://vllm:8000/", "http://vllm:8000/v1", "http://vllm:8000/v1/"] {
            #expect(OpenAIChatClient.Configuration(baseURL: base, model: "m").completionsURL == "http://vllm:8000/v1/chat/completions")
        }
    }

    @Test func thePromptCarriesTheTimeCitationRulesAndOneJSONLinePerRecord() throws {
        let messages = ChatPrompt.messages(for: LLMClientTests.request)
        #expect(messages[0].content.contains("The current time is 2025-06-15T12:00:00Z"))
        #expect(messages[0].content.contains("timestamp"))
        #expect(messages[0].content.contains("vehicle_id"))
        let lines = messages[1].content.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count == 1)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(record["event_id"] as? String == "evt-1")
        #expect(record["score"] as? Double == 0.9)
        #expect(messages[1].content.contains("between 2025-06-15T11:00:00Z and 2025-06-15T12:00:00Z"))
    }
}
