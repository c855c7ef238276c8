import VectorIndex

/// Reproducible test data: Gaussian clusters (like real embeddings, which have structure) from a
/// seeded generator, and recall against an exact scan.
struct TestVectors {
    let dimensions: Int
    /// Row-major vectors.
    var flat: [Float]
    var queries: [[Float]]

    var count: Int { flat.count / dimensions }

    init(count: Int, queries queryCount: Int, dimensions: Int, clusters: Int = 32, seed: UInt64) {
        self.dimensions = dimensions
        var random = Generator(state: seed)
        let centres = (0..<clusters).map { _ in (0..<dimensions).map { _ in random.gaussian() } }
        func point() -> [Float] {
            let centre = centres[Int(random.next() % UInt64(clusters))]
            return centre.map { $0 + 0.6 * random.gaussian() }
        }
        flat = (0..<count).flatMap { _ in point() }
        queries = (0..<queryCount).map { _ in point() }
    }

    func vector(_ id: Int) -> [Float] { Array(flat[(id * dimensions)..<((id + 1) * dimensions)]) }

    /// Mean recall@k of `search` against the index's exact scan, counting ties by distance
    /// (a result counts when it is no farther than the k-th true neighbour, plus 1e-5).
    static func recall(
        of index: inout HNSWIndex, queries: [[Float]], k: Int, filter: IDFilter? = nil,
        search: (inout HNSWIndex, [Float]) throws -> [Neighbour]
    ) throws -> Double {
        var total = 0.0
        for query in queries {
            let truth = try index.exactSearch(query, k: k, filter: filter)
            guard let last = truth.last else { continue }
            let found = try search(&index, query)
            let hits = found.filter { $0.distance <= last.distance + 1e-5 }.count
            total += Double(min(hits, truth.count)) / Double(truth.count)
        }
        return total / Double(queries.count)
    }
}

/// SplitMix64 with a Box-Muller Gaussian.
struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func gaussian() -> Float {
        let u = max(uniform(), 1e-12), v = uniform()
        return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
    }
}

import Foundation
