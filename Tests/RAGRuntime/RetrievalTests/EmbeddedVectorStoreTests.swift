import Foundation
import Testing
import RAGRuntimeTesting
@testable import QueryUnderstanding
@testable import Retrieval

/// Behaviour of the embedded store beyond the shared contract: search plans and persistence.
@Suite struct EmbeddedVectorStoreTests {
    typealias F = RetrievalFixtures

    /// 2,000 documents over 2,000 minutes, on random 16-dimensional vectors, vehicle `VH-<i % 50>`.
    private func populatedStore(_ configuration: EmbeddedVectorStore.Configuration) throws -> EmbeddedVectorStore {
        let store = try EmbeddedVectorStore(configuration: configuration)
        let vectors = F.randomUnitVectors(count: 2_000, dimensions: 16, seed: 3)
        try store.upsertNow(vectors.enumerated().map { index, vector in
            IndexedDocument(
                record: F.record("e\(index)", at: F.noon.addingTimeInterval(Double(index) * 60), vehicle: "VH-\(index % 50)",
                                 readings: .init(engineTemp: Double(80 + index % 50))),
                vector: vector
            )
        })
        return store
    }

    /// A small beam (ef 10, m 4) makes the walk the index's cheaper plan for 2,000 rows of 16
    /// floats; the threshold of 100 forces the 60-document window to an exact scan.
    @Test func selectiveFiltersAreScannedExactlyAndBroadOnesUseTheGraph() throws {
        let store = try populatedStore(.init(
            dimensions: 16, hnsw: HNSWParameters(m: 4, efConstruction: 32, efSearch: 10), exactSearchThreshold: 100, exactSearchFraction: 0
        ))
        let query = F.randomUnitVectors(count: 1, dimensions: 16, seed: 9)[0]
        let narrow = SearchFilter(timeRange: TimeRange(gte: F.noon, lte: F.noon.addingTimeInterval(59 * 60)))
        #expect(try store.searchNow(vector: query, k: 5, filter: narrow).plan == .exact(candidates: 60))
        let broad = SearchFilter(fields: [FieldFilter(field: TelemetryField.engineTemp, op: .gte, value: .number(90))])
        let result = try store.searchNow(vector: query, k: 5, filter: broad)
        #expect(result.plan == .graph(candidates: 1_600))
        #expect(result.hits.count == 5)
        #expect(result.hits.allSatisfy { ($0.record.sensorReadings.engineTemp ?? 0) >= 90 })
        #expect(try store.searchNow(vector: query, k: 5, filter: .none).plan == .graph(candidates: 2_000))
    }

    @Test func aReloadedStoreGivesIdenticalResults() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = EmbeddedVectorStore.Configuration(dimensions: 16, exactSearchThreshold: 0, exactSearchFraction: 0)
        let store = try populatedStore(configuration)
        try await store.delete(ids: ["e5", "e6"])
        try store.save(to: directory)
        try store.save(to: directory)
        let loaded = try EmbeddedVectorStore.load(from: directory)

        #expect(loaded.configuration == configuration)
        #expect(try await loaded.stats() == (try await store.stats()))
        let filters = [
            SearchFilter.none,
            SearchFilter(timeRange: TimeRange(gte: F.noon.addingTimeInterval(3_600), lte: F.noon.addingTimeInterval(36_000))),
            SearchFilter(fields: [FieldFilter(field: TelemetryField.vehicleID, op: .eq, value: .string("VH-7"))]),
        ]
        for (index, query) in F.randomUnitVectors(count: 10, dimensions: 16, seed: 11).enumerated() {
            let filter = filters[index % filters.count]
            #expect(try await loaded.search(vector: query, k: 10, filter: filter) == (try await store.search(vector: query, k: 10, filter: filter)))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files.count == 3, "one generation after saving twice: \(files)")
        #expect(files.allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func aReloadedStoreKeepsAcceptingDocuments() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 8))
        try await store.upsert([IndexedDocument(record: F.record("e1"), vector: F.axis(0))])
        try store.save(to: directory)
        let loaded = try EmbeddedVectorStore.load(from: directory)
        try await loaded.upsert([IndexedDocument(record: F.record("e1", message: "replaced"), vector: F.axis(1)),
                                 IndexedDocument(record: F.record("e2"), vector: F.axis(2))])
        #expect(try await loaded.count() == 2)
        #expect(try await loaded.search(vector: F.axis(1), k: 1, filter: .none).map(\.record.message) == ["replaced"])
    }

