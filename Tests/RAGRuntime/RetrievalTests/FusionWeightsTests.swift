import Testing
@testable import Retrieval

/// Weighted reciprocal rank fusion, the one both stores' hybrid search calls.
@Suite struct FusionWeightsTests {
    @Test func bothRankingsAddTheirWeightOverSixtyPlusRank() {
        let fused = FusionWeights(vector: 1, lexical: 2).fuse(vector: ["a", "b"], lexical: ["b", "c"])
        #expect(fused.map(\.id) == ["b", "c", "a"])
        #expect(abs(fused[0].score - (1 / 62 + 2 / 61)) < 1e-7)
        #expect(abs(fused[1].score - 2 / 62) < 1e-7)
        #expect(abs(fused[2].score - 1 / 61) < 1e-7)
    }

    @Test func tiesGoByIdAndARepeatCountsAtItsFirstRank() {
        let fused = FusionWeights(vector: 1, lexical: 1).fuse(vector: [7, 3, 7], lexical: [3, 7])
        #expect(fused.map(\.id) == [3, 7], "3 and 7 tie at 1/61 + 1/62; the lower id first")
        #expect(fused[0].score == fused[1].score)
    }

    @Test func prosePutsTheVectorsFirstAndCodesPutBM25First() {
        #expect(FusionWeights.for("which car is overheating") == FusionWeights(vector: 1, lexical: 0.15))
        #expect(FusionWeights.for("errors with P0217") == FusionWeights(vector: 1, lexical: 2))
    }
}
