/// A node of the index and its similarity to the current query.
struct ScoredNode: Sendable, Equatable {
    var similarity: Float
    var node: Int32
}

/// A binary heap of ``ScoredNode``s, kept as a flat array.
///
/// `bestFirst` pops the most similar node (the HNSW candidate queue); `worstFirst` pops the least
/// similar (the bounded result set, whose top is the node to evict). Sifting works on the raw
/// buffer. Equal similarities are not reordered; ``sortedBestFirst()`` breaks ties on the node id,
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

    mutating func push(_ element: ScoredNode) {
        elements.append(element)
        let order = self.order
        elements.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            let bestFirst = order == .bestFirst
            while child > 0 {
                let parent = (child - 1) / 2
                let moves = bestFirst ? element.similarity > heap[parent].similarity : element.similarity < heap[parent].similarity
                guard moves else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = element
        }
    }

    @discardableResult
    mutating func pop() -> ScoredNode? {
        guard let first = elements.first else { return nil }
        let last = elements.removeLast()
        guard !elements.isEmpty else { return first }
        let bestFirst = order == .bestFirst
        elements.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                var child = left
                let right = left + 1
                if right < count {
                    let rightAbove = bestFirst ? heap[right].similarity > heap[left].similarity : heap[right].similarity < heap[left].similarity
                    if rightAbove { child = right }
                }
                let childAbove = bestFirst ? heap[child].similarity > last.similarity : heap[child].similarity < last.similarity
                guard childAbove else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
        }
        return first
    }

    /// The elements, most similar first.
    func sortedBestFirst() -> [ScoredNode] {
        elements.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.node < $1.node) }
    }
}
