import CPrefetch

/// The adjacency lists of the graph, seen through raw pointers for the duration of one operation.
///
/// ## Layout
/// Layer 0 is one flat block per node: a count, then `2·m` slots (``stride0`` = `2·m + 1` Int32s),
/// so node `i`'s list is at `i · stride0` with no indirection. Nodes above layer 0 own a block in
/// the upper-links array at `upperOffsets[i]`: per layer `1...level`, a count and `m` slots.
/// Everything is allocated when a node is added, so linking never reallocates (which is what lets
/// a parallel build share the arrays).
struct GraphLinks {
    let layer0: UnsafeMutablePointer<Int32>
    let upper: UnsafeMutablePointer<Int32>
    let upperOffsets: UnsafePointer<Int32>
    let levels: UnsafePointer<UInt8>
    let m: Int

    var stride0: Int { 2 &* m &+ 1 }

    /// Starts loading `node`'s layer-0 list, ahead of expanding it.
    @inline(__always)
    func prefetchList(of node: Int32) {
        rag_prefetch(layer0 + Int(node) &* stride0)
    }

    /// The list of `node` on `level`: `list[0]` is the count, the ids follow.
    @inline(__always)
    func list(_ node: Int32, level: Int) -> UnsafeMutablePointer<Int32> {
        if level == 0 { return layer0 + Int(node) &* stride0 }
        let base: Int = Int(upperOffsets[Int(node)])
        let within: Int = (level &- 1) &* (m &+ 1)
        return upper + (base &+ within)
    }

    /// The degree limit on `level`.
    @inline(__always)
    func capacity(level: Int) -> Int { level == 0 ? 2 &* m : m }
}

/// The distance from a fixed query to any node, lower is closer.
protocol QueryDistance {
    func callAsFunction(_ node: Int32) -> Float
    /// Starts loading the node's row into the cache, ahead of ``callAsFunction(_:)``.
    func prefetch(_ node: Int32)
    /// How many rows ahead of its turn a walk asks for a row (see ``prefetchDistance(rowBytes:)``).
    var prefetchAhead: Int { get }
}

/// How many rows ahead of its turn to ask for a row of `rowBytes`: about a kilobyte in flight,
/// at least two rows and at most eight.
///
/// Measured on one graph each, alternating builds: 224-byte GloVe-50 rows 2 -> 4 ahead 8,040 ->
/// 8,984 q/s (and 4 against 6 even, every row up front 10% slower than 2); 1 KB 1024-d int8 code
/// rows, 2 ahead 10-15% faster than every row up front (the requests queue behind each other).
@inline(__always)
func prefetchDistance(rowBytes: Int) -> Int {
    min(8, max(2, 1024 / max(rowBytes, 1)))
}

/// Prefetches every cache line a row's first `limit` bytes touch (the hardware prefetcher follows
/// a sequential read from there). A row need not start on a line: a 224-byte GloVe row can span
/// five lines, so the lines are counted from the one holding its first byte. The default limit is
/// four lines' worth: a 1024-d `Float` row is 64 lines, and asking for all of them evicts more
/// than it gains.
@inline(__always)
func prefetchRow(_ start: UnsafeRawPointer, bytes: Int, limit: Int = 256) {
    let address = UInt(bitPattern: start)
    var line = address & ~63
    let end = address &+ UInt(min(bytes, limit))
    while line < end {
        rag_prefetch(UnsafeRawPointer(bitPattern: line)!)
        line &+= 64
    }
}

/// `-dot(query, row)` over the `Float` rows (the angular and inner-product metrics).
struct FloatDotDistance: QueryDistance {
    let query: UnsafePointer<Float>
    let rows: UnsafePointer<Float>
    let stride: Int

    var prefetchAhead: Int { prefetchDistance(rowBytes: stride &* 4) }

    @inline(__always)
    func prefetch(_ node: Int32) {
        prefetchRow(rows + Int(node) &* stride, bytes: stride &* 4)
    }

    @inline(__always)
    func callAsFunction(_ node: Int32) -> Float {
        -SIMDKernels.dot(query, rows + Int(node) &* stride, count: stride)
    }
}

/// Squared L2 distance over the `Float` rows.
struct FloatL2Distance: QueryDistance {
    let query: UnsafePointer<Float>
    let rows: UnsafePointer<Float>
    let stride: Int

    var prefetchAhead: Int { prefetchDistance(rowBytes: stride &* 4) }

    @inline(__always)
    func prefetch(_ node: Int32) {
        prefetchRow(rows + Int(node) &* stride, bytes: stride &* 4)
    }

    @inline(__always)
    func callAsFunction(_ node: Int32) -> Float {
        SIMDKernels.squaredL2(query, rows + Int(node) &* stride, count: stride)
    }
}

/// `-dot(query, decoded row)` over int8 codes: `-(bias + scale · sum(weights · codes))` with 16-bit
/// weights (see ``ScalarQuantizer/integerDotWeights(query:into:)``).
struct CodeDotDistance: QueryDistance {
    let weights: UnsafePointer<Int16>
    let scale: Float
    let bias: Float
    let codes: UnsafePointer<UInt8>
    let stride: Int

    var prefetchAhead: Int { prefetchDistance(rowBytes: stride) }

    @inline(__always)
    func prefetch(_ node: Int32) {
        prefetchRow(codes + Int(node) &* stride, bytes: stride, limit: 1024)
    }

    @inline(__always)
    func callAsFunction(_ node: Int32) -> Float {
        -(bias + scale * SIMDKernels.weightedSum(weights, codes + Int(node) &* stride, count: stride))
    }
}

/// Squared L2 distance over int8 codes: `sum(step² · (query' - code)²)` with the query in code units.
struct CodeL2Distance: QueryDistance {
    let query: UnsafePointer<Float>
    let weights: UnsafePointer<Float>
    let codes: UnsafePointer<UInt8>
    let stride: Int

    var prefetchAhead: Int { prefetchDistance(rowBytes: stride) }

    @inline(__always)
    func prefetch(_ node: Int32) {
        prefetchRow(codes + Int(node) &* stride, bytes: stride, limit: 1024)
    }

    @inline(__always)
    func callAsFunction(_ node: Int32) -> Float {
        SIMDKernels.weightedSquaredL2(query, weights, codes + Int(node) &* stride, count: stride)
    }
}
