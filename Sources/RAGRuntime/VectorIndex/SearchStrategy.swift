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

/// The cost model behind ``SearchStrategy``, in units of one `Float` distance computed on a row
/// read in order.
///
/// ## Model
/// - An exact scan of `f` allowed vectors costs `f`.
/// - A graph walk computes about `ef · 2m · 0.6` distances to collect `ef` results, each on a row
///   read out of order (counted 2 units). With a filter of selectivity `s` a stepping-stone walk
///   needs about `1/s` times as many, and a two-hop walk computes distances for allowed nodes only
///   but reads `2m` extra lists per rejected neighbour (counted `1.5 / s` units per result, plus the
///   same walk).
/// - The cheapest wins. Broad filters (`s ≥ 0.3`) walk with stepping stones; narrower ones two-hop;
///   the exact scan takes over where it is cheaper, which on 200k vectors and ef 64 is below about
///   0.5% selectivity.
enum SearchCostModel {
    static func strategy(count: Int, allowed: Int?, k: Int, ef: Int, m: Int) -> SearchStrategy {
        guard let allowed else { return count <= max(k, 2 * ef) ? .exact : .graph }
        let exactCost = Double(allowed)
        guard allowed > k, count > 0 else { return .exact }
        let selectivity = Double(allowed) / Double(count)
        let walk = Double(ef) * Double(2 * m) * 0.6 * 2
        if selectivity >= 0.3 {
            return exactCost < walk / selectivity ? .exact : .filteredGraph
        }
        let twoHopCost = walk * (1 + 1.5 / selectivity / Double(2 * m))
        return exactCost < twoHopCost ? .exact : .twoHopGraph
    }
}
