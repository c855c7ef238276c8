extension HNSWIndex {
    /// The exact `k` nearest vectors to `query` among those `filter` allows, closest first: a
    /// brute-force scan. The benchmark's ground truth, and the plan for small filtered sets.
    ///
    /// - Throws: As ``search(_:k:efSearch:filter:scratch:)``.
    public func exactSearch(_ query: [Float], k: Int, filter: IDFilter? = nil) throws(VectorIndexError) -> [Neighbour] {
        guard k >= 1 else { throw .invalidResultCount(k) }
        guard query.count == dimensions else { throw .dimensionMismatch(expected: dimensions, actual: query.count) }
        if let filter, filter.capacity != count { throw .filterCapacityMismatch(expected: count, actual: filter.capacity) }
        let prepared = try preparedQuery(query)
        guard count > 0 else { return [] }
        return prepared.withUnsafeBufferPointer { query in
            exactScan(query: query.baseAddress!, k: k, filter: filter)
        }.map { Neighbour(id: Int($0.node), distance: metric.reported($0.score)) }
    }

    /// The exact distance between the stored vector `id` and `query` (reported scale).
    public func distance(from query: [Float], to id: Int) throws(VectorIndexError) -> Float {
        guard query.count == dimensions else { throw .dimensionMismatch(expected: dimensions, actual: query.count) }
        let prepared = try preparedQuery(query)
        return prepared.withUnsafeBufferPointer { query in
            vectors.withUnsafeBufferPointer { rows in
                metric.reported(exactDistance(query: query.baseAddress!, rows: rows.baseAddress!)(Int32(id)))
            }
        }
    }

    /// How many allowed rows a filtered scan prefetches before scoring them.
    static var scanBatch: Int { 32 }

    /// Scans the allowed rows in order, keeping the `k` closest in a bounded heap.
    func exactScan(query: UnsafePointer<Float>, k: Int, filter: IDFilter?) -> [Scored] {
        vectors.withUnsafeBufferPointer { rowBuffer in
            let rows = rowBuffer.baseAddress!
            if metric.usesDotProduct {
                return scan(FloatDotDistance(query: query, rows: rows, stride: stride), k: k, filter: filter)
            }
            return scan(FloatL2Distance(query: query, rows: rows, stride: stride), k: k, filter: filter)
        }
    }

    /// The scan of a search (``SearchStrategy/exact``): on a quantised dot-product index it reads
    /// the code rows (a quarter of the bytes) and re-ranks with the `Float` rows every candidate
    /// whose estimate is within ``ScalarQuantizer/dotErrorMargin(query:)`` of the k-th estimate, so
    /// it returns the exact top k unless a rounding error passes six standard deviations. Otherwise
    /// it is ``exactScan(query:k:filter:)``.
    func scanForSearch(query: UnsafePointer<Float>, k: Int, filter: IDFilter?) -> [Scored] {
        guard let quantizer, metric.usesDotProduct else { return exactScan(query: query, k: k, filter: filter) }
        return withCodeDotDistance(query: query, quantizer: quantizer) { distance, margin in
            rerank(scan(distance, k: k, filter: filter, margin: margin)[...], k: k, query: query)
        }
    }

    /// The scan, specialised for one distance; walks the filter's bitset word by word.
    ///
    /// - Parameter margin: `nil`: returns the `k` closest, closest first. Otherwise the scores are
    ///   estimates and it returns (unordered) every row whose estimate is within `margin` of the
    ///   k-th closest estimate: the candidates a re-rank needs.
    private func scan<D: QueryDistance>(_ distance: D, k: Int, filter: IDFilter?, margin: Float? = nil) -> [Scored] {
        var storage = [Scored](repeating: Scored(score: 0, node: 0), count: k + 1)
        // Every row that was within the margin of the k-th estimate when it was scored; pruned to
        // the current bound whenever it doubles (the bound only falls, so nothing needed is lost).
        var band: [Scored] = []
        var pruneAt = 4 &* k &+ 64
        return storage.withUnsafeMutableBufferPointer { buffer in
            var best = ScoredHeap<MaxFirst>(base: buffer.baseAddress!)
            @inline(__always) func consider(_ node: Int32) {
                let value = distance(node)
                if let margin {
                    guard best.count < k || value <= best.top.score + margin else { return }
                    band.append(Scored(score: value, node: node))
                    if band.count >= pruneAt {
                        let cutoff = best.count < k ? Float.infinity : best.top.score + margin
                        band.removeAll { $0.score > cutoff }
                        pruneAt = max(pruneAt, 2 &* band.count)
                    }
                }
                if best.count < k {
                    best.push(Scored(score: value, node: node))
                } else if value < best.top.score {
                    best.replaceTop(Scored(score: value, node: node))
                }
            }
            visitAllowed(filter: filter, prefetch: distance.prefetch, consider)
            guard let margin else { return best.sortedClosestFirst() }
            let cutoff = best.count < k ? Float.infinity : best.top.score + margin
            return band.filter { $0.score <= cutoff }
        }
    }

    /// Calls `body` with every id `filter` allows (every id without one), in order.
    ///
    /// A sparse filter's rows are not in sequence, so the hardware prefetcher cannot follow them:
    /// the allowed ids are taken ``scanBatch`` at a time, their rows prefetched, then scored, so the
    /// loads overlap instead of each row waiting for its own.
    @inline(__always)
    private func visitAllowed(filter: IDFilter?, prefetch: (Int32) -> Void, _ body: (Int32) -> Void) {
        guard let filter else {
            for id in 0..<count { body(Int32(id)) }
            return
        }
        filter.words.withUnsafeBufferPointer { words in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.scanBatch) { batch in
                var pending = 0
                @inline(__always) func drain() {
                    for slot in 0..<pending { body(batch[slot]) }
                    pending = 0
                }
                for (index, word) in words.enumerated() {
                    var remaining = word
                    while remaining != 0 {
                        let node = Int32(index << 6 | remaining.trailingZeroBitCount)
                        prefetch(node)
                        batch[pending] = node
                        pending &+= 1
                        if pending == Self.scanBatch { drain() }
                        remaining &= remaining &- 1
                    }
                }
                drain()
            }
        }
    }
}
