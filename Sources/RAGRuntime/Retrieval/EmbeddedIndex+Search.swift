extension EmbeddedIndex {
    /// How a search was answered; exposed for tests and for logging.
    enum SearchPlan: Sendable, Equatable {
        /// An exact scan over `candidates` live documents.
        case exact(candidates: Int)
        /// HNSW traversal, with `candidates` documents allowed by the filter.
        case graph(candidates: Int)
        /// HNSW traversal found fewer than `k` allowed documents, so an exact scan followed.
        case graphThenExact(candidates: Int)
    }

    /// The `k` live documents most similar to `vector` among those matching `filter`.
    ///
    /// ## Plan
    /// 1. The matching subset is computed first: the time window is a binary-searched range of the
    ///    time index, and field conditions are tested on the records in that range.
    /// 2. A small subset (below ``EmbeddedVectorStore/Configuration/exactSearchThreshold`` or
    ///    ``EmbeddedVectorStore/Configuration/exactSearchFraction`` of the documents) is scanned
    ///    exactly: a SIMD dot product per document, a bounded heap for the top `k`.
    /// 3. Otherwise the HNSW graph is searched with the subset as the accept predicate, and if
    ///    that finds fewer than `min(k, subset)` documents the subset is scanned exactly.
    ///
    /// So a filter never loses hits: `min(k, matching documents)` come back.
    mutating func search(vector: [Float], k: Int, filter: SearchFilter) throws -> (hits: [SearchHit], plan: SearchPlan) {
        guard k >= 1 else { throw RetrievalError.invalidResultCount(k) }
        guard vector.count == dimensions else { throw RetrievalError.dimensionMismatch(expected: dimensions, actual: vector.count) }
        guard let query = DotProduct.normalised(vector) else { throw RetrievalError.invalidVector(id: "query") }
        let predicate = try SlotPredicate(filter.fields, columns: columns)
        guard liveCount > 0 else { return ([], .exact(candidates: 0)) }

        let subset: [Int32]? = filter.isEmpty ? nil : matchingSlots(filter.timeRange, predicate)
        let candidateCount = subset?.count ?? liveCount
        guard candidateCount > 0 else { return ([], .exact(candidates: 0)) }
        let wanted = min(k, candidateCount)

        let snapshot = vectors
        let found: (nodes: [ScoredNode], plan: SearchPlan) = query.withUnsafeBufferPointer { queryBuffer in
            snapshot.withUnsafeBufferPointer { buffer in
                let rows = VectorRows(base: buffer.baseAddress!, dimensions: dimensions)
                let queryPointer = queryBuffer.baseAddress!
                let allCandidates = subset ?? timeIndex.slots
                if prefersExactScan(candidates: candidateCount) {
                    return (exactScan(query: queryPointer, slots: allCandidates, k: k, rows: rows), .exact(candidates: candidateCount))
                }
                let tombstones = self.tombstones
                let allowed: NodeSet? = subset.map { subset in
                    var set = NodeSet(capacity: records.count)
                    for slot in subset { set.insert(slot) }
                    return set
                }
                let ef = configuration.hnsw.efSearch
                let nodes = graph.search(query: queryPointer, k: k, ef: ef, rows: rows) { node in
                    allowed?.contains(node) ?? !tombstones.contains(node)
                }
                if nodes.count >= wanted { return (nodes, .graph(candidates: candidateCount)) }
                return (exactScan(query: queryPointer, slots: allCandidates, k: k, rows: rows), .graphThenExact(candidates: candidateCount))
            }
        }
        let hits = found.nodes.compactMap { node in
            records[Int(node.node)].map { SearchHit(record: $0, score: node.similarity) }
        }
        return (hits, found.plan)
    }

    /// Whether a candidate set this small is cheaper, and exact, to scan.
    func prefersExactScan(candidates: Int) -> Bool {
        candidates < configuration.exactSearchThreshold
            || Double(candidates) < configuration.exactSearchFraction * Double(liveCount)
    }

    /// The live slots inside `range` whose records satisfy `predicate`, in time order.
    func matchingSlots(_ range: TimeRange?, _ predicate: SlotPredicate) -> [Int32] {
        let positions = timeIndex.positions(in: range)
        let slots = timeIndex.slots[positions]
        guard !predicate.isEmpty else { return Array(slots) }
        return slots.filter { slot in predicate.matches(slot) { records[Int(slot)] } }
    }

    /// The `k` most similar of `slots`, best first, by brute force.
    func exactScan(query: UnsafePointer<Float>, slots: [Int32], k: Int, rows: VectorRows) -> [ScoredNode] {
        var best = ScoredHeap(order: .worstFirst, capacity: k + 1)
        for slot in slots {
            let similarity = rows.similarity(query, slot)
            if best.count < k {
                best.push(ScoredNode(similarity: similarity, node: slot))
            } else if let worst = best.top, similarity > worst.similarity {
                best.pop()
                best.push(ScoredNode(similarity: similarity, node: slot))
            }
        }
        return best.sortedBestFirst()
    }
}
