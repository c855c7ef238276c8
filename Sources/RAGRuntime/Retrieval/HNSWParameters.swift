import VectorIndex

/// The tuning knobs of the HNSW graph (Malkov & Yashunin, 2016).
///
/// ## Defaults
/// - ``m`` = 16 links per node on the upper layers, 32 on the bottom layer: the usual balance of
///   memory (132 bytes of links per node) and recall for 100- to 1,000-dimensional embeddings.
/// - ``efConstruction`` = 128: the candidate list while inserting. Higher builds a better graph,
///   more slowly.
/// - ``efSearch`` = 100 (as OpenSearch's `ef_search`): the candidate list while searching, never
///   below `k`. Recall@10 is above 0.99 on 20,000 random 16-dimensional unit vectors. Data with no
///   structure in many dimensions is the worst case for every graph index: on 20,000 random
///   384-dimensional unit vectors recall@10 is about 0.37 at this setting, as with faiss
///   `IndexHNSWFlat` at the same M and ef (faiss needs efSearch 800 for 0.94). Real embeddings have
///   a low intrinsic dimension and behave like the low-dimensional case; raise ``efSearch`` if a
///   benchmark on your data says otherwise.
/// - ``seed`` = 0x5EED: levels come from a seeded generator, so the same inserts in the same order
///   build the same graph.
public struct HNSWParameters: Sendable, Equatable, Hashable, Codable {
    /// Links per node on the upper layers (twice as many on layer 0). 2...128.
    public var m: Int
    /// The size of the dynamic candidate list during insertion. At least ``m``.
    public var efConstruction: Int
    /// The size of the dynamic candidate list during search. At least 1; `k` is used when larger.
    public var efSearch: Int
    /// The seed of the level generator.
    public var seed: UInt64

    /// Creates parameters; see the type's "Defaults" section.
    public init(m: Int = 16, efConstruction: Int = 128, efSearch: Int = 100, seed: UInt64 = 0x5EED) {
        self.m = m
        self.efConstruction = efConstruction
        self.efSearch = efSearch
        self.seed = seed
    }

    /// Checks the ranges documented on each property.
    ///
    /// - Throws: ``RetrievalError/invalidConfiguration(_:)`` naming the first bad value.
    func validate() throws {
        guard (2...128).contains(m) else { throw RetrievalError.invalidConfiguration("HNSW m must be 2...128, got \(m)") }
        guard efConstruction >= m else {
            throw RetrievalError.invalidConfiguration("HNSW efConstruction must be at least m (\(m)), got \(efConstruction)")
        }
        guard efSearch >= 1 else { throw RetrievalError.invalidConfiguration("HNSW efSearch must be at least 1, got \(efSearch)") }
    }
}

extension HNSWParameters {
    /// The same knobs for the `VectorIndex` the store searches (`Float` rows: a store grows one
    /// batch at a time, and the int8 quantiser learns its ranges from the first batch only).
    var indexConfiguration: HNSWConfiguration {
        HNSWConfiguration(m: m, efConstruction: efConstruction, efSearch: efSearch, quantization: .none, seed: seed)
    }
}
