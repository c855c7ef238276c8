/// Binary heaps over raw buffers, for the inner loop of the beam search.
///
/// The buffers belong to a ``SearchScratch``; the heap value only holds the pointer and the size,
/// so pushes and pops neither allocate nor check uniqueness. `Order.min` pops the closest node (the
/// candidate queue); `Order.max` pops the farthest (the bounded result set, whose top is evicted).
struct ScoredHeap<Order: HeapOrder> {
    let base: UnsafeMutablePointer<Scored>
    private(set) var count = 0

    init(base: UnsafeMutablePointer<Scored>) { self.base = base }

    var isEmpty: Bool { count == 0 }
    /// The element popped next; only valid when not empty.
    var top: Scored { base[0] }

    @inline(__always)
    mutating func push(_ element: Scored) {
        var child = count
        count &+= 1
        while child > 0 {
            let parent = (child &- 1) >> 1
            guard Order.above(element.score, base[parent].score) else { break }
            base[child] = base[parent]
            child = parent
        }
        base[child] = element
    }

    @inline(__always)
    @discardableResult
    mutating func pop() -> Scored {
        let first = base[0]
        count &-= 1
        guard count > 0 else { return first }
        let last = base[count]
        var parent = 0
        while true {
            let left = 2 &* parent &+ 1
            guard left < count else { break }
            var child = left
            let right = left &+ 1
            if right < count, Order.above(base[right].score, base[left].score) { child = right }
            guard Order.above(base[child].score, last.score) else { break }
            base[parent] = base[child]
            parent = child
        }
        base[parent] = last
        return first
    }

    /// Replaces the top with `element` (a pop and a push in one sift).
    @inline(__always)
    mutating func replaceTop(_ element: Scored) {
        var parent = 0
        while true {
            let left = 2 &* parent &+ 1
            guard left < count else { break }
            var child = left
            let right = left &+ 1
            if right < count, Order.above(base[right].score, base[left].score) { child = right }
            guard Order.above(base[child].score, element.score) else { break }
            base[parent] = base[child]
            parent = child
        }
        base[parent] = element
    }

    /// The elements, closest first.
    func sortedClosestFirst() -> [Scored] {
        UnsafeBufferPointer(start: base, count: count).sorted(by: Scored.closerFirst)
    }
}

/// Which end of a ``ScoredHeap`` is on top.
protocol HeapOrder {
    static func above(_ a: Float, _ b: Float) -> Bool
}

/// The closest node on top.
enum MinFirst: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a < b }
}

/// The farthest node on top.
enum MaxFirst: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a > b }
}
