import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import Ingestion
@testable import QueryServer
@testable import Retrieval

/// A consumer that indexes through the backend hands its dead letters to the backend, which keeps
/// them on its volume.
struct BackendDeadLetterTests {
    func router(deadLetters: (any DeadLetterStore)?) throws -> Router<BasicRequestContext> {
        buildInternalRouter(
            configuration: QueryAPIConfiguration(), embedder: try HashingEmbedder(dimensions: 16),
            store: try EmbeddedVectorStore(configuration: .init(dimensions: 16)),
            tokens: IngestTokens(directory: try APIHarness.tokenDirectory()), clock: .fixed(RetrievalFixtures.noon), deadLetters: deadLetters)
    }

    let letter = DeadLetter(
        record: SourceRecord(shard: "shardId-000000000003", position: "4960", data: Data("{oops".utf8), arrivedAt: nil),
        eventID: nil, reason: "unparseable: not JSON", at: RetrievalFixtures.noon)

    @Test func lettersPostedToTheBackendLandInItsFile() async throws {
        let file = try IngestionFixtures.temporaryDirectory().appendingPathComponent("dead-letters.jsonl")
        let stored = try FileDeadLetterStore(url: file)
        try await Application(router: try router(deadLetters: stored)).test(.live) { client in
            let store = BackendDeadLetterStore(backendURL: "http://127.0.0.1:\(client.port!)/", token: { APIHarness.token })
            try await store.write([letter, letter])
            try await client.execute(
                uri: "/api/dead-letters", method: .post, headers: APIHarness.ingestHeaders, body: ByteBuffer(string: "{\"not\": \"a list\"}")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("invalid_json"))
            }
        }
        #expect(try stored.readAll() == [letter, letter])
    }

    @Test func aBackendWithoutADeadLetterStoreFailsTheWriteSoTheBatchIsKept() async throws {
        try await Application(router: try router(deadLetters: nil)).test(.live) { client in
            let store = BackendDeadLetterStore(backendURL: "http://127.0.0.1:\(client.port!)", token: { APIHarness.token })
            await #expect(throws: IngestionError.self) { try await store.write([letter]) }
        }
    }
}
