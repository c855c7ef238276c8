import Foundation
import Testing
import RAGRuntimeTesting
@testable import Retrieval

/// Recall of the store's graph walk (its `VectorIndex`) against exact search, with default parameters.
@Suite struct HNSWRecallTests {
    typealias F = RetrievalFixtures

    static func index(_ vectors: [[Float]], hnsw: HNSWParameters = HNSWParameters()) throws -> EmbeddedIndex {
        var index = EmbeddedIndex(configuration: .init(dimensions: vectors[0].count, hnsw: hnsw))
        try index.upsert(vectors.enumerated().map { slot, vector in
            IndexedDocument(record: F.record("e\(slot)", at: F.noon.addingTimeInterval(Double(slot))), vector: vector)
        })
        return index
    }

    /// 20,000 seeded random unit vectors of 16 dimensions (enough that the index's cost model
    /// walks the graph rather than scanning), 100 queries, recall@10 against brute force.
    /// Random data in hundreds of dimensions has no neighbourhood structure for any graph index to
    /// exploit (see ``HNSWParameters``), so it would measure the data, not the implementation.
    @Test func graphSearchFindsAtLeast95PercentOfTheExactTopTen() throws {
        let vectors = F.randomUnitVectors(count: 20_000, dimensions: 16, seed: 42)
        var index = try Self.index(vectors)
        var recalled = 0
        for query in F.randomUnitVectors(count: 100, dimensions: 16, seed: 7) {
            let (hits, plan) = try index.search(vector: query, k: 10, filter: .none)
            #expect(plan == .graph(candidates: 20_000))
            let exact = vectors.indices.map { slot in (slot, zip(query, vectors[slot]).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
                .sorted { $0.1 > $1.1 }.prefix(10).map { "e\($0.0)" }
            recalled += Set(hits.map(\.id)).intersection(exact).count
        }
        let recall = Double(recalled) / 1_000
        #expect(recall >= 0.95, "recall@10 = \(recall)")
    }

    /// A small beam (ef 10, m 4) makes 2,000 documents enough for the walk to be the plan.
    @Test func theSameSeedAndInsertionOrderGiveTheSameResults() throws {
        let vectors = F.randomUnitVectors(count: 2_000, dimensions: 16, seed: 1)
        let small = HNSWParameters(m: 4, efConstruction: 32, efSearch: 10)
        var first = try Self.index(vectors, hnsw: small), second = try Self.index(vectors, hnsw: small)
        for query in F.randomUnitVectors(count: 20, dimensions: 16, seed: 2) {
            let a = try first.search(vector: query, k: 10, filter: .none)
            let b = try second.search(vector: query, k: 10, filter: .none)
            #expect(a.plan == .graph(candidates: 2_000))
            #expect(a.hits == b.hits)
        }
    }
}
