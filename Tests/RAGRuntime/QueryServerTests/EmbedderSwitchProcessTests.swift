import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import RAGRuntimeTesting
@testable import Retrieval

/// The production path of an embedder change: `rag-runtime query` (default embedder: local
/// all-MiniLM-L6-v2) refuses a store the hashing embedder built with one line, `rag-runtime reindex`
/// re-embeds it, and the query API then answers a paraphrase from the re-embedded records.
@Suite(.serialized) struct EmbedderSwitchProcessTests {
    typealias F = RetrievalFixtures

    static func run(_ arguments: [String], environment: [String: String], log: URL) async throws -> (status: Int32, output: String) {
        let process = try RuntimeProcess(arguments, environment: environment, log: log)
        let deadline = ContinuousClock.now + .seconds(120)
        while process.process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.stop()
                throw RuntimeProcessError(message: "rag-runtime \(arguments.joined(separator: " ")) did not exit: \(process.output.suffix(2_000))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return (process.process.terminationStatus, process.output)
    }

    @Test func aHashingStoreIsRefusedByTheLocalModelUntilReindexedThenAnswersParaphrases() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let data = directory.appending(path: "store")
        // A store built by the hashing embedder, as the previous default did.
        let hashing = try HashingEmbedder()
        let (store, _) = try EmbeddedVectorStore.openDurable(in: data, configuration: .init(dimensions: 384, embedder: hashing.identity))
        let now = Date()
        let records = [
            F.record("hot", at: now.addingTimeInterval(-600), level: .critical, vehicle: "VH-0042", code: "ENG-001",
                     message: "Engine temperature critical: 121 °C, coolant over-temperature"),
            F.record("tire", at: now.addingTimeInterval(-500), vehicle: "VH-0007", code: "TIRE-001", message: "Tire pressure low: 24 psi"),
            F.record("gps", at: now.addingTimeInterval(-400), vehicle: "VH-0009", code: "NAV-001", message: "GPS signal lost"),
            F.record("fuel", at: now.addingTimeInterval(-300), vehicle: "VH-0011", code: "FUEL-002", message: "Fuel level low: 6 %"),
        ]
        let vectors = try await hashing.embed(records.map(\.embeddingText), purpose: .document)
        try await store.upsert(zip(records, vectors).map { IndexedDocument(record: $0, vector: $1) })

        let port = try RuntimeProcess.freePort(), internalPort = try RuntimeProcess.freePort()
        var environment = ["PORT": String(port), "INTERNAL_PORT": String(internalPort), "VECTOR_STORE": "embedded", "DATA_DIR": data.path]
        environment["HOME"] = ProcessInfo.processInfo.environment["HOME"]

        let refused = try await Self.run(["query", "--host", "127.0.0.1"], environment: environment, log: directory.appending(path: "refused.log"))
        #expect(refused.status != 0)
        let line = "EMBEDDER=local: the store in \(data.path) holds vectors of hashing (feature-hashing-v1, 384 dimensions), "
            + "not local (sentence-transformers/all-MiniLM-L6-v2, 384 dimensions): re-embed it with `rag-runtime reindex --data-dir \(data.path)`, "
            + "or set EMBEDDER=hashing"
        #expect(refused.output.contains(line), "\(refused.output.suffix(2_000))")

        let reindex = try await Self.run(["reindex", "--data-dir", data.path], environment: environment, log: directory.appending(path: "reindex.log"))
        #expect(reindex.status == 0, "\(reindex.output.suffix(2_000))")
        #expect(reindex.output.contains("reindexed 4 records in \(data.path): hashing (feature-hashing-v1, 384 dimensions) -> local (sentence-transformers/all-MiniLM-L6-v2, 384 dimensions)"))

        let backend = try RuntimeProcess(["query", "--host", "127.0.0.1"], environment: environment, log: directory.appending(path: "backend.log"))
        defer { backend.stop() }
        try await backend.waitUntilServing("http://127.0.0.1:\(port)/readyz", timeout: .seconds(60))
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/query")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        // No word of this question is in the record it should find ("overheating" is not "temperature critical").
        request.body = .bytes(.init(string: #"{"query": "which car is overheating in the last hour", "k": 1}"#))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any])
        let sources = try #require(json["sources"] as? [[String: Any]], "\(json)")
        #expect(sources.first?["id"] as? String == "hot")
        #expect((json["matches"] as? [String: Any])?["count"] as? Int == 4)
    }
}
