import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import QueryServer
@testable import Retrieval

@Suite struct APIBadInputTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let code: String
        var testDescription: String { name }
    }

    static let cases: [BadInput] = [
        BadInput(name: "empty body", body: "", code: "empty_body"),
        BadInput(name: "whitespace body", body: "  \n", code: "empty_body"),
        BadInput(name: "not JSON", body: "query=engine", code: "invalid_json"),
        BadInput(name: "truncated JSON", body: #"{"query": "engine"#, code: "invalid_json"),
        BadInput(name: "JSON array", body: #"["engine"]"#, code: "invalid_json"),
        BadInput(name: "query not a string", body: #"{"query": 42}"#, code: "invalid_json"),
        BadInput(name: "k not an integer", body: #"{"query": "engine", "k": "five"}"#, code: "invalid_json"),
        BadInput(name: "missing query", body: #"{"k": 5}"#, code: "missing_query"),
        BadInput(name: "blank query", body: #"{"query": "   "}"#, code: "missing_query"),
        BadInput(name: "query over 4,000 characters", body: #"{"query": "\#(String(repeating: "engine ", count: 600))"}"#, code: "query_too_long"),
        BadInput(name: "k of 0", body: #"{"query": "engine", "k": 0}"#, code: "k_out_of_range"),
        BadInput(name: "k of 51", body: #"{"query": "engine", "k": 51}"#, code: "k_out_of_range"),
        BadInput(name: "negative k", body: #"{"query": "engine", "k": -1}"#, code: "k_out_of_range"),
    ]

    @Test(arguments: cases, ["/api/query", "/submit_query"])
    func badInputIsA400WithAnErrorCodeAndMessage(_ input: BadInput, _ path: String) async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: path, method: .post, headers: APITest.jsonHeaders, body: APITest.body(input.body))
            #expect(response.status == .badRequest)
            #expect(try APITest.errorCode(response) == input.code)
            let error = try #require(try APITest.json(response)["error"] as? [String: String])
            #expect(error["message"]?.isEmpty == false)
        }
    }

    @Test func aQueryOfExactly4000CharactersIsAccepted() async throws {
        let harness = try await APIHarness()
        let query = String(repeating: "engine ", count: 571) + "eng"  // 4,000 characters
        try await harness.test { client in
            let response = try await client.execute(uri: "/api/query", method: .post, body: APITest.body(#"{"query": "\#(query)"}"#))
            #expect(response.status == .ok)
        }
    }

    @Test func anUnknownRouteIsA404InTheErrorShape() async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            let response = try await client.execute(uri: "/api/nothing", method: .get)
            #expect(response.status == .notFound)
            #expect(try APITest.errorCode(response) == "not_found")
        }
    }

    @Test func aFailingVectorStoreIsA503WithoutAStackTrace() async throws {
        let harness = try await APIHarness(store: nil)
        let router = buildQueryRouter(
            configuration: .init(), embedder: harness.embedder, store: BrokenStore(), generator: ExtractiveAnswerGenerator(),
            clock: .fixed(APIHarness.now))
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/api/query", method: .post, body: APITest.body(#"{"query": "engine"}"#))
            #expect(response.status == .serviceUnavailable)
            #expect(try APITest.errorCode(response) == "vector_store_unavailable")
            let stats = try await client.execute(uri: "/api/stats", method: .get)
            #expect(stats.status == .serviceUnavailable)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
        }
    }
}

/// A store whose every operation fails, as an unreachable OpenSearch does.
struct BrokenStore: VectorStore {
    struct Unreachable: Error {}
    func upsert(_ documents: [IndexedDocument]) async throws { throw Unreachable() }
    func search(vector: [Float], k: Int, filter: SearchFilter) async throws -> [SearchHit] { throw Unreachable() }
    func hybridSearch(vector: [Float], text: String, k: Int, filter: SearchFilter) async throws -> [SearchHit] { throw Unreachable() }
    func summarize(filter: SearchFilter, bucketLimit: Int) async throws -> MatchSummary { throw Unreachable() }
    func count() async throws -> Int { throw Unreachable() }
    func stats() async throws -> VectorStoreStats { throw Unreachable() }
    func delete(ids: [String]) async throws -> Int { throw Unreachable() }
}
