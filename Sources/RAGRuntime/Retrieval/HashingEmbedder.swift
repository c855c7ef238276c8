/// A local, deterministic embedder: feature hashing of words, word pairs and character 3-grams.
///
/// Needs no network and no model, so it is the embedded default and the test embedder. It is a
/// lexical model: texts that share words, codes and word fragments score high ("engine overheating"
/// and "engine temperature high" share `engine` and `eng`/`ngi`/…), synonyms with no shared letters
/// do not.
///
/// ## How a text becomes a vector
/// The text is lower-cased and split into tokens of letters, digits, `-` and `_`; `engine-monitor`
/// also yields `engine` and `monitor`. Stop words are dropped. Each unigram (weight 1), each bigram
/// of consecutive tokens (weight 0.7) and each character 3-gram of a token padded as `<token>`
/// (weight 0.25) is hashed with 64-bit FNV-1a: the hash picks a dimension and a sign (signed
/// feature hashing, so collisions cancel out on average instead of piling up). The vector is
/// L2-normalised. The same text gives the same vector in every process and on every platform.
///
/// ```swift
/// let embedder = HashingEmbedder(dimensions: 384)
/// let vectors = try await embedder.embed(["Engine temperature critical on VH-0042"], purpose: .query)
/// ```
public struct HashingEmbedder: Embedder {
    /// The vector length. Defaults to 384: large enough that collisions between the few hundred
    /// features of a log line are rare, small enough for fast search.
    public let dimensions: Int

    /// Creates an embedder.
    ///
    /// - Parameter dimensions: The vector length, at least 16. Defaults to 384.
    /// - Throws: ``RetrievalError/invalidConfiguration(_:)`` for fewer than 16 dimensions.
    public init(dimensions: Int = 384) throws {
        guard dimensions >= 16 else {
            throw RetrievalError.invalidConfiguration("HashingEmbedder dimensions must be at least 16, got \(dimensions)")
        }
        self.dimensions = dimensions
    }

    /// `hashing (feature-hashing-v1, N dimensions)`: the algorithm is the model.
    public var identity: EmbedderIdentity {
        EmbedderIdentity(kind: "hashing", model: "feature-hashing-v1", dimensions: dimensions)
    }

    /// Embeds each text; documents and questions are embedded the same way.
    ///
    /// - Throws: ``RetrievalError/emptyEmbeddingText(index:)`` for a text with no features (empty,
    ///   or only punctuation and stop words).
    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        try texts.enumerated().map { index, text in
            guard let vector = vector(for: text) else { throw RetrievalError.emptyEmbeddingText(index: index) }
            return vector
        }
    }

    /// The normalised vector for one text, or `nil` when the text has no features.
    func vector(for text: String) -> [Float]? {
        var vector = [Float](repeating: 0, count: dimensions)
        let tokens = Self.tokens(of: text)
        for (index, token) in tokens.enumerated() {
            add(kind: 1, token, weight: 1, to: &vector)
            if index > 0 { add(kind: 2, tokens[index - 1] + [0x20] + token, weight: 0.7, to: &vector) }
            let padded = [UInt8(ascii: "<")] + token + [UInt8(ascii: ">")]
            for start in 0...(padded.count - 3) {
                add(kind: 3, padded[start..<(start + 3)], weight: 0.25, to: &vector)
            }
        }
        var norm: Float = 0
        for value in vector { norm += value * value }
        guard norm > 0 else { return nil }
        let scale = 1 / norm.squareRoot()
        for index in vector.indices { vector[index] *= scale }
        return vector
    }

    /// Adds one hashed feature: the low bits choose the dimension, bit 63 the sign.
    private func add(kind: UInt8, _ bytes: some Collection<UInt8>, weight: Float, to vector: inout [Float]) {
        var hasher = FNV1a()
        hasher.combine(kind)
        hasher.combine(bytes)
        let hash = hasher.value
        let index = Int(hash % UInt64(dimensions))
        vector[index] += (hash >> 63) == 0 ? weight : -weight
    }
}
