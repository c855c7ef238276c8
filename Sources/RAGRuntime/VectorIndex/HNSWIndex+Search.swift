extension HNSWIndex {
    /// The `k` nearest vectors to `query` (closest first), using the index's own scratch.
    ///
    /// See ``search(_:k:efSearch:filter:scratch:)``.
    public mutating func search(_ query: [Float], k: Int, efSearch: Int? = nil, filter: IDFilter? = nil) throws(VectorIndexError) -> [Neighbour] {
        var scratch = self.scratch
        self.scratch = SearchScratch()
        defer { self.scratch = scratch }
        return try search(query, k: k, efSearch: efSearch, filter: filter, scratch: &scratch)
    }

    /// The `k` nearest vectors to `query` among those `filter` allows, closest first.
    ///
    /// ## Plan
    /// ``strategy(for:k:efSearch:)`` picks an exact scan or a graph walk from the filter's size
    /// (see ``SearchCostModel``). A walk descends the upper layers greedily and runs a beam search
    /// of width `max(efSearch, k)` on layer 0, testing the filter inside the walk. With int8
    /// quantisation the walk reads codes and the `ef` candidates are re-ranked with exact distances.
    /// If a filtered walk finds fewer than `min(k, allowed)` vectors, the allowed set is scanned
    /// exactly, so a filter never loses results.
    ///
    /// - Parameters:
    ///   - efSearch: The beam width; ``HNSWConfiguration/efSearch`` when `nil`.
    ///   - strategy: Forces a strategy instead of the cost model's choice (for benchmarks and tests).
    ///     A walk still falls back to an exact scan when it finds fewer than `min(k, allowed)`.
    ///   - scratch: One per concurrent searcher.
    /// - Returns: `min(k, count)` neighbours (`min(k, filter.count)` with a filter).
    /// - Throws: ``VectorIndexError/invalidResultCount(_:)``, ``VectorIndexError/dimensionMismatch(expected:actual:)``,
    ///   ``VectorIndexError/invalidVector(position:reason:)`` for a non-finite (or, angular, zero) query,
    ///   ``VectorIndexError/filterCapacityMismatch(expected:actual:)``.
    public func search(
        _ query: [Float], k: Int, efSearch: Int? = nil, filter: IDFilter? = nil, strategy forced: SearchStrategy? = nil,
        scratch: inout SearchScratch
    ) throws(VectorIndexError) -> [Neighbour] {
        guard k >= 1 else { throw .invalidResultCount(k) }
        guard query.count == dimensions else { throw .dimensionMismatch(expected: dimensions, actual: query.count) }
        if let filter, filter.capacity != count { throw .filterCapacityMismatch(expected: count, actual: filter.capacity) }
        let prepared = try preparedQuery(query)
        guard count > 0 else { return [] }
        let ef = max(efSearch ?? configuration.efSearch, k)
        let found: [Scored] = prepared.withUnsafeBufferPointer { queryBuffer in
            let query = queryBuffer.baseAddress!
            let chosen = forced ?? strategy(for: filter, k: k, efSearch: ef)
            if chosen == .exact { return scanForSearch(query: query, k: k, filter: filter) }
            let walked = walk(
                query: query, k: k, ef: ef, filter: chosen == .graph ? nil : filter, twoHop: chosen == .twoHopGraph, scratch: &scratch
            )
            // The guarantee: min(k, allowed) results. A walk falls short only on pathological graphs
            // (hundreds of exact duplicates, a filter the walk cannot reach); the scan is exact.
            if walked.count >= min(k, filter?.count ?? count) { return walked }
            return scanForSearch(query: query, k: k, filter: filter)
        }
        return found.map { Neighbour(id: Int($0.node), distance: metric.reported($0.score)) }
    }

    /// The strategy a search with `filter` would use.
    public func strategy(for filter: IDFilter?, k: Int, efSearch: Int? = nil) -> SearchStrategy {
        let ef = max(efSearch ?? configuration.efSearch, k)
        return SearchCostModel.strategy(
            count: count, allowed: filter?.count, k: k, ef: ef, m: configuration.m, stride: stride, walkRowBytes: quantizer?.codeStride,
            scanRowBytes: metric.usesDotProduct ? quantizer?.codeStride : nil
        )
    }

    /// The query padded to ``stride`` (normalised for the angular metric).
    func preparedQuery(_ query: [Float]) throws(VectorIndexError) -> [Float] {
        var padded = [Float](repeating: 0, count: stride)
        var norm: Float = 0
        for d in 0..<dimensions {
            guard query[d].isFinite else { throw .invalidVector(position: 0, reason: "the query holds a non-finite value at dimension \(d)") }
            padded[d] = query[d]
            norm += query[d] * query[d]
        }
        if metric == .angular {
            guard norm > 0, norm.isFinite else { throw .invalidVector(position: 0, reason: "the query has zero length, which has no angle") }
            let scale = 1 / norm.squareRoot()
            for d in 0..<dimensions { padded[d] *= scale }
        }
        return padded
    }
}
