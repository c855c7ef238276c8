import QueryUnderstanding

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
    /// 1. The matching subset is sized first. A time window is a binary-searched range of the
    ///    time index, so its size is known without a scan; field conditions are evaluated on the
    ///    columnar copies (``FilterColumns``) of the documents in that range.
    /// 2. A small subset (below ``EmbeddedVectorStore/Configuration/exactSearchThreshold`` or
    ///    ``EmbeddedVectorStore/Configuration/exactSearchFraction`` of the documents) is scanned
    ///    exactly: a SIMD dot product per document, a bounded heap for the top `k`.
    /// 3. Otherwise the HNSW graph is searched, admitting to the results only nodes in the subset
    ///    (a bitset) or, for a window alone, nodes whose timestamp is inside it. If that finds fewer
    ///    than `min(k, subset)` documents, the subset is scanned exactly.
    ///
    /// So a filter never loses hits: `min(k, matching documents)` come back.
    mutating func search(vector: [Float], k: Int, filter: SearchFilter) throws -> (hits: [SearchHit], plan: SearchPlan) {
        guard k >= 1 else { throw RetrievalError.invalidResultCount(k) }
        guard vector.count == dimensions else { throw RetrievalError.dimensionMismatch(expected: dimensions, actual: vector.count) }
        guard DotProduct.normalised(vector) != nil else { throw RetrievalError.invalidVector(id: "query") }
        return try search(vector: vector, k: k, in: selection(for: filter))
    }

    /// The documents a filter selects, computed once per query and shared by the rankings of a
    /// hybrid search.
    struct Selection {
        /// The positions of the filter's time window in the time index.
        let positions: Range<Int>
        /// With field conditions, the matching live slots (in time order); `nil` for a window alone.
        let subset: [Int32]?
        let timeRange: TimeRange?
        var count: Int { subset?.count ?? positions.count }
    }

    /// What `filter` selects. A time window alone is a range of the time index, counted by binary
    /// search and tested during traversal on the slot's timestamp; field conditions need the
    /// subset itself, evaluated on the columns of the documents in that range.
    ///
    /// - Throws: ``RetrievalError`` for a field condition the columns cannot evaluate.
    func selection(for filter: SearchFilter) throws -> Selection {
        let predicate = try SlotPredicate(filter.fields, columns: columns)
        let positions = timeIndex.positions(in: filter.timeRange)
        let subset: [Int32]? = filter.fields.isEmpty || liveCount == 0 ? nil : matchingSlots(positions, predicate)
        return Selection(positions: positions, subset: subset, timeRange: filter.timeRange)
    }

    /// The vector search over a computed ``Selection`` (`vector` already checked by the caller).
    mutating func search(vector: [Float], k: Int, in selection: Selection) throws -> (hits: [SearchHit], plan: SearchPlan) {
        guard let query = DotProduct.normalised(vector) else { throw RetrievalError.invalidVector(id: "query") }
        guard liveCount > 0 else { return ([], .exact(candidates: 0)) }
        let (positions, subset) = (selection.positions, selection.subset)
        let candidateCount = selection.count
        guard candidateCount > 0 else { return ([], .exact(candidates: 0)) }
        let wanted = min(k, candidateCount)

        let snapshot = vectors
        let found: (nodes: [ScoredNode], plan: SearchPlan) = query.withUnsafeBufferPointer { queryBuffer in
            snapshot.withUnsafeBufferPointer { buffer in
                let rows = VectorRows(base: buffer.baseAddress!, dimensions: dimensions)
                let queryPointer = queryBuffer.baseAddress!
                func scan() -> [ScoredNode] {
                    if let subset { return exactScan(query: queryPointer, slots: subset, k: k, rows: rows) }
                    return exactScan(query: queryPointer, slots: timeIndex.slots[positions], k: k, rows: rows)
                }
                if prefersExactScan(candidates: candidateCount) { return (scan(), .exact(candidates: candidateCount)) }
                let accept = acceptance(subset: subset, timeRange: selection.timeRange)
                let nodes = graph.search(query: queryPointer, k: k, ef: configuration.hnsw.efSearch, rows: rows, accept: accept)
                if nodes.count >= wanted { return (nodes, .graph(candidates: candidateCount)) }
                return (scan(), .graphThenExact(candidates: candidateCount))
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

    /// The test a graph node must pass to enter the results: in `subset` when there is one,
    /// otherwise live and inside `timeRange`. Captures copies of the arrays, not `self`.
    func acceptance(subset: [Int32]?, timeRange: TimeRange?) -> (Int32) -> Bool {
        if let subset {
            var allowed = NodeSet(capacity: records.count)
            for slot in subset { allowed.insert(slot) }
            return { [allowed] node in allowed.contains(node) }
        }
        let tombstones = self.tombstones
        guard let timeRange else { return { node in !tombstones.contains(node) } }
        let times = slotTimes
        let lower = timeRange.gte?.timeIntervalSince1970 ?? -.infinity
        let upper = timeRange.lte?.timeIntervalSince1970 ?? .infinity
        return { node in
            let time = times[Int(node)]
            return time >= lower && time <= upper && !tombstones.contains(node)
        }
    }

    /// The live slots at `positions` of the time index whose records satisfy `predicate`, in time order.
    func matchingSlots(_ positions: Range<Int>, _ predicate: SlotPredicate) -> [Int32] {
        let slots = timeIndex.slots[positions]
        guard !predicate.isEmpty else { return Array(slots) }
        return predicate.filter(slots, records: records)
    }

    /// The `k` most similar of `slots`, best first, by brute force.
    func exactScan(query: UnsafePointer<Float>, slots: some Sequence<Int32>, k: Int, rows: VectorRows) -> [ScoredNode] {
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
