/// A set of node ids as a bitset: one bit per node, O(1) insert and lookup, no hashing.
struct NodeSet: Sendable, Equatable {
    private(set) var words: [UInt64]

    /// An empty set able to hold ids `0..<capacity`.
    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    /// Grows the set so it can hold ids `0..<capacity`.
    mutating func reserve(_ capacity: Int) {
        let needed = (capacity + 63) / 64
        if needed > words.count { words.append(contentsOf: repeatElement(0, count: needed - words.count)) }
    }

    @inline(__always)
    func contains(_ node: Int32) -> Bool {
        let index = Int(node)
        let word = index >> 6
        return word < words.count && words[word] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ node: Int32) {
        let index = Int(node)
        reserve(index + 1)
        words[index >> 6] |= 1 << UInt64(index & 63)
    }
}

/// The "visited" marks of a graph search, cleared in O(1) by bumping an epoch.
///
/// Each node holds the epoch in which it was last visited; starting a search increments the epoch,
/// which unmarks every node at once. The marks are reused across searches, so a search allocates
/// nothing.
struct VisitedSet: Sendable {
    private var marks: [UInt32] = []
    private var epoch: UInt32 = 0

    /// Starts a new search over `count` nodes.
    mutating func reset(count: Int) {
        if marks.count < count { marks.append(contentsOf: repeatElement(0, count: count - marks.count)) }
        if epoch == UInt32.max {
            for index in marks.indices { marks[index] = 0 }
            epoch = 0
        }
        epoch += 1
    }

    /// Runs `body` with the marks as a raw pointer and the current epoch, for hot loops.
    mutating func withMarks<Result>(_ body: (UnsafeMutablePointer<UInt32>, UInt32) -> Result) -> Result {
        let epoch = epoch
        return marks.withUnsafeMutableBufferPointer { body($0.baseAddress!, epoch) }
    }
}
