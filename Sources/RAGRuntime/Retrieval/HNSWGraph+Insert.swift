extension HNSWGraph {
    /// Links a new node, the next row of the vector buffer, into the graph (Algorithm 1).
    ///
    /// - Precondition: `rows` holds row `count` (the new node's vector).
    mutating func insert(rows: VectorRows) {
        let node = appendNode(level: randomLevel())
        let level = Int(levels[Int(node)])
        guard entryPoint >= 0 else {
            promoteIfHigher(node)
            return
        }
        let query = rows.row(node)
        var current = ScoredNode(similarity: rows.similarity(query, entryPoint), node: entryPoint)
        var layer = maxLevel
        while layer > level {
            current = greedyClosest(query: query, from: current, level: layer, rows: rows)
            layer -= 1
        }
        layer = min(level, maxLevel)
        while layer >= 0 {
            let found = searchLayer(
                query: query, entry: current, ef: parameters.efConstruction, level: layer, rows: rows, accept: { _ in true }
            )
            let neighbours = selectNeighbours(found, limit: parameters.m, rows: rows)
            setLinks(of: node, level: layer, to: neighbours.map(\.node))
            for neighbour in neighbours {
                connect(neighbour.node, to: node, similarity: neighbour.similarity, level: layer, rows: rows)
            }
            if let best = found.first { current = best }
            layer -= 1
        }
        promoteIfHigher(node)
    }

    /// The neighbour-selection heuristic (Algorithm 4): walking candidates best first, keep one
    /// only if it is more similar to the base than to every neighbour kept so far. This spreads
    /// links across directions instead of spending them all inside one cluster.
    ///
    /// - Parameter sorted: Candidates with their similarity to the base, best first.
    func selectNeighbours(_ sorted: [ScoredNode], limit: Int, rows: VectorRows) -> [ScoredNode] {
        guard sorted.count > limit else { return sorted }
        var selected: [ScoredNode] = []
        selected.reserveCapacity(limit)
        for candidate in sorted {
            if selected.count == limit { break }
            var diverse = true
            for kept in selected where rows.similarity(candidate.node, kept.node) > candidate.similarity {
                diverse = false
                break
            }
            if diverse { selected.append(candidate) }
        }
        return selected
    }

    /// Adds the link `node → newNeighbour`, re-selecting `node`'s list when it is full.
    private mutating func connect(_ node: Int32, to newNeighbour: Int32, similarity: Float, level: Int, rows: VectorRows) {
        let limit = level == 0 ? maxDegree0 : parameters.m
        let offset = listOffset(node, level: level)
        let degree = Int(links[offset])
        if degree < limit {
            links[offset + 1 + degree] = newNeighbour
            links[offset] = Int32(degree + 1)
            return
        }
        var candidates = [ScoredNode(similarity: similarity, node: newNeighbour)]
        candidates.reserveCapacity(degree + 1)
        for slot in 0..<degree {
            let existing = links[offset + 1 + slot]
            candidates.append(ScoredNode(similarity: rows.similarity(node, existing), node: existing))
        }
        candidates.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.node < $1.node) }
        setLinks(of: node, level: level, to: selectNeighbours(candidates, limit: limit, rows: rows).map(\.node))
    }

    /// Replaces the adjacency list of `node` on `level`.
    private mutating func setLinks(of node: Int32, level: Int, to neighbours: [Int32]) {
        let offset = listOffset(node, level: level)
        links[offset] = Int32(neighbours.count)
        for (slot, neighbour) in neighbours.enumerated() { links[offset + 1 + slot] = neighbour }
    }
}
