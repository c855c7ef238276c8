/// # VectorIndex
///
/// An embedded approximate-nearest-neighbour index: a hierarchical navigable small world graph
/// (Malkov & Yashunin, 2016) over contiguous `Float` rows, with SIMD distance kernels, optional
/// int8 scalar quantisation for the walk (re-ranked exactly), filters inside the search with a cost
/// model that falls back to an exact scan, a parallel build, and a one-file format that reopens
/// memory-mapped. A leaf: it knows vectors and ids, never documents, HTTP or storage layouts above it.
///
/// ```swift
/// var index = try HNSWIndex(dimensions: 384, metric: .angular)
/// try index.add(contentsOf: flatVectors, threads: 2)          // ids 0..<n in order
/// let hits = try index.search(query, k: 10)                   // [Neighbour], closest first
/// let some = try index.search(query, k: 10, filter: IDFilter(capacity: index.count) { $0 % 7 == 0 })
/// try index.write(to: "/data/index.hnsw")
/// let reopened = try HNSWIndex(contentsOf: "/data/index.hnsw") // mapped, no rebuild
/// ```

/// An HNSW index over vectors with ids `0..<count`, in the order they were added.
///
/// ## Storage
/// Row `i` of ``vectors`` (padded with zeros to a multiple of 8 floats, so the kernels need no
/// tail) is node `i` of the graph. See ``GraphLinks`` for the adjacency layout. With int8
/// quantisation each row also has a code row of one byte per dimension (padded to 16).
///
/// ## Concurrency
/// A value type: copies share storage until one is changed. ``search(_:k:efSearch:filter:)`` uses
/// the index's own scratch and so is `mutating`; concurrent searchers use
/// ``search(_:k:efSearch:filter:scratch:)`` with one ``SearchScratch`` each.
public struct HNSWIndex: Sendable {
    /// The dimension count of every vector.
    public let dimensions: Int
    /// How vectors are compared.
    public let metric: DistanceMetric
    /// The graph's parameters.
    public let configuration: HNSWConfiguration
    /// Floats per stored row.
    let stride: Int
    var vectors: Section<Float>
    var levels: Section<UInt8>
    var layer0: Section<Int32>
    var upperOffsets: Section<Int32>
    var upperLinks: Section<Int32>
    var quantizer: ScalarQuantizer?
    var codes: Section<UInt8>
    /// The node searches start from, or -1 while empty.
    var entryPoint: Int32 = -1
    /// The top layer of ``entryPoint``.
    var maxLevel = -1
    /// The level generator's state.
    var randomState: UInt64
    var scratch = SearchScratch()

    /// An empty index.
    ///
    /// - Throws: ``VectorIndexError/invalidConfiguration(_:)`` for a dimension count below 1 or a
    ///   configuration out of range.
    public init(dimensions: Int, metric: DistanceMetric, configuration: HNSWConfiguration = HNSWConfiguration()) throws(VectorIndexError) {
        guard dimensions >= 1 else { throw .invalidConfiguration("dimensions must be at least 1, got \(dimensions)") }
        try configuration.validate()
        self.dimensions = dimensions
        self.metric = metric
        self.configuration = configuration
        stride = SIMDKernels.paddedLength(dimensions)
        vectors = Section()
        levels = Section()
        layer0 = Section()
        upperOffsets = Section()
        upperLinks = Section([0])
        codes = Section()
        randomState = configuration.seed
    }

    /// The number of vectors.
    public var count: Int { levels.count }

    /// Whether the index holds no vectors.
    public var isEmpty: Bool { count == 0 }

    /// The stored vector of `id` (normalised, for the angular metric).
    public func vector(_ id: Int) -> [Float] {
        vectors.withUnsafeBufferPointer { Array($0[(id * stride)..<(id * stride + dimensions)]) }
    }

    /// Bytes held per vector by the index's arrays (vectors, codes, links, levels), excluding scratch.
    public var bytesPerVector: Double {
        guard count > 0 else { return 0 }
        let bytes = vectors.count * 4 + codes.count + levels.count + layer0.count * 4 + upperOffsets.count * 4 + upperLinks.count * 4
        return Double(bytes) / Double(count)
    }

    /// Whether the arrays are still the memory-mapped pages of an index file.
    public var isMapped: Bool { vectors.isMapped }

    /// Runs `body` with read pointers to the graph.
    ///
    /// - Precondition: the index is not empty (``upperLinks`` always holds a sentinel slot).
    @inline(__always)
    func withGraph<Result>(_ body: (GraphLinks) throws -> Result) rethrows -> Result {
        try layer0.withUnsafeBufferPointer { layer0 in
            try upperLinks.withUnsafeBufferPointer { upper in
                try upperOffsets.withUnsafeBufferPointer { offsets in
                    try levels.withUnsafeBufferPointer { levels in
                        try body(GraphLinks(
                            layer0: UnsafeMutablePointer(mutating: layer0.baseAddress!),
                            upper: UnsafeMutablePointer(mutating: upper.baseAddress!),
                            upperOffsets: offsets.baseAddress!, levels: levels.baseAddress!,
                            m: configuration.m
                        ))
                    }
                }
            }
        }
    }
}
