import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import QueryServer
@testable import Retrieval

/// Tokens, headers and error detail, in memory (the processes are in ``HostileClientTests``).
@Suite struct APISecurityTests {
    @Test func tokensCompareInConstantTimeWhateverTheLengths() {
        let token = Array("0123456789abcdef".utf8)
        #expect(IngestTokens.constantTimeEqual(token, token))
        #expect(!IngestTokens.constantTimeEqual(token, Array("0123456789abcdeF".utf8)))
        #expect(!IngestTokens.constantTimeEqual(token, Array(token.prefix(15))))
        #expect(!IngestTokens.constantTimeEqual([UInt8](repeating: 0, count: 256), []), "lengths 256 apart differ")
    }

    @Test func duringARotationTheNewAndThePreviousTokenAreAcceptedThenOnlyTheNew() throws {
        let directory = try APIHarness.tokenDirectory(token: "new-token-0123456789", previous: "old-token-0123456789")
        let tokens = IngestTokens(directory: directory, recheckInterval: .zero)
        #expect(tokens.accepts("Bearer new-token-0123456789"))
        #expect(tokens.accepts("bearer old-token-0123456789"))
        #expect(!tokens.accepts("Bearer other-token-012345678"))
        #expect(!tokens.accepts("new-token-0123456789"), "the Bearer scheme is required")
        #expect(tokens.clientToken() == "new-token-0123456789", "clients send the new one")
        try FileManager.default.removeItem(at: directory.appending(path: "previous"))
        try Data("newer-token-0123456789\n".utf8).write(to: directory.appending(path: "token"))
        #expect(!tokens.accepts("Bearer old-token-0123456789"))
        #expect(tokens.accepts("Bearer newer-token-0123456789"), "the file's trailing newline is not part of it")
    }

    @Test func aTooShortTokenFileIsNoToken() throws {
        let tokens = IngestTokens(directory: try APIHarness.tokenDirectory(token: "short"))
        #expect(!tokens.accepts("Bearer short"))
        #expect(throws: QueryAPIError.self) { try tokens.validate() }
    }

    @Test func withoutATokenTheInternalListenerRefusesEveryWrite() async throws {
        let router = buildInternalRouter(
            configuration: .init(), embedder: try HashingEmbedder(dimensions: 16), store: try EmbeddedVectorStore(configuration: .init(dimensions: 16)),
            tokens: nil, clock: .fixed(APIHarness.now))
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/api/ingest", method: .post, headers: APIHarness.ingestHeaders, body: APITest.body("[]"))
            #expect(response.status == .forbidden)
            #expect(try APITest.errorCode(response) == "ingest_disabled")
        }
    }

    @Test func everyResponseCarriesThePolicyAndARequestID() async throws {
        let harness = try await APIHarness()
        try await harness.test { client in
            for (uri, method) in [("/", HTTPRequest.Method.get), ("/api/query", .post), ("/api/nothing", .get)] {
                let response = try await client.execute(uri: uri, method: method, body: APITest.body(#"{"query": "engine"}"#))
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                #expect(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("script-src 'sha256-") && !policy.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.init("X-Request-ID")!]?.isEmpty == false)
            }
        }
    }

    @Test func aFailingDependencyReachesTheClientAsACodeAndARequestIDOnly() async throws {
        let router = buildQueryRouter(
            configuration: .init(), embedder: try HashingEmbedder(dimensions: 128), store: BrokenStore(), generator: ExtractiveAnswerGenerator(),
            clock: .fixed(APIHarness.now))
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/api/query", method: .post, body: APITest.body(#"{"query": "engine"}"#))
            #expect(response.status == .serviceUnavailable)
            let error = try #require(try APITest.json(response)["error"] as? [String: String])
            let id = try #require(response.headers[.init("X-Request-ID")!])
            #expect(error["message"]?.contains("request id \(id)") == true)
            #expect(error["message"]?.contains("Unreachable") == false, "the cause stays in the log")
        }
    }
}
