import Foundation
import Testing
import VectorIndex

/// An index written to one file reopens memory-mapped and answers exactly as before.
@Suite struct PersistenceTests {
    static let data = TestVectors(count: 3_000, queries: 30, dimensions: 20, seed: 3)

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appending(path: "vector-index-\(UUID().uuidString).hnsw").path
    }

    @Test(arguments: [Quantization.none, .int8])
    func aWrittenIndexReopensMappedWithTheSameResults(quantization: Quantization) throws {
        var index = try HNSWIndex(dimensions: 20, metric: .angular, configuration: HNSWConfiguration(m: 8, efConstruction: 40, efSearch: 16, quantization: quantization))
        try index.add(contentsOf: Self.data.flat)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try index.write(to: path)
        var reopened = try HNSWIndex(contentsOf: path)
        #expect(reopened.isMapped)
        #expect(reopened.strategy(for: nil, k: 10) == .graph)
        #expect(reopened.count == index.count)
        #expect(reopened.configuration == index.configuration)
        for query in Self.data.queries {
            #expect(try reopened.search(query, k: 10) == index.search(query, k: 10))
        }
    }

    @Test func aReopenedIndexCanGrow() throws {
        var index = try HNSWIndex(dimensions: 20, metric: .l2, configuration: HNSWConfiguration(m: 8, efConstruction: 40, efSearch: 16))
        try index.add(contentsOf: Array(Self.data.flat.prefix(20 * 2_000)))
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try index.write(to: path)
        var reopened = try HNSWIndex(contentsOf: path)
        let added = try reopened.add(contentsOf: Array(Self.data.flat.dropFirst(20 * 2_000)))
        #expect(added == 2_000..<3_000)
        #expect(!reopened.isMapped)
        let newcomer = Self.data.vector(2_500)
        #expect(try reopened.search(newcomer, k: 1).first?.id == 2_500)
    }

    @Test func aTruncatedFileIsRejected() throws {
        var index = try HNSWIndex(dimensions: 20, metric: .l2)
        try index.add(contentsOf: Array(Self.data.flat.prefix(20 * 500)))
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try index.write(to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(throws: VectorIndexError.self) { try HNSWIndex(contentsOf: path) }
    }

    @Test func aCorruptLinkIsRejectedInsteadOfCrashingASearch() throws {
        var index = try HNSWIndex(dimensions: 20, metric: .l2, configuration: HNSWConfiguration(m: 8, efConstruction: 40))
        try index.add(contentsOf: Array(Self.data.flat.prefix(20 * 500)))
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try index.write(to: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // The first layer-0 slot of node 0: after the header, the vectors and the levels.
        let vectors = (136 + 63) & ~63
        let levels = (vectors + 500 * 24 * 4 + 63) & ~63
        let layer0 = (levels + 500 + 63) & ~63
        withUnsafeBytes(of: Int32(1_000_000).littleEndian) { bytes.replaceSubrange((layer0 + 4)..<(layer0 + 8), with: $0) }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: VectorIndexError.self) { try HNSWIndex(contentsOf: path) }
    }

    @Test func aFileOfAnotherFormatIsRejected() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 7, count: 4_096).write(to: URL(fileURLWithPath: path))
        #expect(throws: VectorIndexError.self) { try HNSWIndex(contentsOf: path) }
        #expect(throws: VectorIndexError.self) { try HNSWIndex(contentsOf: path + ".missing") }
    }

    @Test func anEmptyIndexRoundTrips() throws {
        let index = try HNSWIndex(dimensions: 5, metric: .innerProduct)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try index.write(to: path)
        var reopened = try HNSWIndex(contentsOf: path)
        #expect(reopened.isEmpty)
        #expect(try reopened.search([1, 2, 3, 4, 5], k: 3).isEmpty)
    }
}
