/// What a text is embedded for: some models embed questions and documents differently.
///
/// Cohere embed-english-v3 maps these to `search_query` and `search_document`.
public enum EmbeddingPurpose: String, Sendable, Hashable {
    /// A document to index.
    case document
    /// A question to search with.
    case query
}

/// Turns texts into fixed-length vectors whose dot products measure similarity.
///
/// Implementations return one L2-normalised vector of ``dimensions`` floats per input text, in
/// input order. The vector stores compare vectors by cosine similarity.
///
/// ```swift
/// let embedder = HashingEmbedder()
/// let vectors = try await embedder.embed([record.embeddingText], purpose: .document)
/// ```
public protocol Embedder: Sendable {
    /// The length of every vector this embedder returns.
    var dimensions: Int { get }

    /// Which embedder this is, as a store records it: vectors from embedders with different
    /// identities are not comparable.
    var identity: EmbedderIdentity { get }

    /// Embeds `texts`, one vector per text, in order.
    ///
    /// - Parameters:
    ///   - texts: The texts; an empty array returns an empty array.
    ///   - purpose: Whether the texts are documents or questions.
    /// - Returns: `texts.count` vectors of ``dimensions`` floats.
    /// - Throws: A ``RetrievalError`` for a text the embedder rejects, or the transport's error for
    ///   remote embedders.
    func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]]
}
