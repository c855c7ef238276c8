import Foundation
import Testing
import RAGRuntimeTesting
@testable import Retrieval

/// Recall of the HNSW graph against exact search, with default parameters.
@Suite struct HNSWRecallTests {
    /// 20,000 seeded random unit vectors, 100 queries, recall@10 of the graph versus brute force.
    ///
    /// Unoptimised code builds the graph about 20 times more slowly (all 20,000 take 16 s in a
    /// debug build, under 1 s in release), so debug builds use 4,000 vectors;
    /// `swift test -c release` runs all 20,000.
    /// 16 dimensions keep the run short. Random data in hundreds of dimensions has no
    /// neighbourhood structure for any graph index to exploit (see ``HNSWParameters``), so it
    /// measures the data, not the implementation.
    @Test func graphSearchFindsAtLeast95PercentOfTheExactTopTen() throws {
        let dimensions = 16
        #if DEBUG
        let count = 4_000
        #else
        let count = 20_000
        #endif
        let vectors = RetrievalFixtures.randomUnitVectors(count: count, dimensions: dimensions, seed: 42)
        let queries = RetrievalFixtures.randomUnitVectors(count: 100, dimensions: dimensions, seed: 7)
        let flat = vectors.flatMap { $0 }
        var graph = HNSWGraph(parameters: HNSWParameters())
        var recalled = 0
        flat.withUnsafeBufferPointer { buffer in
            let rows = VectorRows(base: buffer.baseAddress!, dimensions: dimensions)
            for _ in vectors.indices { graph.insert(rows: rows) }
            for query in queries {
                query.withUnsafeBufferPointer { query in
                    let approximate = graph.search(query: query.baseAddress!, k: 10, ef: HNSWParameters().efSearch, rows: rows) { _ in true }
                    let exact = EmbeddedIndexTestSupport.exactTopK(query: query.baseAddress!, count: vectors.count, k: 10, rows: rows)
                    recalled += Set(approximate.map(\.node)).intersection(exact).count
                }
            }
        }
        let recall = Double(recalled) / Double(queries.count * 10)
        #expect(recall >= 0.95, "recall@10 = \(recall)")
    }

    @Test func theSameSeedAndInsertionOrderBuildTheSameGraph() {
        let vectors = RetrievalFixtures.randomUnitVectors(count: 500, dimensions: 8, seed: 1).flatMap { $0 }
        func build() -> HNSWGraph.Snapshot {
            var graph = HNSWGraph(parameters: HNSWParameters())
            vectors.withUnsafeBufferPointer { buffer in
                for _ in 0..<500 { graph.insert(rows: VectorRows(base: buffer.baseAddress!, dimensions: 8)) }
            }
            return graph.snapshot
        }
        let first = build(), second = build()
        #expect(first.links == second.links)
        #expect(first.levels == second.levels)
        #expect(first.entryPoint == second.entryPoint)
    }
}

enum EmbeddedIndexTestSupport {
    /// The ids of the `k` rows most similar to `query`, by brute force.
    static func exactTopK(query: UnsafePointer<Float>, count: Int, k: Int, rows: VectorRows) -> Set<Int32> {
        let scored = (0..<Int32(count)).map { ($0, rows.similarity(query, $0)) }
        return Set(scored.sorted { $0.1 > $1.1 }.prefix(k).map(\.0))
    }
}
