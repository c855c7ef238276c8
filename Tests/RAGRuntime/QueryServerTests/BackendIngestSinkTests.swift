import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import QueryServer
@testable import Retrieval

/// The consumer's side of the internal listener: ``BackendIngestSink`` sends the ingest token; a
/// refused token holds the batch back instead of dead-lettering good records.
@Suite struct BackendIngestSinkTests {
    static func documents() -> [IndexedDocument] {
        APIHarness.records.map { IndexedDocument(record: $0, vector: []) }
    }

    @Test func withTheTokenTheBackendIndexesTheBatch() async throws {
        let harness = try await APIHarness(seed: false)
        try await Application(router: harness.internalRouter).test(.live) { client in
            let sink = BackendIngestSink(backendURL: "http://127.0.0.1:\(try #require(client.port))", token: { APIHarness.token })
            try await sink.upsert(Self.documents())
        }
        #expect(try await harness.store.count() == APIHarness.records.count)
    }

    @Test func aRefusedTokenIsAnOutageNotARejectionOfTheRecords() async throws {
        let harness = try await APIHarness(seed: false)
        try await Application(router: harness.internalRouter).test(.live) { client in
            let sink = BackendIngestSink(backendURL: "http://127.0.0.1:\(try #require(client.port))", token: { "stale-token-0123456789" })
            do {
                try await sink.upsert(Self.documents())
                Issue.record("a wrong token was accepted")
            } catch {
                guard case .backendRejected(let status, _)? = error as? IngestionError else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(status == 401)
                #expect(try BatchProcessor.classify(error) == .transient("\(error)"), "waited out: not acknowledged, not dead-lettered")
            }
        }
        #expect(try await harness.store.count() == 0)
    }
}
