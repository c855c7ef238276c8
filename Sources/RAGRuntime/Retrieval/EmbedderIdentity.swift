/// Which embedder made a store's vectors: its kind, model and dimensions.
///
/// A store records the identity of the embedder that built it (in its manifest), and opening it
/// with a different one is refused: vectors of two models live in different spaces, so a search
/// would return noise, silently. `rag-runtime reindex` re-embeds the stored records with the new
/// embedder instead.
///
/// ```swift
/// let identity = EmbedderIdentity(kind: "local", model: "sentence-transformers/all-MiniLM-L6-v2", dimensions: 384)
/// identity.description  // "local (sentence-transformers/all-MiniLM-L6-v2, 384 dimensions)"
/// ```
public struct EmbedderIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The embedder's kind, as `EMBEDDER` names it (`local`, `hashing`, `bedrock`, `openai`).
    public var kind: String
    /// The model: a model id, or the algorithm's name for the hashing embedder.
    public var model: String
    /// The vector length.
    public var dimensions: Int

    /// Creates an identity.
    public init(kind: String, model: String, dimensions: Int) {
        self.kind = kind
        self.model = model
        self.dimensions = dimensions
    }

    /// `kind (model, N dimensions)`.
    public var description: String { "\(kind) (\(model), \(dimensions) dimensions)" }
}
