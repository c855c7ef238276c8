extension EmbeddedVectorStore {
    /// How an ``EmbeddedVectorStore`` indexes and searches.
    ///
    /// ## Defaults
    /// - ``hnsw``: ``HNSWParameters/init(m:efConstruction:efSearch:seed:)`` defaults.
    /// - ``exactSearchThreshold`` = 20,000 and ``exactSearchFraction`` = 0.05: a candidate set
    ///   smaller than either is scanned exactly. 20,000 rows of 384 floats take about 2 ms to scan
    ///   (baseline x86-64 SIMD), within a small factor of a graph search, and the scan is exact;
    ///   below 5% of the documents a filtered graph search wastes most of its steps on rejected
    ///   nodes.
    public struct Configuration: Sendable, Equatable, Hashable, Codable {
        /// The vector length every document and query must have.
        public var dimensions: Int
        /// The graph parameters.
        public var hnsw: HNSWParameters
        /// Candidate sets smaller than this are scanned exactly. 0 disables the absolute rule.
        public var exactSearchThreshold: Int
        /// Candidate sets smaller than this fraction of the documents are scanned exactly.
        /// 0 disables the relative rule.
        public var exactSearchFraction: Double
        /// The embedder whose vectors the store holds, recorded in its manifest. A durable store
        /// opened with another identity is refused (``RetrievalError/embedderMismatch(path:stored:requested:)``);
        /// `nil` skips the check (tests, benchmarks, `rag-runtime reindex` reading the old store).
        public var embedder: EmbedderIdentity?

        /// Creates a configuration; see "Defaults".
        public init(
            dimensions: Int,
            hnsw: HNSWParameters = HNSWParameters(),
            exactSearchThreshold: Int = 20_000,
            exactSearchFraction: Double = 0.05,
            embedder: EmbedderIdentity? = nil
        ) {
            self.embedder = embedder
            self.dimensions = dimensions
            self.hnsw = hnsw
            self.exactSearchThreshold = exactSearchThreshold
            self.exactSearchFraction = exactSearchFraction
        }

        /// Checks every value's range.
        ///
        /// - Throws: ``RetrievalError/invalidConfiguration(_:)`` naming the first bad value.
        func validate() throws {
            guard (1...65_536).contains(dimensions) else {
                throw RetrievalError.invalidConfiguration("dimensions must be 1...65536, got \(dimensions)")
            }
            guard exactSearchThreshold >= 0 else {
                throw RetrievalError.invalidConfiguration("exactSearchThreshold must not be negative, got \(exactSearchThreshold)")
            }
            guard (0...1).contains(exactSearchFraction) else {
                throw RetrievalError.invalidConfiguration("exactSearchFraction must be 0...1, got \(exactSearchFraction)")
            }
            if let embedder, embedder.dimensions != dimensions {
                throw RetrievalError.invalidConfiguration("the embedder \(embedder) does not make \(dimensions)-dimensional vectors")
            }
            try hnsw.validate()
        }
    }
}
