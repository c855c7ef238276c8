import AWS
import AWSTesting
import Foundation
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Retrieval
@testable import RetrievalClients

/// ``BedrockEmbedder`` and ``OpenAICompatibleEmbedder`` against loopback stubs.
@Suite struct RemoteEmbedderTests {
    /// Records request bodies and answers each with a closure of the parsed body.
    final class Stub: Sendable {
        private let bodies = Mutex<[(path: String, headers: [AWSRequest.HeaderField], body: AWSJSONValue)]>([])
        private let answer: @Sendable (AWSJSONValue) -> AWSJSONValue

        init(_ answer: @escaping @Sendable (AWSJSONValue) -> AWSJSONValue) { self.answer = answer }

        var received: [(path: String, headers: [AWSRequest.HeaderField], body: AWSJSONValue)] { bodies.withLock { $0 } }

        var handle: @Sendable (AWSRequest) async -> AWSHTTPResponse {
            { request in
                let body = (try? AWSJSONValue.decode(request.body)) ?? .null
                self.bodies.withLock { $0.append((request.percentEncodedPath, request.headers, body)) }
                return AWSHTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: (try? self.answer(body).encoded()) ?? Data())
            }
        }
    }

    /// `text-<n>` embeds as `[1, n, 0, 0]`, so order survives normalisation.
    static func vector(for text: AWSJSONValue) -> AWSJSONValue {
        let n = Int(text.stringValue?.split(separator: "-").last ?? "") ?? -1
        return [1, .integer(Int64(n)), 0, 0]
    }

    static func expected(_ n: Int) -> [Float] {
        DotProduct.normalised([1, Float(n), 0, 0])!
    }

    @Test func bedrockCohereBatches200TextsInto3CallsKeepsOrderAndSetsTheInputType() async throws {
        let stub = Stub { body in ["embeddings": ["float": .array((body["texts"]?.arrayValue ?? []).map(RemoteEmbedderTests.vector))]] }
        let texts = (0..<200).map { "text-\($0)" }
        let (documents, query) = try await AWSLoopbackServer.withRunning(handler: stub.handle) { url in
            let http = AWSHTTPClient(
                service: .bedrockRuntime, region: "us-east-1", endpoint: url,
                credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")),
                transport: AsyncHTTPClientTransport())
            let embedder = BedrockEmbedder(client: BedrockRuntimeClient(http: http), dimensions: 4)
            return (try await embedder.embed(texts, purpose: .document), try await embedder.embed(["text-7"], purpose: .query))
        }
        #expect(documents == (0..<200).map(Self.expected))
        #expect(query == [Self.expected(7)])
        let calls = stub.received
        #expect(calls.map { $0.body["texts"]?.arrayValue?.count } == [96, 96, 8, 1])
        #expect(calls.map { $0.body["input_type"]?.stringValue } == ["search_document", "search_document", "search_document", "search_query"])
        #expect(calls.allSatisfy { $0.path == "/model/cohere.embed-english-v3/invoke" })
    }

    @Test func bedrockTitanIsUsedForTitanModelIDsOneTextPerCall() async throws {
        let stub = Stub { body in ["embedding": RemoteEmbedderTests.vector(for: body["inputText"] ?? .null)] }
        let vectors = try await AWSLoopbackServer.withRunning(handler: stub.handle) { url in
            let http = AWSHTTPClient(
                service: .bedrockRuntime, region: "us-east-1", endpoint: url,
                credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")),
                transport: AsyncHTTPClientTransport())
            let embedder = BedrockEmbedder(client: BedrockRuntimeClient(http: http), modelID: "amazon.titan-embed-text-v2:0", dimensions: 4)
            return try await embedder.embed(["text-1", "text-2"], purpose: .query)
        }
        #expect(vectors == [Self.expected(1), Self.expected(2)])
        #expect(stub.received.map { $0.body["dimensions"] } == [4, 4])
    }

    @Test func openAICompatibleEmbeddingsAreOrderedByIndexAndSendTheBearerKey() async throws {
        let stub = Stub { body in
            let inputs = body["input"]?.arrayValue ?? []
            let items: [AWSJSONValue] = inputs.enumerated().reversed().map { ["index": .integer(Int64($0.offset)), "embedding": RemoteEmbedderTests.vector(for: $0.element)] }
            return ["object": "list", "data": .array(items)]
        }
        let texts = (0..<100).map { "text-\($0)" }
        let vectors = try await AWSLoopbackServer.withRunning(handler: stub.handle) { url in
            let embedder = OpenAICompatibleEmbedder(configuration: .init(baseURL: url.absoluteString + "/v1", model: "bge-small", dimensions: 4, apiKey: "sk-test"))
            return try await embedder.embed(texts, purpose: .document)
        }
        #expect(vectors == (0..<100).map(Self.expected))
        let calls = stub.received
        #expect(calls.map { $0.body["input"]?.arrayValue?.count } == [96, 4])
        #expect(calls.allSatisfy { $0.path == "/v1/embeddings" && $0.body["model"] == "bge-small" })
        #expect(calls.first?.headers.first { $0.name.lowercased() == "authorization" }?.value == "Bearer sk-test")
    }

    @Test func aVectorOfTheWrongLengthIsAnErrorNamingTheModel() async throws {
        let stub = Stub { _ in ["data": [["index": 0, "embedding": [1, 0, 0]]]] }
        try await AWSLoopbackServer.withRunning(handler: stub.handle) { url in
            let embedder = OpenAICompatibleEmbedder(configuration: .init(baseURL: url.absoluteString, model: "bge-small", dimensions: 4))
            await #expect(throws: RetrievalError.embeddingFailed(model: "bge-small", reason: "returned a vector of 3 dimensions where 4 were expected")) {
                try await embedder.embed(["text-1"], purpose: .query)
            }
        }
    }
}
