import Foundation
import Testing
import RAGRuntimeTesting
@testable import Retrieval

/// A durable store records the embedder that built it, refuses another, and `reindex` re-embeds it.
@Suite struct StoreIdentityTests {
    typealias F = RetrievalFixtures

    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "identity-\(UUID().uuidString)", directoryHint: .isDirectory)
    }

    static let hashing = EmbedderIdentity(kind: "hashing", model: "feature-hashing-v1", dimensions: 384)
    static let local = EmbedderIdentity(kind: "local", model: "sentence-transformers/all-MiniLM-L6-v2", dimensions: 384)

    @Test func aNewStoreRecordsItsEmbedderAtOnceAndRefusesAnother() async throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, _) = try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 384, embedder: Self.hashing))
        let embedder = try HashingEmbedder()
        let vectors = try await embedder.embed(["Engine temperature critical"], purpose: .document)
        try await store.upsert([IndexedDocument(record: F.record("e1"), vector: vectors[0])])
        // No checkpoint was taken: the write is only in the log, yet the store knows its embedder.
        #expect(throws: RetrievalError.embedderMismatch(path: directory.path, stored: Self.hashing, requested: Self.local)) {
            try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 384, embedder: Self.local))
        }
        let (again, replay) = try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 384, embedder: Self.hashing))
        #expect(replay.entries == 1)
        #expect(try await again.count() == 1)
    }

    @Test func aStoreThatRecordedNoEmbedderIsRefusedWhenOneIsAskedFor() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 8))
        try store.upsertNow([IndexedDocument(record: F.record("e1"), vector: F.axis(0))])
        try store.save(to: directory)
        let requested = EmbedderIdentity(kind: "hashing", model: "feature-hashing-v1", dimensions: 8)
        #expect(throws: RetrievalError.embedderMismatch(path: directory.path, stored: nil, requested: requested)) {
            try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 8, embedder: requested))
        }
        // Without an identity (tools, tests) it still opens.
        #expect(throws: Never.self) { try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 8)) }
    }

    @Test func reindexReEmbedsEveryRecordAndTheStoreOpensForTheNewEmbedder() async throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = try HashingEmbedder(dimensions: 64)
        let (store, _) = try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 64, embedder: old.identity))
        let records = (0..<40).map { F.record("e\($0)", message: $0 % 2 == 0 ? "Tire pressure low" : "GPS signal lost") }
        let vectors = try await old.embed(records.map(\.embeddingText), purpose: .document)
        try await store.upsert(zip(records, vectors).map { IndexedDocument(record: $0, vector: $1) })
        try store.save(to: directory)
        try await store.delete(ids: ["e0"])  // after the checkpoint: only in the log

        let new = try HashingEmbedder(dimensions: 32)
        let progress = Progress()
        let summary = try await EmbeddedVectorStore.reindex(in: directory, with: new, batchSize: 16) { done, total in progress.add(done, total) }
        #expect(summary == .init(previous: old.identity, current: new.identity, records: 39))
        #expect(progress.calls == [16, 32, 39])

        #expect(throws: RetrievalError.self) {
            try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 64, embedder: old.identity))
        }
        let (reopened, replay) = try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 32, embedder: new.identity))
        #expect(replay.entries == 0)
        #expect(try await reopened.count() == 39)
        #expect(Set(reopened.storedEventIDs) == Set((1..<40).map { "e\($0)" }))
        let query = try await new.embed(["GPS signal lost"], purpose: .query)[0]
        let hits = try await reopened.search(vector: query, k: 3, filter: .none)
        #expect(hits.allSatisfy { $0.record.message == "GPS signal lost" })
    }

    @Test func reindexOfAFolderWithoutAStoreIsAClearError() async throws {
        let directory = Self.directory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: RetrievalError.loadFailed(path: directory.path, reason: "no embedded store here (no manifest.json, no write-ahead log)")) {
            try await EmbeddedVectorStore.reindex(in: directory, with: try HashingEmbedder())
        }
    }

    final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Int] = []
        func add(_ done: Int, _ total: Int) { lock.withLock { seen.append(done) } }
        var calls: [Int] { lock.withLock { seen } }
    }
}
