#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// The distance kernels: `SIMD16<Float>` arithmetic over rows padded with zeros to a multiple of 8.
///
/// Rows and queries share one padded length (``paddedLength(_:)``), so the loops have no scalar
/// tail: four 16-lane accumulators while 64 floats remain on rows of 128 floats or more (on
/// 1024-d rows, 10-35% more q/s than two, measured), two while 32 remain (which hides the add
/// latency), then a 16-lane and an 8-lane step. Loads are unaligned, through raw pointers; nothing allocates.
/// On x86-64 the target is compiled for Haswell (AVX2 + FMA; see Package.swift), so a 16-lane
/// `addingProduct` is two 256-bit `vfmadd` instructions. Compiled for baseline x86-64 it would
/// be sixteen calls to libm's `fmaf` (measured 20x slower): the flag is not optional there.
enum SIMDKernels {
    /// `count` rounded up to a multiple of 8: the stored length of a row.
    static func paddedLength(_ count: Int) -> Int { (count + 7) & ~7 }

    /// The lanes' total by halving (three vector adds and one scalar add). `SIMD8.sum()` adds the
    /// lanes one after another, seven dependent scalar adds, because it may not reassociate.
    @inline(__always)
    static func horizontalSum(_ lanes: SIMD8<Float>) -> Float {
        let four = lanes.lowHalf + lanes.highHalf
        let two = four.lowHalf + four.highHalf
        return two[0] + two[1]
    }

