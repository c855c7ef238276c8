import Testing
import VectorIndex

/// Filters keep recall at every selectivity: the cost model scans small sets exactly (recall 1.0),
/// and the in-graph filter (stepping stones or two-hop) keeps recall@10 at or above 0.95 elsewhere.
@Suite struct FilteredSearchTests {
    static let data = TestVectors(count: 20_000, queries: 100, dimensions: 24, seed: 29)
    static let index: HNSWIndex = {
        do {
            var index = try HNSWIndex(dimensions: data.dimensions, metric: .l2, configuration: HNSWConfiguration(m: 16, efConstruction: 100, efSearch: 64))
            try index.add(contentsOf: data.flat, threads: 1)
            return index
        } catch {
            fatalError("building the shared filter-test index failed: \(error)")
        }
    }()

    /// A filter allowing a pseudo-random `fraction` of the ids (not correlated with the clusters).
    static func filter(fraction: Double, seed: UInt64) -> IDFilter {
        var random = Generator(state: seed)
        return IDFilter(capacity: data.count) { _ in random.uniform() < fraction }
    }

    @Test(arguments: [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0])
    func filteredRecallStaysAboveTheFloor(fraction: Double) throws {
        var index = Self.index
        let filter = Self.filter(fraction: fraction, seed: 5)
        let recall = try TestVectors.recall(of: &index, queries: Self.data.queries, k: 10, filter: filter) { index, query in
            let hits = try index.search(query, k: 10, filter: filter)
            #expect(hits.allSatisfy { filter.contains($0.id) })
            return hits
        }
        let strategy = index.strategy(for: filter, k: 10)
        #expect(recall >= 0.95, "recall@10 \(recall) at selectivity \(fraction) (\(strategy))")
        if strategy == .exact { #expect(recall == 1.0) }
    }

    /// The in-graph filters alone (no exact scan chosen), where the graph is the cheaper plan.
    @Test(arguments: [(0.05, SearchStrategy.twoHopGraph), (0.1, .twoHopGraph), (0.2, .twoHopGraph), (0.3, .filteredGraph), (0.5, .filteredGraph)])
    func inGraphFilteringKeepsRecall(fraction: Double, strategy: SearchStrategy) throws {
        var index = Self.index
        let filter = Self.filter(fraction: fraction, seed: 8)
        var scratch = SearchScratch()
        let recall = try TestVectors.recall(of: &index, queries: Self.data.queries, k: 10, filter: filter) { index, query in
            try index.search(query, k: 10, efSearch: 64, filter: filter, strategy: strategy, scratch: &scratch)
        }
        #expect(recall >= 0.95, "recall@10 \(recall) at selectivity \(fraction) with \(strategy)")
    }

    /// On a quantised dot-product index the scan reads code rows and re-ranks the candidates within
    /// the rounding error's margin: it must still return exactly the exact search's neighbours.
    @Test(arguments: [0.01, 0.1, 1.0])
    func aQuantisedScanReturnsTheExactNeighbours(fraction: Double) throws {
        let data = TestVectors(count: 4_000, queries: 50, dimensions: 96, seed: 31)
        var index = try HNSWIndex(dimensions: 96, metric: .angular, configuration: HNSWConfiguration(m: 8, efConstruction: 40, quantization: .int8))
        try index.add(contentsOf: data.flat, threads: 1)
        var random = Generator(state: 3)
        let filter = IDFilter(capacity: index.count) { _ in random.uniform() < fraction }
        var scratch = SearchScratch()
        for query in data.queries {
            let scanned = try index.search(query, k: 10, filter: filter, strategy: .exact, scratch: &scratch)
            let exact = try index.exactSearch(query, k: 10, filter: filter)
            #expect(scanned.map(\.id) == exact.map(\.id))
            #expect(zip(scanned, exact).allSatisfy { abs($0.distance - $1.distance) < 1e-5 })
        }
    }

    @Test func theCostModelScansSmallSetsAndWalksLargeOnes() {
        let index = Self.index
        #expect(index.strategy(for: Self.filter(fraction: 0.001, seed: 1), k: 10) == .exact)
        #expect(index.strategy(for: Self.filter(fraction: 0.2, seed: 1), k: 10) == .exact)
        #expect(index.strategy(for: Self.filter(fraction: 0.7, seed: 1), k: 10) == .filteredGraph)
        #expect(index.strategy(for: nil, k: 10) == .graph)
    }

    @Test func aFilterAllowingFewerThanKReturnsAllOfThem() throws {
        var index = Self.index
        let filter = IDFilter(capacity: index.count, allowing: [3, 999, 12_345])
        let hits = try index.search(Self.data.queries[0], k: 10, filter: filter)
        #expect(Set(hits.map(\.id)) == [3, 999, 12_345])
    }

    @Test func anEmptyFilterReturnsNothing() throws {
        var index = Self.index
        #expect(try index.search(Self.data.queries[0], k: 10, filter: IDFilter(capacity: index.count)).isEmpty)
    }

    @Test func aFilterForAnotherSizeIsATypedError() throws {
        var index = Self.index
        #expect(throws: VectorIndexError.filterCapacityMismatch(expected: index.count, actual: 10)) {
            try index.search(Self.data.queries[0], k: 10, filter: IDFilter(capacity: 10))
        }
    }
}

/// A filter that follows a growing index (the embedded store's live set).
@Suite struct GrowingFilterTests {
    @Test func appendAndRemoveKeepTheCountAndTheBits() {
        var filter = IDFilter(capacity: 0)
        for id in 0..<130 { filter.append(id % 3 != 0) }
        #expect(filter.capacity == 130)
        #expect(filter.count == 86)
        #expect(filter.ids == (0..<130).filter { $0 % 3 != 0 })
        filter.remove(1)
        filter.remove(1)
        filter.remove(3)
        #expect(filter.count == 85)
        #expect(!filter.contains(1) && !filter.contains(3) && filter.contains(2))
        #expect(filter == IDFilter(capacity: 130, allowing: (0..<130).filter { $0 % 3 != 0 && $0 != 1 }))
    }

    @Test func anIDBufferBuildsTheSameFilterAsASequence() {
        let ids: [Int32] = [5, 0, 129, 5, -1, 400, 64, 63]
        let fromBuffer = ids.withUnsafeBufferPointer { IDFilter(capacity: 130, allowing: $0) }
        #expect(fromBuffer == IDFilter(capacity: 130, allowing: ids.map { Int($0) }))
        #expect(fromBuffer.count == 5)
        #expect(fromBuffer.ids == [0, 5, 63, 64, 129])
    }
}
