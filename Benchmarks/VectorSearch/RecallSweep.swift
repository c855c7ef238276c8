import Dispatch
import Foundation
import Synchronization
import VectorIndex

/// Ground truth, recall counted the ann-benchmarks way, and the efSearch sweep.
enum RecallSweep {
    /// One point of the sweep.
    struct Point: Codable {
        var ef: Int
        var qps: Double
        var recall: Double
    }

    /// The exact top `k` of every query (with `filter`), computed on all cores.
    static func groundTruth(_ index: HNSWIndex, queries: [[Float]], k: Int, filter: IDFilter? = nil) throws -> [[Neighbour]] {
        let results = Mutex([[Neighbour]](repeating: [], count: queries.count))
        let failure = Mutex<(any Error)?>(nil)
        let workers = ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for query in Swift.stride(from: worker, to: queries.count, by: workers) {
                do {
                    let truth = try index.exactSearch(queries[query], k: k, filter: filter)
                    results.withLock { $0[query] = truth }
                } catch {
                    failure.withLock { $0 = error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0 }
    }

    /// The ann-benchmarks recall: a result counts when its distance is at most the k-th true
    /// distance plus 1e-3 (Euclidean distance for l2, `1 - cos` for angular, `-dot` for ip), so ties
    /// by distance count whatever their ids.
    static func recall(_ found: [[Neighbour]], truth: [[Neighbour]], metric: DistanceMetric) -> Double {
        func scale(_ distance: Float) -> Double { metric == .l2 ? Double(max(distance, 0)).squareRoot() : Double(distance) }
        var total = 0.0
        for (hits, exact) in zip(found, truth) {
            guard let last = exact.last else {
                total += 1
                continue
            }
            let threshold = scale(last.distance) + 1e-3
            total += Double(min(hits.filter { scale($0.distance) <= threshold }.count, exact.count)) / Double(exact.count)
        }
        return total / Double(max(found.count, 1))
    }

    /// Runs every query once per pass, one query per call on one thread; returns the results and
    /// the best q/s of `passes`.
    static func measure(
        _ index: HNSWIndex, queries: [[Float]], k: Int, ef: Int, filter: IDFilter? = nil, strategy: SearchStrategy? = nil, passes: Int = 3
    ) throws -> (results: [[Neighbour]], qps: Double) {
        var scratch = SearchScratch()
        var results: [[Neighbour]] = []
        var best = 0.0
        for _ in 0..<passes {
            results.removeAll(keepingCapacity: true)
            let start = ContinuousClock.now
            for query in queries { results.append(try index.search(query, k: k, efSearch: ef, filter: filter, strategy: strategy, scratch: &scratch)) }
            best = max(best, Double(queries.count) / seconds(start.duration(to: .now)))
        }
        return (results, best)
    }

    /// The highest q/s among the points reaching `target` recall, if any.
    static func qps(at target: Double, in points: [Point]) -> Point? {
        points.filter { $0.recall >= target }.max { $0.qps < $1.qps }
    }
}
