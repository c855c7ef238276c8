import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import QueryServer
@testable import Retrieval

/// `rag-runtime dead-letters list|redrive`, a real process with the consumer's environment
/// (`BACKEND_URL`, `INGEST_TOKEN_DIR`), against the backend's internal listener and its
/// `dead-letters.jsonl`: a letter whose record is good now is indexed and removed; one that is
/// still bad stays.
@Suite(.serialized) struct DeadLetterRedriveTests {
    static func run(_ arguments: [String], backend: Int, tokens: URL, log: URL) throws -> (status: Int32, output: String) {
        let process = try RuntimeProcess(
            ["dead-letters"] + arguments,
            environment: ["BACKEND_URL": "http://127.0.0.1:\(backend)", "INGEST_TOKEN_DIR": tokens.path, "VECTOR_STORE": "embedded"],
            log: log)
        process.process.waitUntilExit()
        return (process.process.terminationStatus, process.output)
    }

    @Test func theCommandListsAndRedrivesTheBackendsDeadLetters() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let letters = try FileDeadLetterStore(url: directory.appending(path: "dead-letters.jsonl"))
        let good = try IngestionFixtures.payloads(try IngestionFixtures.records(count: 1, seed: 3))[0]
        try await letters.write([
            DeadLetter(record: SourceRecord(shard: "s", position: "1", data: good, arrivedAt: nil), eventID: nil,
                       reason: "embedding rejected: the embedder was misconfigured", at: RetrievalFixtures.noon),
            DeadLetter(record: SourceRecord(shard: "s", position: "2", data: Data("{not json".utf8), arrivedAt: nil), eventID: nil,
                       reason: "unparseable: not JSON", at: RetrievalFixtures.noon),
        ])
        let harness = try await APIHarness(seed: false, deadLetters: letters)
        let tokens = try APIHarness.tokenDirectory()
        try await Application(router: harness.internalRouter).test(.live) { client in
            let port = try #require(client.port)
            let listed = try Self.run(["list"], backend: port, tokens: tokens, log: directory.appending(path: "list.log"))
            #expect(listed.status == 0, "\(listed.output)")
            #expect(listed.output.contains("s/1\t") && listed.output.contains("s/2\t") && listed.output.contains("2 dead letters"))
            let redriven = try Self.run(["redrive"], backend: port, tokens: tokens, log: directory.appending(path: "redrive.log"))
            #expect(redriven.status == 0, "\(redriven.output)")
            #expect(redriven.output.contains("redriven 1; still failing 1"), "\(redriven.output)")
            let again = try Self.run(["redrive", "--reason", "embedding"], backend: port, tokens: tokens, log: directory.appending(path: "again.log"))
            #expect(again.output.contains("redriven 0; still failing 0"), "idempotent: \(again.output)")
        }
        #expect(try await harness.store.count() == 1)
        #expect(try letters.readAll().map(\.position) == ["2"], "only the still-bad letter stays")
    }

    @Test func withoutTheTokenTheBackendRefuses() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let harness = try await APIHarness(seed: false, deadLetters: try FileDeadLetterStore(url: directory.appending(path: "dl.jsonl")))
        let wrong = try APIHarness.tokenDirectory(token: "another-token-0123456789")
        try await Application(router: harness.internalRouter).test(.live) { client in
            let result = try Self.run(["list"], backend: try #require(client.port), tokens: wrong, log: directory.appending(path: "list.log"))
            #expect(result.status != 0)
            #expect(result.output.contains("401"), "\(result.output)")
        }
    }
}
