import Foundation

/// How a search is answered, chosen per query by ``HNSWIndex/strategy(for:k:efSearch:)``.
public enum SearchStrategy: Sendable, Equatable {
    /// An exact scan of the allowed vectors (all of them without a filter): recall 1.0.
    case exact
    /// The HNSW walk without a filter.
    case graph
    /// The walk with a broad filter: every node is a stepping stone, only allowed nodes are results.
    case filteredGraph
    /// The walk with a narrow filter: distances for allowed nodes only, reaching past rejected
    /// neighbours to their neighbours (ACORN-style two-hop expansion).
    case twoHopGraph
}

/// The cost model behind ``SearchStrategy``, in units of about 23 ns (this machine's cost of one
/// 50-d row of an exact scan).
///
/// ## Model (calibrated with `vector-search-benchmark --filter-strategy exact|filtered|two-hop`
/// on GloVe-50 200k and on 1M x 384, M 16, ef 100; checked on 1024-d 50k)
/// - An exact scan of `f` allowed vectors costs `f · row`, `row = min(max(0.5, bytes / 116 - 1), 12.6)`
///   for rows of `bytes`: the scan prefetches its rows 32 ahead, so it is bound by memory
///   bandwidth (measured 21 ns a row for 50-d rows at 1-15% of 200k, 280 ns for 384-d rows at
///   1-20% of 1M). Past about 1.5 KB a row costs no more: inside a row the hardware prefetcher
///   streams (290 ns for 4 KB 1024-d rows at 10% of 50k).
/// - A walk's row is the row it reads: with int8 quantisation the code row (a quarter of the
///   bytes), which is what makes walks the cheaper plan for broad filters on long rows. A scan of
///   a quantised dot-product index reads code rows too (measured 7-10 ns a 64-byte GloVe code
///   row at 5-50%, 49-74 ns a 1 KB 1024-d code row at 5-10%; the re-rank of the few candidates
///   within the error margin is noise).
/// - But when rows of several cache lines lie closer than about 1.3 KB apart on average, the
///   hardware prefetcher streams on past each row and the scan costs as much as reading every
///   row: GloVe-50 at 15% (1.5 KB apart) took 0.75 ms, at 20% (1.1 KB apart) 3.4 ms, the time of
///   a full scan. Rows of one line (64-byte codes) start no stream: 40,000 of 200,000 code rows
///   (20%) took 0.3-0.4 ms, a third of a full scan's time.
/// - An unfiltered walk costs `ef · 2m · max(3, 1 + row / 2)` (220 µs at ef 100 on GloVe-50,
///   850 µs at ef 128 on 1M x 384: rows come out of order, one cache miss each).
/// - A stepping-stone walk with selectivity `s` costs `walk / s^0.85` (it needs more steps to
///   collect `ef` allowed results; measured 10 ms at s = 0.01 and 0.47 ms at 0.5 on GloVe).
/// - A two-hop walk costs about `5 · walk`, but its recall falls with the filter: 0.81-0.83 at
///   1 %, 0.87-0.92 at 2 %, 0.92-0.97 at 5 %, 0.955-0.98 at 10 % (GloVe and 1M). So it is only
///   a candidate from 10 % up, where it keeps recall ≥ 0.95.
/// - The cheapest candidate wins. On GloVe-50 200k: exact scans to about 17 %, stepping stones
///   above. On 1M x 384: exact to about 3 %, stepping stones from there, two-hop around 10 %.
enum SearchCostModel {
    /// The lowest selectivity the two-hop walk is considered at (its recall below, measured).
    static let twoHopFloor = 0.1
    /// The mean distance in bytes between allowed rows below which a scan reads them all.
    static let streamingGap = 1_300.0

    /// The most a row costs, however long (see the model).
    static let longRowCost = 12.6

    /// The cost of reading and scoring one row of `bytes`.
    static func rowCost(bytes: Int) -> Double {
        min(max(0.5, Double(bytes) / 116 - 1), longRowCost)
    }

    /// - Parameters:
    ///   - stride: Floats per stored row.
    ///   - walkRowBytes: Bytes per row the walk reads: `stride · 4`, or the code stride when quantised.
    ///   - scanRowBytes: Bytes per row a scan reads: `stride · 4`, or the code stride for a
    ///     quantised dot-product index.
    static func strategy(
        count: Int, allowed: Int?, k: Int, ef: Int, m: Int, stride: Int, walkRowBytes: Int? = nil, scanRowBytes: Int? = nil
    ) -> SearchStrategy {
        let scanBytes = scanRowBytes ?? stride * 4
        let row = rowCost(bytes: scanBytes)
        let walkRow = rowCost(bytes: walkRowBytes ?? stride * 4)
        let walk = Double(ef) * Double(2 * m) * max(3, 1 + walkRow / 2)
        guard let allowed else { return row * Double(count) <= walk ? .exact : .graph }
        guard allowed > k, count > 0 else { return .exact }
        let selectivity = Double(allowed) / Double(count)
        let streams = scanBytes > 64 && Double(scanBytes) / selectivity < streamingGap
        let rowsRead = streams ? Double(count) : Double(allowed)
        let exactCost = row * rowsRead
        let steppingCost = walk / pow(selectivity, 0.85)
        let twoHopCost = selectivity >= twoHopFloor ? walk * 5 : .infinity
        if exactCost <= min(steppingCost, twoHopCost) { return .exact }
        return steppingCost <= twoHopCost ? .filteredGraph : .twoHopGraph
    }
}
