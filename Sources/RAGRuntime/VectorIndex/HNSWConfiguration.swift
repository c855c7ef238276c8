/// The tuning knobs of an ``HNSWIndex`` (Malkov & Yashunin, 2016).
///
/// ## Defaults
/// - ``m`` = 16 links per node on the upper layers, `2·m` = 32 on the bottom layer: the usual
///   balance of memory (132 bytes of links per node) and recall for 50- to 1,000-dimensional data.
/// - ``efConstruction`` = 128: the candidate list while inserting. Higher builds a better graph, more slowly.
/// - ``efSearch`` = 64: the candidate list while searching, never below `k`. Raise it for recall.
/// - ``quantization`` = ``Quantization/none``. With ``Quantization/int8`` the graph walk reads
///   one byte per dimension and the candidates are re-ranked with the exact `Float` vectors.
/// - ``seed`` = 0x5EED: node levels come from a seeded generator, so a one-thread build of the same
///   vectors in the same order builds the same graph.
public struct HNSWConfiguration: Sendable, Equatable, Hashable, Codable {
    /// Links per node on the upper layers (twice as many on layer 0). 2...128.
    public var m: Int
    /// The candidate list while inserting. At least ``m``.
    public var efConstruction: Int
    /// The candidate list while searching. At least 1; `k` is used when larger.
    public var efSearch: Int
    /// How the graph walk reads vectors.
    public var quantization: Quantization
    /// The seed of the level generator.
    public var seed: UInt64

    /// Creates a configuration; see "Defaults".
    public init(m: Int = 16, efConstruction: Int = 128, efSearch: Int = 64, quantization: Quantization = .none, seed: UInt64 = 0x5EED) {
        self.m = m
        self.efConstruction = efConstruction
        self.efSearch = efSearch
        self.quantization = quantization
        self.seed = seed
    }

    /// Links per node on layer 0.
    var maxDegree0: Int { 2 * m }

    /// Checks the ranges documented on each property.
    ///
    /// - Throws: ``VectorIndexError/invalidConfiguration(_:)`` naming the first bad value.
    func validate() throws(VectorIndexError) {
        guard (2...128).contains(m) else { throw .invalidConfiguration("m must be 2...128, got \(m)") }
        guard efConstruction >= m else { throw .invalidConfiguration("efConstruction must be at least m (\(m)), got \(efConstruction)") }
        guard efSearch >= 1 else { throw .invalidConfiguration("efSearch must be at least 1, got \(efSearch)") }
    }
}

/// How vectors are stored for the graph walk.
public enum Quantization: String, Sendable, Codable, Hashable, CaseIterable {
    /// The walk reads the `Float` vectors.
    case none
    /// The walk reads per-dimension scalar-quantised bytes; results are re-ranked exactly.
    case int8
}
