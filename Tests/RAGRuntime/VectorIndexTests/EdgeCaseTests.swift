import Testing
import VectorIndex

/// The edges: empty, tiny and duplicate data, and every bad input as a typed error.
@Suite struct EdgeCaseTests {
    @Test func anEmptyIndexReturnsNothing() throws {
        var index = try HNSWIndex(dimensions: 4, metric: .angular)
        #expect(try index.search([1, 0, 0, 0], k: 10).isEmpty)
        #expect(try index.exactSearch([1, 0, 0, 0], k: 10).isEmpty)
        #expect(index.bytesPerVector == 0)
    }

    @Test func kAboveTheCountReturnsEveryVector() throws {
        var index = try HNSWIndex(dimensions: 3, metric: .l2)
        try index.add(contentsOf: [0, 0, 0, 1, 0, 0, 0, 2, 0, 5, 5, 5])
        let hits = try index.search([0, 0, 0], k: 50)
        #expect(hits.map(\.id) == [0, 1, 2, 3])
        #expect(hits.map(\.distance) == [0, 1, 4, 75])
    }

    @Test func duplicateVectorsAreAllFound() throws {
        var index = try HNSWIndex(dimensions: 8, metric: .angular, configuration: HNSWConfiguration(m: 4, efConstruction: 8))
        let vector: [Float] = [1, 2, 3, 4, 5, 6, 7, 8]
        for _ in 0..<300 { try index.add(vector) }
        try index.add([8, 7, 6, 5, 4, 3, 2, 1])
        let hits = try index.search(vector, k: 20, efSearch: 64)
        #expect(hits.count == 20)
        #expect(hits.allSatisfy { $0.id < 300 && abs($0.distance) < 1e-5 })
        #expect(try index.search([8, 7, 6, 5, 4, 3, 2, 1], k: 1, efSearch: 400).first?.id == 300)
    }

    @Test func aWrongDimensionIsATypedError() throws {
        var index = try HNSWIndex(dimensions: 4, metric: .l2)
        #expect(throws: VectorIndexError.dimensionMismatch(expected: 4, actual: 3)) { try index.add([1, 2, 3]) }
        #expect(throws: VectorIndexError.dimensionMismatch(expected: 4, actual: 2)) { try index.add(contentsOf: [1, 2, 3, 4, 5, 6]) }
        try index.add([1, 2, 3, 4])
        #expect(throws: VectorIndexError.dimensionMismatch(expected: 4, actual: 5)) { try index.search([1, 2, 3, 4, 5], k: 1) }
        #expect(index.count == 1)
    }

    @Test func invalidVectorsAreRejectedWithoutAddingAnything() throws {
        var index = try HNSWIndex(dimensions: 2, metric: .angular)
        #expect(throws: VectorIndexError.self) { try index.add(contentsOf: [1, 1, 0, 0]) }
        #expect(throws: VectorIndexError.self) { try index.add([.nan, 1]) }
        #expect(throws: VectorIndexError.self) { try index.add([.infinity, 1]) }
        #expect(index.count == 0)
        try index.add([1, 1])
        #expect(throws: VectorIndexError.self) { try index.search([0, 0], k: 1) }
        #expect(throws: VectorIndexError.invalidResultCount(0)) { try index.search([1, 0], k: 0) }
    }

    @Test func badConfigurationsAreTypedErrors() {
        #expect(throws: VectorIndexError.self) { try HNSWIndex(dimensions: 0, metric: .l2) }
        #expect(throws: VectorIndexError.self) { try HNSWIndex(dimensions: 4, metric: .l2, configuration: HNSWConfiguration(m: 1)) }
        #expect(throws: VectorIndexError.self) { try HNSWIndex(dimensions: 4, metric: .l2, configuration: HNSWConfiguration(m: 16, efConstruction: 8)) }
    }

    @Test func innerProductRanksByTheRawDotProduct() throws {
        var index = try HNSWIndex(dimensions: 2, metric: .innerProduct)
        try index.add(contentsOf: [1, 0, 10, 0, 0, 1])
        let hits = try index.search([1, 0], k: 3)
        #expect(hits.map(\.id) == [1, 0, 2])
        #expect(hits.map(\.distance) == [-10, -1, 0])
    }

    @Test func addingInBatchesMatchesTheCount() throws {
        let data = TestVectors(count: 1_000, queries: 5, dimensions: 9, seed: 1)
        var index = try HNSWIndex(dimensions: 9, metric: .l2)
        #expect(try index.add(contentsOf: Array(data.flat.prefix(9 * 400))) == 0..<400)
        #expect(try index.add(contentsOf: Array(data.flat.dropFirst(9 * 400)), threads: 2) == 400..<1_000)
        #expect(try index.search(data.vector(777), k: 1).first?.id == 777)
    }
}
