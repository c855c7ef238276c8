import Testing
@testable import VectorIndex

/// The int8 walk's integer dot product: exact against a plain loop, free of overflow at the
/// weight limit, and, through the quantiser, close to the `Float` dot product it stands for.
@Suite struct IntegerKernelTests {
    /// `count` Gaussian rows padded to a stride of 8, a Gaussian query, and the quantiser trained on the rows.
    static func gaussianRows(count: Int, dimensions: Int, seed: UInt64) -> (rows: [Float], query: [Float], quantizer: ScalarQuantizer, stride: Int) {
        var random = Generator(state: seed)
        let stride = (dimensions + 7) & ~7
        var rows = [Float](repeating: 0, count: count * stride)
        for row in 0..<count { for d in 0..<dimensions { rows[row * stride + d] = random.gaussian() } }
        let query = (0..<stride).map { $0 < dimensions ? random.gaussian() : 0 }
        let quantizer = rows.withUnsafeBufferPointer {
            ScalarQuantizer(rows: $0.baseAddress!, count: count, stride: stride, dimensions: dimensions)
        }
        return (rows, query, quantizer, stride)
    }

    @Test(arguments: [16, 32, 48, 64, 400, 1_024, 2_048, 4_096])
    func theIntegerWeightedSumIsExact(length: Int) {
        var random = Generator(state: UInt64(length))
        let limit = ScalarQuantizer.integerWeightLimit(length)
        let codes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let weights = (0..<length).map { _ in Int16(Int(random.next() % UInt64(2 * limit + 1)) - limit) }
        let expected = zip(codes, weights).reduce(Int64(0)) { $0 + Int64($1.0) * Int64($1.1) }
        let sum = weights.withUnsafeBufferPointer { w in
            codes.withUnsafeBufferPointer { c in SIMDKernels.weightedSum(w.baseAddress!, c.baseAddress!, count: length) }
        }
        // Lanes are exact integers; only their final Float sum rounds.
        #expect(abs(Double(sum) - Double(expected)) <= max(1, abs(Double(expected))) * 1e-6)
    }

    @Test(arguments: [16, 1_024, 4_096, 8_192])
    func theLargestCodesAndWeightsDoNotOverflow(length: Int) {
        let limit = ScalarQuantizer.integerWeightLimit(length)
        let codes = [UInt8](repeating: 255, count: length)
        for sign in [1, -1] {
            let weights = [Int16](repeating: Int16(sign * limit), count: length)
            let sum = weights.withUnsafeBufferPointer { w in
                codes.withUnsafeBufferPointer { c in SIMDKernels.weightedSum(w.baseAddress!, c.baseAddress!, count: length) }
            }
            let expected = Double(sign) * 255 * Double(limit) * Double(length)
            #expect(abs(Double(sum) - expected) <= abs(expected) * 1e-6, "length \(length), sign \(sign)")
        }
    }

    @Test(arguments: [50, 384, 1_024])
    func quantisedDotProductsTrackTheFloatOnes(dimensions: Int) {
        let (rows, query, quantizer, stride) = Self.gaussianRows(count: 64, dimensions: dimensions, seed: 7 &+ UInt64(dimensions))
        let count = 64
        var codes = [UInt8](repeating: 0, count: quantizer.codeStride)
        var weights = [Int16](repeating: 0, count: quantizer.codeStride)
        let (bias, scale) = query.withUnsafeBufferPointer { q in
            weights.withUnsafeMutableBufferPointer { quantizer.integerDotWeights(query: q.baseAddress!, into: $0.baseAddress!) }
        }
        for row in 0..<count {
            rows.withUnsafeBufferPointer { quantizer.encode($0.baseAddress! + row * stride, into: &codes) }
            // The dot product with the decoded row is what the walk estimates; rounding the
            // weights to 16 bits may add only a tiny error to it.
            var decodedDot: Float = 0
            var exactDot: Float = 0
            for d in 0..<dimensions {
                decodedDot += query[d] * (quantizer.low[d] + quantizer.step[d] * Float(codes[d]))
                exactDot += query[d] * rows[row * stride + d]
            }
            let estimated = bias + scale * weights.withUnsafeBufferPointer { w in
                codes.withUnsafeBufferPointer { SIMDKernels.weightedSum(w.baseAddress!, $0.baseAddress!, count: quantizer.codeStride) }
            }
            let magnitude = (0..<dimensions).reduce(Float(0)) { $0 + abs(query[$1]) * (abs(quantizer.low[$1]) + 255 * quantizer.step[$1]) }
            #expect(abs(estimated - decodedDot) <= magnitude * 1e-4, "row \(row): \(estimated) against \(decodedDot)")
            // And the decoded row is within the quantiser's half step of the real one in every dimension.
            let bound = (0..<dimensions).reduce(Float(0)) { $0 + abs(query[$1]) * quantizer.step[$1] / 2 } * 1.01 + 1e-3
            #expect(abs(decodedDot - exactDot) <= bound, "row \(row)")
        }
    }

    /// The re-rank margin: six deviations of the rounding error cover every observed error of
    /// 2,000 rows against one query, are not many times the errors seen, and sit inside the worst
    /// case (every code off by half a step in the same direction), far inside it at 384-d and up.
    @Test(arguments: [50, 384, 1_024])
    func theDotErrorMarginCoversTheRoundingError(dimensions: Int) {
        let count = 2_000
        let (rows, query, quantizer, stride) = Self.gaussianRows(count: count, dimensions: dimensions, seed: 11 &+ UInt64(dimensions))
        let margin = query.withUnsafeBufferPointer { quantizer.dotErrorMargin(query: $0.baseAddress!) }
        var codes = [UInt8](repeating: 0, count: quantizer.codeStride)
        var largest: Float = 0
        for row in 0..<count {
            rows.withUnsafeBufferPointer { quantizer.encode($0.baseAddress! + row * stride, into: &codes) }
            var error: Float = 0
            for d in 0..<dimensions { error += query[d] * (quantizer.low[d] + quantizer.step[d] * Float(codes[d]) - rows[row * stride + d]) }
            largest = max(largest, abs(error))
        }
        let worstCase = (0..<dimensions).reduce(Float(0)) { $0 + abs(query[$1]) * quantizer.step[$1] / 2 }
        // The largest of 2,000 errors is about 3.5 deviations: inside six, above one and a half.
        #expect(largest <= margin, "largest error \(largest), margin \(margin)")
        #expect(largest >= margin / 4, "largest error \(largest), margin \(margin)")
        #expect(margin < worstCase * (dimensions >= 384 ? 0.25 : 0.75), "margin \(margin), worst case \(worstCase)")
    }

    @Test func onlyCandidatesWithinTheMarginOfTheKthAreReranked() {
        let found = [1, 2, 3, 3.05, 3.2, 9].enumerated().map { Scored(score: Float($0.element), node: Int32($0.offset)) }
        #expect(HNSWIndex.rerankCandidates(found, k: 3, margin: 0.1).map(\.node) == [0, 1, 2, 3])
        #expect(HNSWIndex.rerankCandidates(found, k: 3, margin: 0).map(\.node) == [0, 1, 2])
        #expect(HNSWIndex.rerankCandidates(found, k: 3, margin: .infinity).count == 6)
        #expect(HNSWIndex.rerankCandidates(found, k: 8, margin: 0.1).count == 6)
        #expect(HNSWIndex.rerankCandidates(found, k: 1, margin: 7).map(\.node) == [0, 1, 2, 3, 4])
    }
}
