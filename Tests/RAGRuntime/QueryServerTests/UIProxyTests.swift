import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import QueryServer
import RuntimeHTTP

@Suite struct UIProxyTests {
    /// Runs `body` with a UI router whose backend is a live query API over the test fleet.
    func withUI(_ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        let harness = try await APIHarness(generator: RecordingGenerator())
        try await Application(router: harness.router).test(.live) { backend in
            let port = try #require(backend.port)
            let router = buildUIRouter(configuration: UIConfiguration(backendURL: "http://127.0.0.1:\(port)/"), httpClient: RuntimeHTTPClient.shared)
            try await Application(router: router).test(.router, body)
        }
    }

    @Test func theUIServesThePageWithLabelsExamplesAndNoExternalResources() async throws {
        try await withUI { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains(#"<label for="question">"#))
            #expect(html.contains("battery voltage below 11.5V today"))
            #expect(html.contains(#"<table id="sources">"#))
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
        }
    }

    @Test func apiRequestsAreProxiedToTheBackend() async throws {
        try await withUI { client in
            let stats = try APITest.json(try await client.execute(uri: "/api/stats", method: .get))
            #expect(stats["documents"] as? Int == 4)
            let response = try await client.execute(
                uri: "/api/query", method: .post, headers: [.contentType: "application/json"],
                body: APITest.body(#"{"query": "engine temperature critical", "k": 2}"#))
            #expect(try APITest.json(response)["answerSource"] as? String == "llm")
        }
    }

    @Test func streamedAnswersAndErrorsPassThroughTheProxy() async throws {
        try await withUI { client in
            let stream = try await client.execute(
                uri: "/api/query", method: .post, headers: [.accept: "text/event-stream"],
                body: APITest.body(#"{"query": "engine temperature critical"}"#))
            #expect(stream.headers[.contentType] == "text/event-stream")
            #expect(APIStreamingTests.events(String(buffer: stream.body)).map(\.name).last == "done")
            let bad = try await client.execute(uri: "/api/query", method: .post, body: APITest.body("{}"))
            #expect(bad.status == .badRequest)
            #expect(try APITest.errorCode(bad) == "missing_query")
        }
    }

    @Test func anUnreachableBackendIsA502InTheErrorShape() async throws {
        let router = buildUIRouter(configuration: UIConfiguration(backendURL: "http://127.0.0.1:1"), httpClient: RuntimeHTTPClient.shared)
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/api/stats", method: .get)
            #expect(response.status == .badGateway)
            #expect(try APITest.errorCode(response) == "backend_unavailable")
            let ready = try APITest.json(try await client.execute(uri: "/readyz", method: .get))
            #expect(ready["backend"] as? String == "unreachable")
        }
    }
}
