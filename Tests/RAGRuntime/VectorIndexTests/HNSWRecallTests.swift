import Testing
import VectorIndex

/// Recall floors on fixed seeds: each would fail if the graph, the kernels or the walk broke.
@Suite struct HNSWRecallTests {
    static let data = TestVectors(count: 6_000, queries: 150, dimensions: 40, seed: 11)

    func build(_ metric: DistanceMetric, quantization: Quantization = .none, threads: Int = 1) throws -> HNSWIndex {
        var index = try HNSWIndex(
            dimensions: Self.data.dimensions, metric: metric,
            configuration: HNSWConfiguration(m: 12, efConstruction: 80, efSearch: 48, quantization: quantization)
        )
        try index.add(contentsOf: Self.data.flat, threads: threads)
        return index
    }

    @Test(arguments: DistanceMetric.allCases)
    func recallAtTenIsAboveTheFloorForEveryMetric(metric: DistanceMetric) throws {
        var index = try build(metric)
        let recall = try TestVectors.recall(of: &index, queries: Self.data.queries, k: 10) { index, query in
            try index.search(query, k: 10)
        }
        #expect(recall >= 0.95, "recall@10 \(recall) for \(metric)")
    }

    @Test(arguments: DistanceMetric.allCases)
    func int8QuantisedWalkWithExactRerankKeepsRecall(metric: DistanceMetric) throws {
        var index = try build(metric, quantization: .int8)
        let recall = try TestVectors.recall(of: &index, queries: Self.data.queries, k: 10) { index, query in
            try index.search(query, k: 10)
        }
        #expect(recall >= 0.93, "recall@10 \(recall) for \(metric) with int8")
    }

    @Test(arguments: Quantization.allCases)
    func aParallelBuildReachesTheSameRecallFloor(quantization: Quantization) throws {
        // int8: the build's candidate search reads codes (re-scored exactly before selection).
        var index = try build(.angular, quantization: quantization, threads: 2)
        #expect(index.count == Self.data.count)
        let recall = try TestVectors.recall(of: &index, queries: Self.data.queries, k: 10) { index, query in
            try index.search(query, k: 10)
        }
        #expect(recall >= (quantization == .none ? 0.95 : 0.93), "recall@10 \(recall) after a 2-thread build, \(quantization)")
    }

    @Test func aOneThreadBuildIsReproducible() throws {
        var first = try build(.l2)
        var second = try build(.l2)
        for query in Self.data.queries.prefix(20) {
            #expect(try first.search(query, k: 10) == second.search(query, k: 10))
        }
    }

    @Test func widerBeamsDoNotLoseRecall() throws {
        var index = try build(.angular)
        let narrow = try TestVectors.recall(of: &index, queries: Self.data.queries, k: 10) { try $0.search($1, k: 10, efSearch: 10) }
        let wide = try TestVectors.recall(of: &index, queries: Self.data.queries, k: 10) { try $0.search($1, k: 10, efSearch: 200) }
        #expect(wide >= narrow)
        #expect(wide >= 0.99, "recall@10 \(wide) at efSearch 200")
    }

    @Test func resultsAreSortedAndDistancesMatchTheExactDistance() throws {
        var index = try build(.angular)
        let query = Self.data.queries[0]
        let hits = try index.search(query, k: 10)
        #expect(hits.count == 10)
        #expect(hits.map(\.distance) == hits.map(\.distance).sorted())
        for hit in hits {
            #expect(abs(try index.distance(from: query, to: hit.id) - hit.distance) < 1e-5)
        }
    }
}
