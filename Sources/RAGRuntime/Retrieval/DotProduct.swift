/// The similarity kernel: a dot product over `Float` rows, 16 lanes at a time.
///
/// Vectors are L2-normalised when stored, so the dot product is the cosine similarity. The loop
/// keeps two `SIMD16<Float>` accumulators (32 floats in flight, which hides the add latency),
/// then an 8-lane step and a scalar tail for lengths that are not multiples of 16. It reads
/// through raw pointers with unaligned loads and allocates nothing.
package enum DotProduct {
    /// `sum(a[i] * b[i])` for `i` in `0..<count`.
    ///
    /// Release builds use ``simd(_:_:count:)``. Debug builds use ``scalar(_:_:count:)``: unoptimised
    /// generic SIMD code is about 50 times slower than a plain loop, which would make the HNSW
    /// tests take minutes. A test checks that both kernels agree.
    @inline(__always)
    package static func compute(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        #if DEBUG
        scalar(a, b, count: count)
        #else
        simd(a, b, count: count)
        #endif
    }

    /// The dot product with a plain loop, four products per step.
    package static func scalar(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var total: Float = 0
        var index = 0
        while index + 4 <= count {
            total += a[index] * b[index] + a[index + 1] * b[index + 1] + a[index + 2] * b[index + 2] + a[index + 3] * b[index + 3]
            index += 4
        }
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }

    /// The dot product with `SIMD16<Float>` accumulators.
    @inline(__always)
    package static func simd(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        var sum0 = SIMD16<Float>(), sum1 = SIMD16<Float>()
        var index = 0
        while index + 32 <= count {
            let offset = index * MemoryLayout<Float>.stride
            sum0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            sum1 += rawA.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
            index += 32
        }
        if index + 16 <= count {
            let offset = index * MemoryLayout<Float>.stride
            sum0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            index += 16
        }
        var total = (sum0 + sum1).sum()
        if index + 8 <= count {
            let offset = index * MemoryLayout<Float>.stride
            total += (rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)).sum()
            index += 8
        }
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }

    /// `vector` scaled to unit length, or `nil` when it has zero length or a non-finite value.
    package static func normalised(_ vector: [Float]) -> [Float]? {
        var norm: Float = 0
        for value in vector {
            guard value.isFinite else { return nil }
            norm += value * value
        }
        guard norm > 0, norm.isFinite else { return nil }
        let scale = 1 / norm.squareRoot()
        return vector.map { $0 * scale }
    }
}
