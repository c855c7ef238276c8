import QueryUnderstanding
import VectorIndex

extension EmbeddedIndex {
    /// How a search was answered; exposed for tests and for logging.
    enum SearchPlan: Sendable, Equatable {
        /// An exact scan over `candidates` live documents.
        case exact(candidates: Int)
        /// The HNSW walk, with `candidates` documents allowed by the filter (the index scans the
        /// allowed set exactly if a walk ever finds fewer than `min(k, candidates)`).
        case graph(candidates: Int)
    }

    /// The `k` live documents most similar to `vector` among those matching `filter`.
    ///
    /// ## Plan
    /// 1. The matching subset is sized first. A time window is a binary-searched range of the
    ///    time index, so its size is known without a scan; field conditions are evaluated on the
    ///    columnar copies (``FilterColumns``) of the documents in that range.
    /// 2. The subset becomes the vector index's filter (a bitset; none when every live document
    ///    matches and nothing is tombstoned), and the index's cost model picks an exact scan, a
    ///    filtered walk or a two-hop walk from its size (`VectorIndex`'s `SearchCostModel`). A
    ///    candidate set below ``EmbeddedVectorStore/Configuration/exactSearchThreshold`` or
    ///    ``EmbeddedVectorStore/Configuration/exactSearchFraction`` of the documents is always
    ///    scanned exactly.
    /// 3. A walk that finds fewer than `min(k, subset)` documents is followed by an exact scan.
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
        try search(vector: vector, k: k, in: selection, filter: indexFilter(for: selection))
    }

    /// The vector search over a computed ``Selection`` whose ``indexFilter(for:)`` the caller has.
    mutating func search(vector: [Float], k: Int, in selection: Selection, filter: IDFilter?) throws -> (hits: [SearchHit], plan: SearchPlan) {
        guard let query = DotProduct.normalised(vector) else { throw RetrievalError.invalidVector(id: "query") }
        guard liveCount > 0 else { return ([], .exact(candidates: 0)) }
        let candidateCount = selection.count
        guard candidateCount > 0 else { return ([], .exact(candidates: 0)) }
        let efSearch = configuration.hnsw.efSearch
        let strategy: SearchStrategy = prefersExactScan(candidates: candidateCount)
            ? .exact : vectors.strategy(for: filter, k: k, efSearch: efSearch)
        let neighbours: [Neighbour]
        do {
            neighbours = try vectors.search(query, k: k, efSearch: efSearch, filter: filter, strategy: strategy, scratch: &scratch)
        } catch {
            throw RetrievalError.invalidConfiguration("the vector index refused a checked query: \(error)")
        }
        // Inner product: the index's distance is the negated cosine.
        let hits = neighbours.compactMap { neighbour in
            records[neighbour.id].map { SearchHit(record: $0, score: -neighbour.distance) }
        }
        return (hits, strategy == .exact ? .exact(candidates: candidateCount) : .graph(candidates: candidateCount))
    }

    /// Whether a candidate set this small is always scanned (see ``EmbeddedVectorStore/Configuration``).
    func prefersExactScan(candidates: Int) -> Bool {
        candidates < configuration.exactSearchThreshold
            || Double(candidates) < configuration.exactSearchFraction * Double(liveCount)
    }

    /// The vector index's filter for `selection`: `nil` when it allows every slot (no filter, no
    /// tombstones), the live set when it allows every live document.
    func indexFilter(for selection: Selection) -> IDFilter? {
        let capacity = vectors.count
        if let subset = selection.subset {
            return subset.withUnsafeBufferPointer { IDFilter(capacity: capacity, allowing: $0) }
        }
        if selection.positions.count == liveCount { return tombstoneCount == 0 ? nil : live }
        return timeIndex.slots[selection.positions].withUnsafeBufferPointer { IDFilter(capacity: capacity, allowing: $0) }
    }

    /// The test a document must pass to enter the lexical ranking: with field conditions, in
    /// `filter` (``indexFilter(for:)`` of `selection`); otherwise live and inside the time window.
    /// Captures copies of the arrays, not `self`.
    func acceptance(_ selection: Selection, filter: IDFilter?) -> (Int32) -> Bool {
        if selection.subset != nil, let filter { return { node in filter.contains(Int(node)) } }
        let live = self.live
        guard let timeRange = selection.timeRange else { return { node in live.contains(Int(node)) } }
        let times = slotTimes
        let lower = timeRange.gte?.timeIntervalSince1970 ?? -.infinity
        let upper = timeRange.lte?.timeIntervalSince1970 ?? .infinity
        return { node in
            let time = times[Int(node)]
            return time >= lower && time <= upper && live.contains(Int(node))
        }
    }

    /// The live slots at `positions` of the time index whose records satisfy `predicate`, in time order.
    func matchingSlots(_ positions: Range<Int>, _ predicate: SlotPredicate) -> [Int32] {
        let slots = timeIndex.slots[positions]
        guard !predicate.isEmpty else { return Array(slots) }
        return predicate.filter(slots, records: records)
    }
}
