/// Per-dimension scalar quantisation to one byte: `x[d] ≈ low[d] + step[d] · code[d]`, code 0...255.
///
/// Trained on the first batch added (its per-dimension minimum and maximum); later vectors are
/// clamped to that range. The graph walk compares the query with the codes (asymmetric distance:
/// the query is not rounded to bytes; its dot-product weights keep 15 bits), and the final
/// candidates are re-ranked with the exact `Float` rows, so quantisation costs recall only through
/// the walk's choices.
///
/// For the dot product, `dot(q, x) ≈ sum(q·low) + sum((q·step) · code)`: a bias and one weighted
/// sum of the codes, with the weights rounded to 16-bit integers for the integer kernel. For L2,
/// `|q - x|² ≈ sum(step² · ((q - low)/step - code)²)`.
struct ScalarQuantizer: Sendable, Equatable {
    /// Per-dimension offsets, padded with zeros to ``codeStride``.
    var low: [Float]
    /// Per-dimension steps, padded with zeros to ``codeStride``.
    var step: [Float]
    let dimensions: Int

    /// The stored length of one code row: the dimensions rounded up to 16.
    var codeStride: Int { (dimensions + 15) & ~15 }

    /// Learns the range of each dimension from `rows` (`count` rows of `stride` floats).
    init(rows: UnsafePointer<Float>, count: Int, stride: Int, dimensions: Int) {
        self.dimensions = dimensions
        let padded = (dimensions + 15) & ~15
        var low = [Float](repeating: .greatestFiniteMagnitude, count: padded)
        var high = [Float](repeating: -.greatestFiniteMagnitude, count: padded)
        for row in 0..<count {
            let base = rows + row * stride
            for d in 0..<dimensions {
                low[d] = min(low[d], base[d])
                high[d] = max(high[d], base[d])
            }
        }
        var step = [Float](repeating: 0, count: padded)
        for d in 0..<padded {
            if d >= dimensions || count == 0 {
                low[d] = 0
                continue
            }
            step[d] = max(high[d] - low[d], .leastNormalMagnitude) / 255
        }
        self.low = low
        self.step = step
    }

    init(low: [Float], step: [Float], dimensions: Int) {
        self.low = low
        self.step = step
        self.dimensions = dimensions
    }

    /// Writes the codes of one row into `codes` (``codeStride`` bytes, zero padded).
    func encode(_ row: UnsafePointer<Float>, into codes: UnsafeMutablePointer<UInt8>) {
        for d in 0..<codeStride {
            guard d < dimensions, step[d] > 0 else {
                codes[d] = 0
                continue
            }
            let scaled = ((row[d] - low[d]) / step[d]).rounded()
            codes[d] = UInt8(min(max(scaled, 0), 255))
        }
    }

    /// The largest weight magnitude ``integerDotWeights(query:into:)`` uses for rows of `codeStride` bytes:
    /// a 32-bit lane of the integer kernel adds at most `codeStride / 8` products of a code (≤ 255) and
    /// a weight, and must stay below 2^31. 32,767 (all of `Int16`) up to 2,048 dimensions.
    static func integerWeightLimit(_ codeStride: Int) -> Int {
        min(Int(Int16.max), Int(Int32.max) / (255 * max(codeStride / 8, 1)))
    }

    /// The dot-product weights as 16-bit integers: `scale · weights[d] ≈ query[d] · step[d]` (the
    /// largest at ``integerWeightLimit(_:)``, so rounding costs under 2^-15 of the largest weight),
    /// and the bias `sum(query · low)`. `dot(q, x) ≈ bias + scale · sum(weights · codes)`.
    func integerDotWeights(query: UnsafePointer<Float>, into weights: UnsafeMutablePointer<Int16>) -> (bias: Float, scale: Float) {
        var bias: Float = 0
        var largest: Float = 0
        for d in 0..<dimensions {
            bias += query[d] * low[d]
            largest = max(largest, abs(query[d] * step[d]))
        }
        let scale = largest / Float(Self.integerWeightLimit(codeStride))
        for d in 0..<codeStride {
            guard d < dimensions, scale > 0 else {
                weights[d] = 0
                continue
            }
            weights[d] = Int16((query[d] * step[d] / scale).rounded())
        }
        return (bias, scale)
    }

    /// How far a quantised dot product can stray from the exact one, for `query`: six standard
    /// deviations of its rounding error. Each code is off by at most half a step, uniformly, so
    /// `dot(q, x)`'s estimate is off by `sum(q[d] · e[d])`, of variance `sum((q[d] · step[d])²) / 12`;
    /// two candidates' estimates differ from the truth independently, so six deviations (4.2 of
    /// their difference) keep a true top-k candidate within the margin but for one in about 10^5.
    func dotErrorMargin(query: UnsafePointer<Float>) -> Float {
        var variance: Float = 0
        for d in 0..<dimensions {
            let spread = query[d] * step[d]
            variance += spread * spread
        }
        return 6 * (variance / 12).squareRoot()
    }

    /// The L2 query in code units (into `scaled`) and the squared steps (into `weights`).
    func l2Weights(query: UnsafePointer<Float>, scaled: UnsafeMutablePointer<Float>, weights: UnsafeMutablePointer<Float>) {
        for d in 0..<codeStride {
            guard d < dimensions, step[d] > 0 else {
                scaled[d] = 0
                weights[d] = 0
                continue
            }
            scaled[d] = (query[d] - low[d]) / step[d]
            weights[d] = step[d] * step[d]
        }
    }
}
