extension EmbeddedIndex {
    /// The `k` best documents matching `filter` by weighted reciprocal rank fusion of the vector
    /// ranking (``search(vector:k:filter:)``) and the BM25 ranking of `text` (``LexicalIndex``),
    /// both drawn from the same filtered subset, to ``FusionWeights/depth`` each, fused by
    /// ``FusionWeights/fuse(vector:lexical:)`` with ``FusionWeights/for(_:)``'s weights.
    ///
    /// Hits carry their cosine similarity with the query (as vector hits do), in fused order. When
    /// no word of `text` is indexed, the result is the vector ranking.
    mutating func hybridSearch(vector: [Float], text: String, k: Int, filter: SearchFilter) throws -> [SearchHit] {
        guard k >= 1 else { throw RetrievalError.invalidResultCount(k) }
        guard vector.count == dimensions else { throw RetrievalError.dimensionMismatch(expected: dimensions, actual: vector.count) }
        let depth = max(k, FusionWeights.depth)
        let selection = try selection(for: filter)   // once, for both rankings
        let allowed = indexFilter(for: selection)
        let semantic = try search(vector: vector, k: depth, in: selection, filter: allowed).hits
        let lexicalHits = lexical.score(text, accept: acceptance(selection, filter: allowed), limit: depth)
        guard !lexicalHits.isEmpty else { return Array(semantic.prefix(k)) }

        var cosine: [Int32: Float] = [:]
        let semanticSlots = semantic.compactMap { hit in
            slotsByID[hit.id].map { slot in
                cosine[slot] = hit.score
                return slot
            }
        }
        let fused = FusionWeights.for(text).fuse(vector: semanticSlots, lexical: lexicalHits.map(\.slot))
        let query = DotProduct.normalised(vector) ?? vector
        return fused.prefix(k).compactMap { slot, _ in
            guard let record = records[Int(slot)] else { return nil }
            let score = cosine[slot] ?? similarity(query, slot)
            return SearchHit(record: record, score: score)
        }
    }

    /// The cosine of a normalised query with the vector in `slot`.
    func similarity(_ query: [Float], _ slot: Int32) -> Float {
        let row = vectors.vector(Int(slot))
        return query.withUnsafeBufferPointer { q in
            row.withUnsafeBufferPointer { DotProduct.compute(q.baseAddress!, $0.baseAddress!, count: dimensions) }
        }
    }
}
