extension EmbeddedIndex {
    /// How many hits of each ranking enter the fusion.
    static let fusionDepth = 50
    /// Reciprocal rank fusion's constant (Cormack, Clarke and Büttcher 2009): a document at rank r
    /// (from 1) of a ranking adds 1 / (60 + r).
    static let fusionConstant: Float = 60

    /// The `k` best documents matching `filter` by weighted reciprocal rank fusion of the vector
    /// ranking (``search(vector:k:filter:)``) and the BM25 ranking of `text` (``LexicalIndex``),
    /// both drawn from the same filtered subset, to ``fusionDepth`` each; the weights are
    /// ``FusionWeights/for(_:)``'s.
    ///
    /// Hits carry their cosine similarity with the query (as vector hits do), in fused order. When
    /// no word of `text` is indexed, the result is the vector ranking.
    mutating func hybridSearch(vector: [Float], text: String, k: Int, filter: SearchFilter) throws -> [SearchHit] {
        guard k >= 1 else { throw RetrievalError.invalidResultCount(k) }
        guard vector.count == dimensions else { throw RetrievalError.dimensionMismatch(expected: dimensions, actual: vector.count) }
        let depth = max(k, Self.fusionDepth)
        let selection = try selection(for: filter)   // once, for both rankings
        let semantic = try search(vector: vector, k: depth, in: selection).hits
        let lexicalHits = lexical.score(text, accept: acceptance(subset: selection.subset, timeRange: filter.timeRange), limit: depth)
        guard !lexicalHits.isEmpty else { return Array(semantic.prefix(k)) }

        let weights = FusionWeights.for(text)
        var fused: [Int32: Float] = [:]
        var cosine: [Int32: Float] = [:]
        for (rank, hit) in semantic.enumerated() {
            guard let slot = slotsByID[hit.id] else { continue }
            fused[slot, default: 0] += weights.vector / (Self.fusionConstant + Float(rank + 1))
            cosine[slot] = hit.score
        }
        for (rank, hit) in lexicalHits.enumerated() {
            fused[hit.slot, default: 0] += weights.lexical / (Self.fusionConstant + Float(rank + 1))
        }
        let query = DotProduct.normalised(vector) ?? vector
        return fused.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(k).compactMap { slot, _ in
            guard let record = records[Int(slot)] else { return nil }
            let score = cosine[slot] ?? similarity(query, slot)
            return SearchHit(record: record, score: score)
        }
    }

    /// The cosine of a normalised query with the vector in `slot`.
    func similarity(_ query: [Float], _ slot: Int32) -> Float {
        let start = Int(slot) * dimensions
        return query.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { rows in DotProduct.compute(q.baseAddress!, rows.baseAddress! + start, count: dimensions) }
        }
    }
}
