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
    ///
    /// The loop runs on raw pointers into the link, offset and visited arrays, so it neither
    /// allocates nor bounds-checks per neighbour.
    mutating func searchLayer(
        query: UnsafePointer<Float>, entry: ScoredNode, ef: Int, level: Int, rows: VectorRows, accept: (Int32) -> Bool
    ) -> [ScoredNode] {
        var scratch = Scratch(visited: visited, candidates: candidates, results: results)
        // Hand the scratch buffers to the loop and take them back, so they stay uniquely owned.
        (visited, candidates, results) = (VisitedSet(), ScoredHeap(order: .bestFirst), ScoredHeap(order: .worstFirst))
        scratch.visited.reset(count: count)
        let layout = Layout(m: parameters.m, level: level)
        links.withUnsafeBufferPointer { links in
            offsets.withUnsafeBufferPointer { offsets in
                Self.beamSearch(
                    query: query, entry: entry, ef: ef, layout: layout, links: links.baseAddress!,
                    offsets: offsets.baseAddress!, rows: rows, scratch: &scratch, accept: accept
                )
            }
        }
        let found = scratch.results.sortedBestFirst()
        (visited, candidates, results) = (scratch.visited, scratch.candidates, scratch.results)
        return found
    }

    /// The reusable buffers of one search.
    struct Scratch {
        var visited: VisitedSet
        var candidates: ScoredHeap
        var results: ScoredHeap
    }

    /// Where a layer's list starts inside a node's block.
    struct Layout {
        let listStart: Int
        init(m: Int, level: Int) {
            listStart = level == 0 ? 0 : 2 * m + 1 + (level - 1) * (m + 1)
        }
    }

    private static func beamSearch(
        query: UnsafePointer<Float>, entry: ScoredNode, ef: Int, layout: Layout, links: UnsafePointer<Int32>,
        offsets: UnsafePointer<Int>, rows: VectorRows, scratch: inout Scratch, accept: (Int32) -> Bool
    ) {
        scratch.candidates.removeAll()
        scratch.results.removeAll()
        scratch.visited.withMarks { marks, epoch in
            marks[Int(entry.node)] = epoch
            scratch.candidates.push(entry)
            if accept(entry.node) { scratch.results.push(entry) }
            var lowerBound = scratch.results.top?.similarity ?? -.infinity
            while let candidate = scratch.candidates.pop() {
                if candidate.similarity < lowerBound && scratch.results.count >= ef { break }
                let list = links + offsets[Int(candidate.node)] + layout.listStart
                let degree = Int(list[0])
                var slot = 1
                while slot <= degree {
                    let neighbour = list[slot]
                    slot += 1
                    if marks[Int(neighbour)] == epoch { continue }
                    marks[Int(neighbour)] = epoch
                    let similarity = rows.similarity(query, neighbour)
                    guard scratch.results.count < ef || similarity > lowerBound else { continue }
                    let scored = ScoredNode(similarity: similarity, node: neighbour)
                    scratch.candidates.push(scored)
                    if accept(neighbour) {
                        scratch.results.push(scored)
                        if scratch.results.count > ef { scratch.results.pop() }
                    }
                    if let worst = scratch.results.top { lowerBound = worst.similarity }
                }
            }
        }
    }
}
