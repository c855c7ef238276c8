/// Precision, recall and nDCG at a cut-off, with binary relevance.
///
/// - precision@k: relevant results in the top k over `min(k, relevant)`, so a question with fewer
///   than k relevant records can still score 1 (the top k cannot hold more);
/// - recall@k: relevant results in the top k over all relevant records;
/// - nDCG@k: DCG (gain 1 / log2(rank + 1)) over the DCG of an ideal ranking.
public struct RankingMetrics: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var ndcg: Double

    public init(precision: Double, recall: Double, ndcg: Double) {
        self.precision = precision
        self.recall = recall
        self.ndcg = ndcg
    }

    /// The metrics of `ranking` (ids, best first) against the `relevant` ids, at `k`. A question
    /// with no relevant record scores 1 when nothing is returned, else 0.
    public init(ranking: [String], relevant: Set<String>, k: Int = 10) {
        let top = Array(ranking.prefix(k))
        guard !relevant.isEmpty else {
            let score: Double = top.isEmpty ? 1 : 0
            self.init(precision: score, recall: score, ndcg: score)
            return
        }
        let hits = top.filter(relevant.contains).count
        let ideal = min(k, relevant.count)
        var dcg = 0.0, idealDCG = 0.0
        for (rank, id) in top.enumerated() where relevant.contains(id) { dcg += 1 / log2(Double(rank + 2)) }
        for rank in 0..<ideal { idealDCG += 1 / log2(Double(rank + 2)) }
        self.init(precision: Double(hits) / Double(ideal), recall: Double(hits) / Double(relevant.count), ndcg: dcg / idealDCG)
    }

    /// The mean of several questions' metrics.
    public static func mean(_ all: [RankingMetrics]) -> RankingMetrics {
        guard !all.isEmpty else { return RankingMetrics(precision: 0, recall: 0, ndcg: 0) }
        let n = Double(all.count)
        return RankingMetrics(
            precision: all.map(\.precision).reduce(0, +) / n, recall: all.map(\.recall).reduce(0, +) / n, ndcg: all.map(\.ndcg).reduce(0, +) / n)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
