import Testing
import VectorIndex

/// The SIMD kernels agree with a plain loop at every padded length, through the public search.
@Suite struct SIMDKernelTests {
    @Test(arguments: [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 50, 64, 100, 384, 1_024])
    func exactDistancesMatchAPlainLoop(dimensions: Int) throws {
        var random = Generator(state: UInt64(dimensions))
        let a = (0..<dimensions).map { _ in random.gaussian() }
        let b = (0..<dimensions).map { _ in random.gaussian() }
        var l2 = try HNSWIndex(dimensions: dimensions, metric: .l2)
        var ip = try HNSWIndex(dimensions: dimensions, metric: .innerProduct)
        try l2.add(b)
        try ip.add(b)
        let expectedL2 = zip(a, b).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let expectedDot = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let tolerance = 1e-4 * Float(dimensions)
        #expect(abs(try l2.distance(from: a, to: 0) - expectedL2) < tolerance)
        #expect(abs(try ip.distance(from: a, to: 0) + expectedDot) < tolerance)
        #expect(abs(try l2.search(a, k: 1)[0].distance - expectedL2) < tolerance)
    }
}
