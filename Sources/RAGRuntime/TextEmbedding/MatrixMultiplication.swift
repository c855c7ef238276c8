import COpenBLAS
import Dispatch
import Foundation

/// Single-precision matrix products for the encoder, through OpenBLAS (`cblas_sgemm`).
///
/// Measured on the 2-core AVX-512 development machine (release build, 960 tokens × 384 → 1152, 1536
/// and 1536 → 384): OpenBLAS ran at 32–100 GFLOP/s where a blocked SIMD16 Swift kernel (4 rows × 16
/// columns, split across the cores) reached 11–21, since Swift code is compiled for baseline x86-64
/// while OpenBLAS picks AVX-512 kernels at run time. In a debug build the gap is far wider.
///
/// OpenBLAS runs single-threaded here (``useOneThreadPerCall``) and the encoder splits the work
/// across cores itself (rows of a product, (sequence, head) pairs of attention): OpenBLAS's own
/// threads, nested in ours, spent a fifth of the time yielding to each other.
enum MatrixMultiplication {
    /// Turns OpenBLAS's internal threading off, once per process.
    static let useOneThreadPerCall: Void = openblas_set_num_threads(1)

    /// The library and the kernels it picked for this CPU, e.g. `OpenBLAS Haswell`.
    static var backend: String { "OpenBLAS \(String(cString: openblas_get_corename()))" }

    /// Rows per task when a product is split across cores.
    static let minimumRowsPerTask = 16

    /// `c[m×n] = a[m×k]·b[k×n] + bias`, all row-major and contiguous; `bias` (n values) is added to
    /// every row. The rows are split across the cores.
    static func multiply(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, bias: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int
    ) {
        let tasks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, m / minimumRowsPerTask))
        let rowsPerTask = (m + tasks - 1) / tasks
        // Workers read the shared inputs and each writes its own rows of the output.
        nonisolated(unsafe) let (a, b, bias, c) = (a, b, bias, c)
        DispatchQueue.concurrentPerform(iterations: tasks) { task in
            let start = task * rowsPerTask, rows = min(m, start + rowsPerTask) - start
            guard rows > 0 else { return }
            let output = c + start * n
            for row in 0..<rows { (output + row * n).update(from: bias, count: n) }
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(n), Int32(k), 1, a + start * k, Int32(k), b, Int32(n), 1,
                output, Int32(n)
            )
        }
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