    /// `sum(a[i] * b[i])` over a padded length.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        var sum0 = SIMD16<Float>(), sum1 = SIMD16<Float>()
        var offset = 0
        let bytes = count &* 4
        if bytes >= 512 {
            // Long rows: four accumulators (eight 256-bit registers) keep both FMA ports busy
            // through the instruction's latency.
            var sum2 = SIMD16<Float>(), sum3 = SIMD16<Float>()
            while offset &+ 256 <= bytes {
                sum0 = sum0.addingProduct(
                    rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self), rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self))
                sum1 = sum1.addingProduct(
                    rawA.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self),
                    rawB.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self))
                sum2 = sum2.addingProduct(
                    rawA.loadUnaligned(fromByteOffset: offset &+ 128, as: SIMD16<Float>.self),
                    rawB.loadUnaligned(fromByteOffset: offset &+ 128, as: SIMD16<Float>.self))
                sum3 = sum3.addingProduct(
                    rawA.loadUnaligned(fromByteOffset: offset &+ 192, as: SIMD16<Float>.self),
                    rawB.loadUnaligned(fromByteOffset: offset &+ 192, as: SIMD16<Float>.self))
                offset &+= 256
            }
            sum0 += sum2
            sum1 += sum3
        }
        while offset &+ 128 <= bytes {
            sum0 = sum0.addingProduct(
                rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self), rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self))
            sum1 = sum1.addingProduct(
                rawA.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self),
                rawB.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self))
            offset &+= 128
        }
        if offset &+ 64 <= bytes {
            sum0 = sum0.addingProduct(
                rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self), rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self))
            offset &+= 64
        }
        var total = sum0 + sum1
        if offset &+ 32 <= bytes {
            let product = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            total.lowHalf += product
        }
        return horizontalSum(total.lowHalf + total.highHalf)
    }

    /// `sum((a[i] - b[i])^2)` over a padded length.
    @inline(__always)
    static func squaredL2(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        var sum0 = SIMD16<Float>(), sum1 = SIMD16<Float>()
        var offset = 0
        let bytes = count &* 4
        if bytes >= 512 {
            // Long rows: four accumulators, as in `dot`.
            var sum2 = SIMD16<Float>(), sum3 = SIMD16<Float>()
            while offset &+ 256 <= bytes {
                let d0 = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                    - rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                let d1 = rawA.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
                    - rawB.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
                let d2 = rawA.loadUnaligned(fromByteOffset: offset &+ 128, as: SIMD16<Float>.self)
                    - rawB.loadUnaligned(fromByteOffset: offset &+ 128, as: SIMD16<Float>.self)
                let d3 = rawA.loadUnaligned(fromByteOffset: offset &+ 192, as: SIMD16<Float>.self)
                    - rawB.loadUnaligned(fromByteOffset: offset &+ 192, as: SIMD16<Float>.self)
                sum0 = sum0.addingProduct(d0, d0)
                sum1 = sum1.addingProduct(d1, d1)
                sum2 = sum2.addingProduct(d2, d2)
                sum3 = sum3.addingProduct(d3, d3)
                offset &+= 256
            }
            sum0 += sum2
            sum1 += sum3
        }
        while offset &+ 128 <= bytes {
            let d0 = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                - rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            let d1 = rawA.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
                - rawB.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
            sum0 = sum0.addingProduct(d0, d0)
            sum1 = sum1.addingProduct(d1, d1)
            offset &+= 128
        }
        if offset &+ 64 <= bytes {
            let d0 = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                - rawB.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            sum0 = sum0.addingProduct(d0, d0)
            offset &+= 64
        }
        var total = sum0 + sum1
        if offset &+ 32 <= bytes {
            let d = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                - rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            total.lowHalf += d * d
        }
        return horizontalSum(total.lowHalf + total.highHalf)
    }

    /// The codes at `offset` as floats.
    ///
    /// Element by element on purpose: the loop is inlined and vectorised to one `vpmovzxbd` +
    /// `vcvtdq2ps` per 8 codes, while the standard library's `SIMD16<Float>(SIMD16<UInt8>)` is a
    /// call into a pre-compiled, baseline-x86 conversion (measured: 61 ns a 50-d row against 10).
    @inline(__always)
    static func widened(_ codes: UnsafeRawPointer, at offset: Int) -> SIMD16<Float> {
        let bytes = codes.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
        var floats = SIMD16<Float>()
        for lane in 0..<16 { floats[lane] = Float(bytes[lane]) }
        return floats
    }

    /// `sum(w[i] * codes[i])` for 16-bit weights and byte codes, over a length padded to a multiple of 16.
    ///
    /// The int8 walk's dot product. On x86-64 one `vpmovzxbw` widens 16 codes and one `vpmaddwd`
    /// multiplies them by 16 weights and adds pairs into 32-bit lanes: three instructions per 16
    /// dimensions against six for a `Float` form (widen, convert, multiply-add);
    /// Swift's `SIMD` types cannot spell `vpmaddwd`, so it is the compiler's intrinsic. Elsewhere,
    /// a portable loop with the same result.
    ///
    /// - Precondition: `|w[i]| ≤ ScalarQuantizer.integerWeightLimit(count)`, so no 32-bit lane overflows
    ///   (each lane adds at most `count / 8` products of a code and a weight).
    @inline(__always)
    static func weightedSum(_ weights: UnsafePointer<Int16>, _ codes: UnsafePointer<UInt8>, count: Int) -> Float {
        let rawW = UnsafeRawPointer(weights), rawC = UnsafeRawPointer(codes)
        var index = 0
        #if arch(x86_64)
        var sum0 = _mm256_setzero_si256(), sum1 = _mm256_setzero_si256()
        while index &+ 32 <= count {
            let c0 = _mm256_cvtepu8_epi16(rawC.loadUnaligned(fromByteOffset: index, as: __m128i.self))
            let c1 = _mm256_cvtepu8_epi16(rawC.loadUnaligned(fromByteOffset: index &+ 16, as: __m128i.self))
            sum0 = _mm256_add_epi32(sum0, _mm256_madd_epi16(c0, rawW.loadUnaligned(fromByteOffset: index &* 2, as: __m256i.self)))
            sum1 = _mm256_add_epi32(sum1, _mm256_madd_epi16(c1, rawW.loadUnaligned(fromByteOffset: (index &+ 16) &* 2, as: __m256i.self)))
            index &+= 32
        }
        if index &+ 16 <= count {
            let c0 = _mm256_cvtepu8_epi16(rawC.loadUnaligned(fromByteOffset: index, as: __m128i.self))
            sum0 = _mm256_add_epi32(sum0, _mm256_madd_epi16(c0, rawW.loadUnaligned(fromByteOffset: index &* 2, as: __m256i.self)))
        }
        // Lanes to Float before adding them up: their total may pass 2^31, a lane never does.
        let total: SIMD8<Float> = _mm256_add_ps(_mm256_cvtepi32_ps(sum0), _mm256_cvtepi32_ps(sum1))
        return horizontalSum(total)
        #else
        var sum = SIMD16<Int32>()
        while index &+ 16 <= count {
            let c = rawC.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            let w = rawW.loadUnaligned(fromByteOffset: index &* 2, as: SIMD16<Int16>.self)
            for lane in 0..<16 { sum[lane] &+= Int32(c[lane]) &* Int32(w[lane]) }
            index &+= 16
        }
        var total: Float = 0
        for lane in 0..<16 { total += Float(sum[lane]) }
        return total
        #endif
    }

    /// `sum(w[i] * (q[i] - Float(codes[i]))^2)` for byte codes, over a length padded to a multiple of 16.
    @inline(__always)
    static func weightedSquaredL2(
        _ query: UnsafePointer<Float>, _ weights: UnsafePointer<Float>, _ codes: UnsafePointer<UInt8>, count: Int
    ) -> Float {
        let rawQ = UnsafeRawPointer(query), rawW = UnsafeRawPointer(weights), rawC = UnsafeRawPointer(codes)
        var sum0 = SIMD16<Float>(), sum1 = SIMD16<Float>()
        var index = 0
        while index &+ 32 <= count {
            let d0 = rawQ.loadUnaligned(fromByteOffset: index &* 4, as: SIMD16<Float>.self) - widened(rawC, at: index)
            let d1 = rawQ.loadUnaligned(fromByteOffset: (index &+ 16) &* 4, as: SIMD16<Float>.self) - widened(rawC, at: index &+ 16)
            sum0 = sum0.addingProduct(d0 * d0, rawW.loadUnaligned(fromByteOffset: index &* 4, as: SIMD16<Float>.self))
            sum1 = sum1.addingProduct(d1 * d1, rawW.loadUnaligned(fromByteOffset: (index &+ 16) &* 4, as: SIMD16<Float>.self))
            index &+= 32
        }
        if index &+ 16 <= count {
            let d = rawQ.loadUnaligned(fromByteOffset: index &* 4, as: SIMD16<Float>.self) - widened(rawC, at: index)
            sum0 = sum0.addingProduct(d * d, rawW.loadUnaligned(fromByteOffset: index &* 4, as: SIMD16<Float>.self))
        }
        let total = sum0 + sum1
        return horizontalSum(total.lowHalf + total.highHalf)
    }
}
