import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import QueryServer
@testable import Retrieval

/// An answer's count is every record matching the filter, counted by the store; the hits are examples.
@Suite struct APITotalsTests {
    typealias F = RetrievalFixtures

    /// 37 critical engine alerts in the last 2 hours on 4 vehicles, 12 warnings among them in time, 20 older alerts.
    static func seeded() async throws -> APIHarness {
        let harness = try await APIHarness(seed: false)
        var records = (0..<37).map { index in
            F.record("crit-\(index)", at: APIHarness.now.addingTimeInterval(Double(-60 - index * 120)), level: .critical,
                     vehicle: "VH-00\(10 + index % 4)", code: "ENG-001", message: "Engine temperature critical", readings: .init(engineTemp: 118))
        }
        records += (0..<12).map { F.record("warn-\($0)", at: APIHarness.now.addingTimeInterval(Double(-90 - $0 * 300)), level: .warn, code: "ENG-002") }
        records += (0..<20).map { F.record("old-\($0)", at: APIHarness.now.addingTimeInterval(Double(-86_400 - $0)), level: .critical, code: "ENG-001") }
        let vectors = try await harness.embedder.embed(records.map(\.embeddingText), purpose: .document)
        try await harness.store.upsert(zip(records, vectors).map { IndexedDocument(record: $0, vector: $1) })
        return harness
    }

    @Test func aHowManyQuestionIsAnsweredFromTheStoresCountNotFromK() async throws {
        let harness = try await Self.seeded()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/query", method: .post,
                body: APITest.body(#"{"query": "how many critical alerts about engine temperature in the last 2 hours?", "k": 5}"#))
            #expect(response.status == .ok)
            let json = try APITest.json(response)
            #expect((json["sources"] as? [Any])?.count == 5)
            let matches = try #require(json["matches"] as? [String: Any])
            #expect(matches["count"] as? Int == 37)
            #expect(matches["vehicles"] as? Int == 4)
            let byVehicle = try #require(matches["byVehicle"] as? [[String: Any]])
            #expect(byVehicle.compactMap { $0["count"] as? Int } == [10, 9, 9, 9])
            let answer = try #require(json["answer"] as? String)
            #expect(answer.hasPrefix("37 matching records between 2025-06-15T10:00:00Z and 2025-06-15T12:00:00Z"), "\(answer)")
            #expect(answer.contains("on 4 vehicles"))
            #expect(answer.contains("By level: CRITICAL (37)."))
            #expect(answer.contains("The 5 closest matches to the question:"))
        }
    }

    @Test func theLanguageModelIsGivenTheSameTotals() async throws {
        let harness = try await Self.seeded()
        let service = QueryService(embedder: harness.embedder, store: harness.store, generator: ExtractiveAnswerGenerator(), clock: .fixed(APIHarness.now))
        let retrieval = try await service.retrieve("how many vehicles had a critical engine temperature in the last 2 hours", k: 3)
        #expect(retrieval.matches?.vehicles == 4)
        let request = AnswerRequest(
            question: "how many vehicles had a critical engine temperature in the last 2 hours", timeRange: retrieval.parsed.timeRange, fields: retrieval.parsed.fields,
            hits: retrieval.hits, now: APIHarness.now, matches: retrieval.matches)
        let user = ChatPrompt.messages(for: request)[1].content
        #expect(user.contains("Totals over every matching record: 37 matching records"))
        #expect(user.contains("Example records, the 3 best matches of 37"))
        #expect(ChatPrompt.systemPrompt(now: APIHarness.now).contains("never the number of example records"))
    }
}
