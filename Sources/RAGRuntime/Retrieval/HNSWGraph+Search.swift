extension HNSWGraph {
    /// The `k` accepted nodes most similar to `query`, best first.
    ///
    /// Descends greedily through the upper layers, then runs a beam search of width
    /// `max(ef, k)` on layer 0.
    ///
    /// ## Filtered traversal
    /// Every node is a stepping stone, but only nodes for which `accept` returns `true` enter the
    /// result set. While fewer than `ef` nodes have been accepted the search does not stop early:
    /// it keeps expanding until it has `ef` accepted nodes or has run out of candidates (hnswlib's
    /// filtered search). The caller falls back to an exact scan if that still yields fewer than `k`.
    mutating func search(
        query: UnsafePointer<Float>, k: Int, ef: Int, rows: VectorRows, accept: (Int32) -> Bool
    ) -> [ScoredNode] {
        guard entryPoint >= 0 else { return [] }
        var current = ScoredNode(similarity: rows.similarity(query, entryPoint), node: entryPoint)
        var level = maxLevel
        while level > 0 {
            current = greedyClosest(query: query, from: current, level: level, rows: rows)
            level -= 1
        }
        let found = searchLayer(query: query, entry: current, ef: max(ef, k), level: 0, rows: rows, accept: accept)
        return Array(found.prefix(k))
    }

    /// Hill-climbs on one layer to the node most similar to `query`.
    func greedyClosest(query: UnsafePointer<Float>, from start: ScoredNode, level: Int, rows: VectorRows) -> ScoredNode {
        var best = start
        var improved = true
        while improved {
            improved = false
            let offset = listOffset(best.node, level: level)
            let degree = Int(links[offset])
            for slot in 0..<degree {
                let neighbour = links[offset + 1 + slot]
                let similarity = rows.similarity(query, neighbour)
                if similarity > best.similarity {
                    best = ScoredNode(similarity: similarity, node: neighbour)
                    improved = true
                }
            }
        }
        return best
    }

    /// The beam search of one layer (Algorithm 2 of the paper), returning up to `ef` accepted
    /// nodes, best first.
    mutating func searchLayer(
        query: UnsafePointer<Float>, entry: ScoredNode, ef: Int, level: Int, rows: VectorRows, accept: (Int32) -> Bool
    ) -> [ScoredNode] {
        visited.reset(count: count)
        candidates.removeAll()
        results.removeAll()
        _ = visited.insert(entry.node)
        candidates.push(entry)
        if accept(entry.node) { results.push(entry) }
        var lowerBound = results.top?.similarity ?? -.infinity

        while let candidate = candidates.pop() {
            if candidate.similarity < lowerBound && results.count >= ef { break }
            let offset = listOffset(candidate.node, level: level)
            let degree = Int(links[offset])
            for slot in 0..<degree {
                let neighbour = links[offset + 1 + slot]
                guard visited.insert(neighbour) else { continue }
                let similarity = rows.similarity(query, neighbour)
                guard results.count < ef || similarity > lowerBound else { continue }
                let scored = ScoredNode(similarity: similarity, node: neighbour)
                candidates.push(scored)
                if accept(neighbour) {
                    results.push(scored)
                    if results.count > ef { results.pop() }
                }
                if let worst = results.top { lowerBound = worst.similarity }
            }
        }
        return results.sortedBestFirst()
    }
}
