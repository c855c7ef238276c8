/// Synthetic embeddings shaped like a real model's: unit vectors around Gaussian cluster centres
/// with a decaying spectrum (most variance in a few hundred directions), which is how Cohere v3
/// and MiniLM embeddings look to an index. Reproducible from a seed.
struct ClusteredVectors {
    static func make(count: Int, dimensions: Int, clusters: Int = 256, seed: UInt64) -> [Float] {
        var random = SplitMixGenerator(seed: seed)
        func gaussian() -> Float {
            let u = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
            let v = Double(random.next() >> 11) / Double(1 << 53)
            return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
        }
        let spectrum = (0..<dimensions).map { Float(1 / (1 + Double($0) / 48).squareRoot()) }
        let centres = (0..<clusters).map { _ in (0..<dimensions).map { gaussian() * spectrum[$0] } }
        var flat = [Float]()
        flat.reserveCapacity(count * dimensions)
        for _ in 0..<count {
            let centre = centres[Int(random.next() % UInt64(clusters))]
            var vector = (0..<dimensions).map { centre[$0] + 0.7 * gaussian() * spectrum[$0] }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for index in vector.indices { vector[index] /= norm }
            flat.append(contentsOf: vector)
        }
        return flat
    }
}

import Foundation
