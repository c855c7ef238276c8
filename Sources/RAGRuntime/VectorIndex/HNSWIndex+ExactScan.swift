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

    /// Scans the allowed rows in order, keeping the `k` closest in a bounded heap.
    func exactScan(query: UnsafePointer<Float>, k: Int, filter: IDFilter?) -> [Scored] {
        var storage = [Scored](repeating: Scored(score: 0, node: 0), count: k + 1)
        return vectors.withUnsafeBufferPointer { rowBuffer in
            let score = exactDistance(query: query, rows: rowBuffer.baseAddress!)
            return storage.withUnsafeMutableBufferPointer { buffer in
                var best = ScoredHeap<MaxFirst>(base: buffer.baseAddress!)
                func consider(_ node: Int32) {
                    let value = score(node)
                    if best.count < k {
                        best.push(Scored(score: value, node: node))
                    } else if value < best.top.score {
                        best.replaceTop(Scored(score: value, node: node))
                    }
                }
                if let filter {
                    for id in filter.ids { consider(Int32(id)) }
                } else {
                    for id in 0..<count { consider(Int32(id)) }
                }
                return best.sortedClosestFirst()
            }
        }
    }
}
