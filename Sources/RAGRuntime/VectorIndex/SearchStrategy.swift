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

/// The cost model behind ``SearchStrategy``, in units of one allowed row of an exact scan (a
/// `Float` distance on a row read in order, plus the bitset walk and the heap).
///
/// ## Model (calibrated on GloVe-50, 200k vectors, M 16, ef 100)
/// - An exact scan of `f` allowed vectors costs `f · (2 + stride / 80)`, `stride` being the
///   padded floats per row: a sparse filter over rows that do not fit the cache reads each row
///   from memory, and the hardware prefetcher restarts at every row (measured 160 ns a row for
///   50-d GloVe at 10% of 200k rows, 900 ns for 1024-d rows at 5-10% of 50k, against 0.7 ms
///   for a whole 1024-d walk at ef 100).
/// - An unfiltered walk costs about `ef · 2m · 3` units (380 µs = 9,000 rows at ef 100): its rows
///   are read out of order and it pays for heaps and visited marks.
/// - A stepping-stone walk with a filter of selectivity `s` needs about `1/s` times as many steps
///   to collect `ef` allowed results: `walk / s` (measured 780 µs at s = 0.5).
/// - A two-hop walk computes distances for allowed nodes only but reads up to `(2m)²` marks and
///   bits per expansion: about `5 · walk` whatever `s` (measured 1.9 ms at s = 0.1 and 2.3 ms at
///   0.2). It wins only on large indexes with narrow filters, where both the scan (`f`) and the
///   stepping stones (`walk / s`) cost more.
/// - The cheapest wins; so on 200k vectors the exact scan answers filters below about 8%, the
///   two-hop walk those from 8% to 20%, the stepping-stone walk broader ones.
enum SearchCostModel {
    static func strategy(count: Int, allowed: Int?, k: Int, ef: Int, m: Int, stride: Int) -> SearchStrategy {
        let walk = Double(ef) * Double(2 * m) * 3
        let row = 2 + Double(stride) / 80
        guard let allowed else { return row * Double(count) <= walk ? .exact : .graph }
        guard allowed > k, count > 0 else { return .exact }
        let exactCost = row * Double(allowed)
        let selectivity = Double(allowed) / Double(count)
        let steppingCost = walk / selectivity
        let twoHopCost = walk * 5
        if exactCost <= min(steppingCost, twoHopCost) { return .exact }
        return steppingCost <= twoHopCost ? .filteredGraph : .twoHopGraph
    }
}
