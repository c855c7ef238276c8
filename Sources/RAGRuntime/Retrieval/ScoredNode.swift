/// A node of the index and its similarity to the current query.
struct ScoredNode: Sendable, Equatable {
    var similarity: Float
    var node: Int32
}

/// A binary heap of ``ScoredNode``s, kept as a flat array.
///
/// `bestFirst` pops the most similar node (the HNSW candidate queue); `worstFirst` pops the least
/// similar (the bounded result set, whose top is the node to evict). Ties break on the node id,
/// so results are reproducible.
struct ScoredHeap: Sendable {
    enum Order: Sendable { case bestFirst, worstFirst }

    private(set) var elements: [ScoredNode] = []
    let order: Order

    init(order: Order, capacity: Int = 0) {
        self.order = order
        elements.reserveCapacity(capacity)
    }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }
    var top: ScoredNode? { elements.first }

    /// Empties the heap, keeping its storage.
    mutating func removeAll() { elements.removeAll(keepingCapacity: true) }

    @inline(__always)
    private func above(_ lhs: ScoredNode, _ rhs: ScoredNode) -> Bool {
        switch order {
        case .bestFirst: lhs.similarity > rhs.similarity || (lhs.similarity == rhs.similarity && lhs.node < rhs.node)
        case .worstFirst: lhs.similarity < rhs.similarity || (lhs.similarity == rhs.similarity && lhs.node > rhs.node)
        }
    }

    mutating func push(_ element: ScoredNode) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard above(elements[child], elements[parent]) else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> ScoredNode? {
        guard let first = elements.first else { return nil }
        let last = elements.removeLast()
        guard !elements.isEmpty else { return first }
        elements[0] = last
        var parent = 0
        let count = elements.count
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < count, above(elements[left], elements[best]) { best = left }
            if right < count, above(elements[right], elements[best]) { best = right }
            if best == parent { break }
            elements.swapAt(parent, best)
            parent = best
        }
        return first
    }

    /// The elements, most similar first.
    func sortedBestFirst() -> [ScoredNode] {
        elements.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.node < $1.node) }
    }
}