    @Test func loadingADamagedDirectoryFailsWithTheFileAndReason() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(!EmbeddedVectorStore.hasSavedStore(in: directory))
        #expect(throws: RetrievalError.self) { try EmbeddedVectorStore.load(from: directory) }

        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 8))
        try store.upsertNow([IndexedDocument(record: F.record("e1"), vector: F.axis(0))])
        try store.save(to: directory)
        #expect(EmbeddedVectorStore.hasSavedStore(in: directory))
        let binary = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".hnsw") })
        let url = directory.appendingPathComponent(binary)
        var bytes = try Data(contentsOf: url)
        bytes.removeLast(4)
        try bytes.write(to: url)
        #expect {
            try EmbeddedVectorStore.load(from: directory)
        } throws: { error in
            guard case RetrievalError.loadFailed(let path, let reason) = error else { return false }
            return path == url.path && reason.contains("truncated")
        }
    }

    @Test func aGraphWithOutOfRangeLinksIsRejectedOnLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 8))
        try store.upsertNow((0..<3).map { IndexedDocument(record: F.record("e\($0)"), vector: F.vector(angle: Double($0))) })
        try store.save(to: directory)
        _ = try EmbeddedVectorStore.load(from: directory)
        let binary = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".hnsw") })
        let url = directory.appendingPathComponent(binary)
        var bytes = try Data(contentsOf: url)
        // VectorIndex's file: a 136-byte header, then 64-byte-aligned sections: 3 rows of 8 floats
        // (192..<288), 3 levels (320..<323), then the layer-0 lists from 384: degree, 2m ids each.
        let firstList = 384
        bytes.replaceSubrange(firstList..<(firstList + 4), with: [1, 0, 0, 0])
        bytes.replaceSubrange((firstList + 4)..<(firstList + 8), with: [99, 0, 0, 0])
        try bytes.write(to: url)
        #expect(throws: RetrievalError.loadFailed(path: url.path, reason: "layer-0 list of node 0 out of range")) {
            try EmbeddedVectorStore.load(from: directory)
        }
    }

    /// A store saved before the store ran on `VectorIndex` (manifest version 1, vectors and its own
    /// graph in `store-<id>.bin`) opens with its index rebuilt, and its next save is version 2.
    @Test func aVersionOneStoreOpensAndIsRewrittenAsVersionTwo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let vectors = (0..<3).map { F.vector(angle: Double($0)) }
        let records = (0..<3).map { F.record("e\($0)") }
        // The version-1 binary: header, vectors, one level byte per node, and each node's (empty)
        // layer-0 list of 2m + 1 Int32s.
        let m = 16
        var binary = StoreFile.encode(StoreFile.Header(
            dimensions: 8, m: m, count: 3, linkCount: 3 * (2 * m + 1), entryPoint: 0, maxLevel: 0, randomState: 1
        ))
        for vector in vectors { vector.withUnsafeBytes { binary.append(contentsOf: $0) } }
        binary.append(contentsOf: [UInt8](repeating: 0, count: 3 + 3 * (2 * m + 1) * 4))
        try binary.write(to: directory.appendingPathComponent("store-old.bin"))
        try JSONEncoder().encode(records).write(to: directory.appendingPathComponent("store-old.documents.json"))
        let manifest = EmbeddedVectorStore.Manifest(
            format: EmbeddedVectorStore.Manifest.format, version: 1, configuration: .init(dimensions: 8),
            vectorsFile: "store-old.bin", documentsFile: "store-old.documents.json", documents: 3, walSegment: nil
        )
        try JSONEncoder().encode(manifest).write(to: directory.appendingPathComponent(EmbeddedVectorStore.manifestName))

        let store = try EmbeddedVectorStore.load(from: directory)
        #expect(try store.searchNow(vector: vectors[2], k: 1, filter: .none).hits.map(\.id) == ["e2"])
        try store.save(to: directory)
        let rewritten = try JSONDecoder().decode(
            EmbeddedVectorStore.Manifest.self, from: Data(contentsOf: directory.appendingPathComponent(EmbeddedVectorStore.manifestName))
        )
        #expect(rewritten.version == 2)
        #expect(rewritten.vectorsFile.hasSuffix(".hnsw"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("store-old.bin").path))
        #expect(try EmbeddedVectorStore.load(from: directory).searchNow(vector: vectors[1], k: 1, filter: .none).hits.map(\.id) == ["e1"])
    }

    /// A manifest whose configuration is out of range (here m 200, which the first store format
    /// allowed and `VectorIndex` does not) is refused with a load error, not a trap.
    @Test func aManifestWithAnOutOfRangeConfigurationIsALoadError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 8))
        try store.upsertNow([IndexedDocument(record: F.record("e1"), vector: F.axis(0))])
        try store.save(to: directory)
        let url = directory.appendingPathComponent(EmbeddedVectorStore.manifestName)
        var manifest = try JSONDecoder().decode(EmbeddedVectorStore.Manifest.self, from: Data(contentsOf: url))
        manifest.configuration.hnsw.m = 200
        try JSONEncoder().encode(manifest).write(to: url)
        #expect {
            try EmbeddedVectorStore.load(from: directory)
        } throws: { error in
            guard case RetrievalError.loadFailed(let path, let reason) = error else { return false }
            return path == url.path && reason.contains("2...128")
        }
    }

    @Test func churnCompactsTheIndexWithoutLosingLiveDocuments() throws {
        var index = EmbeddedIndex(configuration: .init(dimensions: 8))
        for round in 0..<3 {
            try index.upsert((0..<800).map { IndexedDocument(record: F.record("e\($0)"), vector: F.vector(angle: Double($0 + round) * 0.001)) })
        }
        #expect(index.liveCount == 800)
        #expect(index.tombstoneCount <= 1_600)
        #expect(index.records.count == index.liveCount + index.tombstoneCount)
        let hits = try index.search(vector: F.axis(0), k: 800, filter: .none).hits
        #expect(Set(hits.map(\.id)).count == 800)
    }
}
