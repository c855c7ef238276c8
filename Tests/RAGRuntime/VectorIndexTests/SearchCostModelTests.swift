import Testing
@testable import VectorIndex

/// The cost model's choices at the points it was calibrated on (see ``SearchCostModel``): pure
/// arithmetic, so these pin what the measurements decided.
@Suite struct SearchCostModelTests {
    static func strategy(count: Int, fraction: Double, stride: Int) -> SearchStrategy {
        SearchCostModel.strategy(count: count, allowed: Int(Double(count) * fraction), k: 10, ef: 100, m: 16, stride: stride)
    }

    /// With its rows prefetched, an exact scan of 15% of GloVe-50 200k (30,000 rows of 56 floats)
    /// is cheaper than any walk, and has recall 1.0.
    @Test(arguments: [0.001, 0.01, 0.05, 0.1, 0.15])
    func smallRowsAreScannedUpToFifteenPercent(fraction: Double) {
        #expect(Self.strategy(count: 200_000, fraction: fraction, stride: 56) == .exact)
    }

    /// At 20% of GloVe-50 the allowed rows are 1.1 KB apart: the hardware prefetcher streams all
    /// 45 MB and the scan took 3.4 ms (0.75 ms at 15%), so the walk wins.
    @Test func broadFiltersOnSmallRowsWalkWithSteppingStones() {
        #expect(Self.strategy(count: 200_000, fraction: 0.2, stride: 56) == .filteredGraph)
        #expect(Self.strategy(count: 200_000, fraction: 0.5, stride: 56) == .filteredGraph)
        #expect(Self.strategy(count: 200_000, fraction: 1, stride: 56) == .filteredGraph)
    }

    /// The two-hop walk measured recall 0.83 at 1% and 0.87 at 2% of 1M x 384: below 10% it is
    /// never chosen, however cheap it looks.
    @Test(arguments: [0.001, 0.01, 0.02, 0.05, 0.09])
    func narrowFiltersNeverTakeTheTwoHopWalk(fraction: Double) {
        #expect(Self.strategy(count: 1_000_000, fraction: fraction, stride: 384) != .twoHopGraph)
        #expect(Self.strategy(count: 200_000, fraction: fraction, stride: 56) != .twoHopGraph)
        #expect(Self.strategy(count: 50_000, fraction: fraction, stride: 1024) != .twoHopGraph)
    }

    @Test func largeRowsScanOnlyNarrowFilters() {
        #expect(Self.strategy(count: 1_000_000, fraction: 0.01, stride: 384) == .exact)
        #expect(Self.strategy(count: 1_000_000, fraction: 0.05, stride: 384) == .filteredGraph)
        #expect(Self.strategy(count: 1_000_000, fraction: 0.5, stride: 384) == .filteredGraph)
    }

    /// 1024-d, 50k, int8 codes: at 10% an exact scan (4,969 rows of 4 KB) measured 743 q/s, the
    /// stepping-stone walk 6,302 (recall 0.9985, ef 10), the two-hop walk 15,534 (0.9885); at 20%
    /// the stepping-stone walk 9,933 (0.998); at 1% the scan 26,672 and the walk 357.
    @Test func quantisedWalksTakeBroadFiltersOnLongRows() {
        let int8 = { (fraction: Double, ef: Int) in
            SearchCostModel.strategy(count: 50_000, allowed: Int(50_000 * fraction), k: 10, ef: ef, m: 16, stride: 1024, walkRowBytes: 1024)
        }
        #expect(int8(0.1, 10) == .twoHopGraph)
        #expect(int8(0.2, 16) == .filteredGraph)
        #expect(int8(0.01, 16) == .exact)
        // A row past 1.5 KB costs no more to scan than one of 1.5 KB.
        #expect(SearchCostModel.rowCost(bytes: 4096) == SearchCostModel.rowCost(bytes: 2048))
        #expect(SearchCostModel.rowCost(bytes: 1536) > SearchCostModel.rowCost(bytes: 1024))
    }

    /// A quantised dot-product index scans its code rows. GloVe-50 200k int8 (64-byte code rows,
    /// which start no hardware stream): at 10% the scan measured 5,064-6,754 q/s with recall 1.0,
    /// the stepping-stone walk 7,802 at ef 16 with recall just 0.950; at 20% the scan 2,504-3,405
    /// against the walk's 8,937 (ef 24, 0.954). 1024-d 50k int8 (1 KB code rows): at 5% the scan
    /// 5,367 against the stepping-stone walk's 3,145 (ef 10); at 10% the two-hop walk 12,337
    /// against the scan's 4,132.
    @Test func quantisedScansReadCodeRows() {
        /// An int8 index of `count` rows of `stride` floats, whose code rows are `codeBytes`.
        func int8(count: Int, stride: Int, codeBytes: Int, _ fraction: Double, _ ef: Int) -> SearchStrategy {
            SearchCostModel.strategy(
                count: count, allowed: Int(Double(count) * fraction), k: 10, ef: ef, m: 16, stride: stride,
                walkRowBytes: codeBytes, scanRowBytes: codeBytes
            )
        }
        let glove = { int8(count: 200_000, stride: 56, codeBytes: 64, $0, $1) }
        #expect(glove(0.1, 32) == .exact)
        #expect(glove(0.05, 100) == .exact)
        #expect(glove(0.2, 32) == .filteredGraph)
        // Without the codes the same 10% scan reads 224-byte rows and the walk is cheaper.
        #expect(SearchCostModel.strategy(count: 200_000, allowed: 20_000, k: 10, ef: 32, m: 16, stride: 56, walkRowBytes: 64) != .exact)
        let cohere = { int8(count: 50_000, stride: 1024, codeBytes: 1024, $0, $1) }
        #expect(cohere(0.05, 10) == .exact)
        #expect(cohere(0.1, 10) == .twoHopGraph)
        #expect(cohere(0.2, 16) == .filteredGraph)
    }

    @Test func anUnfilteredSearchScansOnlyATinyIndex() {
        #expect(SearchCostModel.strategy(count: 500, allowed: Int?.none, k: 10, ef: 100, m: 16, stride: 56) == .exact)
        #expect(SearchCostModel.strategy(count: 200_000, allowed: Int?.none, k: 10, ef: 100, m: 16, stride: 56) == .graph)
    }
}
