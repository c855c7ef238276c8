import Foundation
import Testing
import RAGRuntimeTesting
@testable import Retrieval

@Suite struct LexicalIndexTests {
    typealias F = RetrievalFixtures

    @Test func codesAndIdsAreWholeTermsAndTheirParts() {
        #expect(LexicalIndex.terms(of: "CRITICAL ENG-001 on VH-0042: P0217, engine-monitor.")
            == ["critical", "eng-001", "eng", "001", "vh-0042", "vh", "0042", "p0217", "engine-monitor", "engine", "monitor"])
        #expect(LexicalIndex.terms(of: "the -- a") == [])
        #expect(LexicalIndex.terms(of: "Température élevée") == ["température", "élevée"])
    }

    @Test func bm25PrefersTheRareExactTermAndHonoursTheFilter() {
        var index = LexicalIndex()
        for slot in 0..<50 { index.insert(F.record("r\(slot)", message: "Engine temperature high"), at: Int32(slot)) }
        index.insert(F.record("rare", code: "ENG-004", message: "Cylinder misfire P0300"), at: 50)
        index.insert(F.record("rare-filtered", code: "ENG-004", message: "Cylinder misfire P0300"), at: 51)
        let ranked = index.score("misfire engine", accept: { $0 != 51 }, limit: 3)
        #expect(ranked.first?.slot == 50)
        #expect(!ranked.contains { $0.slot == 51 })
        #expect(ranked.count == 3)
    }

    @Test func removedSlotsNoLongerScoreAndReusedSlotsScoreTheirNewText() {
        var index = LexicalIndex()
        index.insert(F.record("a", message: "GPS signal lost"), at: 0)
        index.insert(F.record("b", message: "Tire pressure low"), at: 1)
        index.remove(0)
        #expect(index.score("gps", accept: { _ in true }, limit: 5).isEmpty)
        #expect(index.documentCount == 1)
        index.remove(1, reuse: true)
        index.insert(F.record("b", message: "GPS signal lost"), at: 1)
        #expect(index.score("gps", accept: { _ in true }, limit: 5).map(\.slot) == [1])
        #expect(index.score("tire", accept: { _ in true }, limit: 5).isEmpty)
    }

    @Test func aReloadedStoreSearchesItsWordsAgain() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "lexical-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 8))
        try store.upsertNow([
            IndexedDocument(record: F.record("near", message: "Engine temperature high"), vector: F.axis(0)),
            IndexedDocument(record: F.record("far", code: "COM-001", message: "Lost communication U0100"), vector: F.axis(3)),
        ])
        try store.save(to: directory)
        let loaded = try EmbeddedVectorStore.load(from: directory)
        // Vectors alone rank "near" first; with the reloaded words, "far" is first in BM25 and second
        // by vector, so reciprocal rank fusion puts it ahead (1/61 + 1/62 > 1/61).
        #expect(try await loaded.search(vector: F.axis(0), k: 1, filter: .none).map(\.id) == ["near"])
        #expect(try await loaded.hybridSearch(vector: F.axis(0), text: "U0100", k: 1, filter: .none).map(\.id) == ["far"])
    }
}
