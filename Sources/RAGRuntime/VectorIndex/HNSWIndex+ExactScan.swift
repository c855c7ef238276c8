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

    /// The scan, specialised for one distance; walks the filter's bitset word by word.
    private func scan<D: QueryDistance>(_ distance: D, k: Int, filter: IDFilter?) -> [Scored] {
        var storage = [Scored](repeating: Scored(score: 0, node: 0), count: k + 1)
        return storage.withUnsafeMutableBufferPointer { buffer in
            var best = ScoredHeap<MaxFirst>(base: buffer.baseAddress!)
            @inline(__always) func consider(_ node: Int32) {
                let value = distance(node)
                if best.count < k {
                    best.push(Scored(score: value, node: node))
                } else if value < best.top.score {
                    best.replaceTop(Scored(score: value, node: node))
                }
            }
            if let filter {
                // A sparse filter's rows are not in sequence, so the hardware prefetcher cannot
                // follow them: take the allowed ids 32 at a time, prefetch their rows, then score
                // them, so the loads overlap instead of each row waiting for its own.
                filter.words.withUnsafeBufferPointer { words in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.scanBatch) { batch in
                        var pending = 0
                        @inline(__always) func drain() {
                            for slot in 0..<pending { consider(batch[slot]) }
                            pending = 0
                        }
                        for (index, word) in words.enumerated() {
                            var remaining = word
                            while remaining != 0 {
                                let node = Int32(index << 6 | remaining.trailingZeroBitCount)
                                distance.prefetch(node)
                                batch[pending] = node
                                pending &+= 1
                                if pending == Self.scanBatch { drain() }
                                remaining &= remaining &- 1
                            }
                        }
                        drain()
                    }
                }
            } else {
                for id in 0..<count { consider(Int32(id)) }
            }
            return best.sortedClosestFirst()
        }
    }
}
