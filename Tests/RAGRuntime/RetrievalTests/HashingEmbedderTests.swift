import Foundation
import Testing
import RAGRuntimeTesting
@testable import Retrieval

@Suite struct HashingEmbedderTests {
    private func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test func fnv1aMatchesThePublishedTestVectors() {
        #expect(FNV1a.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func vectorsAreUnitLengthWithTheConfiguredDimensions() async throws {
        let embedder = try HashingEmbedder(dimensions: 128)
        let vectors = try await embedder.embed(["Engine temperature critical on VH-0042", "battery low"], purpose: .document)
        #expect(vectors.count == 2)
        for vector in vectors {
            #expect(vector.count == 128)
            #expect(abs(cosine(vector, vector) - 1) < 1e-5)
        }
    }

    @Test func theSameTextAlwaysGivesTheSameVector() async throws {
        let embedder = try HashingEmbedder()
        let first = try await embedder.embed(["Oil pressure low, DTC P0521"], purpose: .query)
        let second = try await HashingEmbedder().embed(["Oil pressure low, DTC P0521"], purpose: .document)
        #expect(first == second)
        // A stable hash, not the per-process seeded Hasher: the features land in fixed dimensions.
        let nonZero = first[0].indices.filter { first[0][$0] != 0 }
        #expect(nonZero.count > 10)
        #expect(first[0] == (try await HashingEmbedder().embed(["oil pressure low, dtc p0521"], purpose: .query))[0])
    }

    @Test func similarTextsScoreHigherThanUnrelatedOnes() async throws {
        let embedder = try HashingEmbedder()
        let texts = [
            "engine overheating on VH-0042",
            "CRITICAL ENG-001 from engine-monitor on vehicle VH-0042 (MOVING): Engine temperature critical. Readings: engine temperature 118 °C.",
            "INFO from navigation on vehicle VH-0107 (PARKED): Route recalculated. Readings: speed 0 km/h.",
            "WARN BAT-002 from battery-management on vehicle VH-0311 (CHARGING): Battery voltage low. Readings: battery voltage 11.2 V.",
        ]
        let vectors = try await embedder.embed(texts, purpose: .document)
        let engine = cosine(vectors[0], vectors[1])
        #expect(engine > cosine(vectors[0], vectors[2]))
        #expect(engine > cosine(vectors[0], vectors[3]))
        let battery = try await embedder.embed(["low battery voltage"], purpose: .query)[0]
        #expect(cosine(battery, vectors[3]) > cosine(battery, vectors[1]))
        #expect(cosine(battery, vectors[3]) > cosine(battery, vectors[2]))
    }

    @Test func textsWithNothingToEmbedAreRejected() async throws {
        let embedder = try HashingEmbedder()
        await #expect(throws: RetrievalError.emptyEmbeddingText(index: 1)) {
            try await embedder.embed(["fine", " ... ", "also fine"], purpose: .document)
        }
        #expect(throws: RetrievalError.self) { try HashingEmbedder(dimensions: 4) }
    }

    @Test func compoundTokensAlsoYieldTheirParts() {
        let tokens = HashingEmbedder.tokens(of: "The engine-monitor reported BAT_LOW.").map { String(decoding: $0, as: UTF8.self) }
        #expect(tokens == ["engine-monitor", "engine", "monitor", "reported", "bat_low", "bat", "low"])
    }

    @Test(arguments: [1, 3, 8, 15, 16, 17, 31, 32, 33, 100, 384])
    func theSIMDAndScalarKernelsAgree(count: Int) {
        let vectors = RetrievalFixtures.randomUnitVectors(count: 2, dimensions: count, seed: UInt64(count))
        vectors[0].withUnsafeBufferPointer { a in
            vectors[1].withUnsafeBufferPointer { b in
                let simd = DotProduct.simd(a.baseAddress!, b.baseAddress!, count: count)
                let scalar = DotProduct.scalar(a.baseAddress!, b.baseAddress!, count: count)
                #expect(abs(simd - scalar) < 1e-5)
            }
        }
    }
}
