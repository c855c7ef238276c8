/// Checks and normalises the vectors a remote embedder returned.
package enum EmbeddingVectors {
    /// `vectors` L2-normalised, after checking there is one per text and each has `dimensions` floats.
    ///
    /// - Throws: ``RetrievalError/embeddingFailed(model:reason:)`` naming `model`, or
    ///   ``RetrievalError/invalidVector(id:)`` for a zero or non-finite vector (id = its position).
    package static func checked(_ vectors: [[Float]], count: Int, dimensions: Int, model: String) throws -> [[Float]] {
        guard vectors.count == count else {
            throw RetrievalError.embeddingFailed(model: model, reason: "returned \(vectors.count) vectors for \(count) texts")
        }
        return try vectors.enumerated().map { position, vector in
            guard vector.count == dimensions else {
                throw RetrievalError.embeddingFailed(
                    model: model, reason: "returned a vector of \(vector.count) dimensions where \(dimensions) were expected")
            }
            guard let normalised = DotProduct.normalised(vector) else {
                throw RetrievalError.invalidVector(id: String(position))
            }
            return normalised
        }
    }
}
