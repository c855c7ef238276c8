extension EmbeddedVectorStore {
    /// How an ``EmbeddedVectorStore`` indexes and searches.
    ///
    /// ## Defaults
    /// - ``hnsw``: ``HNSWParameters/init(m:efConstruction:efSearch:seed:)`` defaults.
    /// - ``exactSearchThreshold`` = 0 and ``exactSearchFraction`` = 0: the vector index's cost
    ///   model chooses between an exact scan and a walk for every search, from the candidate
    ///   set's size, the row length and the beam (measured on GloVe-50, 1024-d and 1M x 384; see
    ///   `VectorIndex`'s `SearchCostModel`). Raise either to force exact scans of smaller sets.
    ///   (Stores saved before version 2 recorded 20,000 and 0.05, tuned for the store's earlier
    ///   graph; they keep them until changed.)
    public struct Configuration: Sendable, Equatable, Hashable, Codable {
        /// The vector length every document and query must have.
        public var dimensions: Int
        /// The graph parameters.
        public var hnsw: HNSWParameters
        /// Candidate sets smaller than this are always scanned exactly. 0 leaves it to the cost model.
        public var exactSearchThreshold: Int
        /// Candidate sets smaller than this fraction of the documents are always scanned exactly.
        /// 0 leaves it to the cost model.
        public var exactSearchFraction: Double
        /// The embedder whose vectors the store holds, recorded in its manifest. A durable store
        /// opened with another identity is refused (``RetrievalError/embedderMismatch(path:stored:requested:)``);
        /// `nil` skips the check (tests, benchmarks, `rag-runtime reindex` reading the old store).
        public var embedder: EmbedderIdentity?

        /// Creates a configuration; see "Defaults".
        public init(
            dimensions: Int,
            hnsw: HNSWParameters = HNSWParameters(),
            exactSearchThreshold: Int = 0,
            exactSearchFraction: Double = 0,
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
