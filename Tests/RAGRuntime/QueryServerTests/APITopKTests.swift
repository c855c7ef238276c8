import Foundation
import Hummingbird
import HummingbirdTesting
import RuntimeContract
import Testing
import RAGRuntimeTesting
@testable import QueryServer

/// The pipeline's `spec.retrieval` reaches the API through the contract (`TOP_K`, `MAX_TOP_K`):
/// its `topK` is the default and its `maxTopK` the limit, not a fixed 50.
@Suite struct APITopKTests {
    static func sources(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try APITest.json(response)["sources"] as? [[String: Any]])
    }

    @Test func thePipelinesTopKIsTheDefaultAndItsMaximumTheLimit() async throws {
        let settings = try RuntimeSettings(environment: ["TOP_K": "1", "MAX_TOP_K": "80"])
        let harness = try await APIHarness(configuration: QueryAPIConfiguration(retrieval: settings.retrieval))
        try await harness.test { client in
            let unnamed = try await client.execute(
                uri: "/api/query", method: .post, headers: APITest.jsonHeaders, body: APITest.body(#"{"query": "vehicle status reports"}"#))
            #expect(unnamed.status == .ok)
            #expect(try Self.sources(unnamed).count == 1)

            let many = try await client.execute(
                uri: "/api/query", method: .post, headers: APITest.jsonHeaders, body: APITest.body(#"{"query": "vehicle status reports", "k": 60}"#))
            #expect(many.status == .ok)
            #expect(try Self.sources(many).count == APIHarness.records.count)

            let tooMany = try await client.execute(
                uri: "/api/query", method: .post, headers: APITest.jsonHeaders, body: APITest.body(#"{"query": "vehicle status reports", "k": 81}"#))
            #expect(tooMany.status == .badRequest)
            #expect(try APITest.errorCode(tooMany) == "k_out_of_range")
        }
    }

    @Test func withoutRetrievalSettingsTheDefaultsApply() {
        let configuration = QueryAPIConfiguration(retrieval: nil)
        #expect(configuration.defaultTopK == 5)
        #expect(configuration.maximumTopK == 50)
    }
}
