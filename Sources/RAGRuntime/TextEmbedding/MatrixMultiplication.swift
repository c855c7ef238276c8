import COpenBLAS

/// Single-precision matrix products for the encoder, through OpenBLAS (`cblas_sgemm`).
///
/// Measured on the 2-core AVX-512 development machine (release build, 960 tokens × 384 → 1152, 1536
/// and 1536 → 384): OpenBLAS ran at 32–100 GFLOP/s where a blocked SIMD16 Swift kernel (4 rows × 16
/// columns, split across the cores) reached 11–21, since Swift code is compiled for baseline x86-64
/// while OpenBLAS picks AVX-512 kernels at run time. In a debug build the gap is far wider.
enum MatrixMultiplication {
    /// `c[m×n] = a[m×k]·b[k×n] + bias`, all row-major and contiguous; `bias` (n values) is added to every row.
    static func multiply(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, bias: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int
    ) {
        for row in 0..<m { (c + row * n).update(from: bias, count: n) }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(n), 1, c, Int32(n))
    }

    /// `c[m×n] = alpha · a[m×k]·bᵀ` where `b` is `n×k`; rows are `lda`, `ldb`, `ldc` floats apart.
    static func multiplyTransposed(
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int, into c: UnsafeMutablePointer<Float>, ldc: Int,
        m: Int, n: Int, k: Int, alpha: Float
    ) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc))
    }

    /// `c[m×n] = a[m×k]·b[k×n]`; rows are `lda`, `ldb`, `ldc` floats apart.
    static func multiply(
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int, into c: UnsafeMutablePointer<Float>, ldc: Int,
        m: Int, n: Int, k: Int
    ) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc))
    }
}
