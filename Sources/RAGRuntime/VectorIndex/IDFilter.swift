/// The set of vector ids a filtered search may return: a bitset with its population counted.
///
/// Ids are the positions the vectors were added at (`0..<index.count`). The search tests the
/// bitset inside the graph walk, and the cost model reads ``count`` to choose between an exact
/// scan of the allowed ids and a filtered graph walk.
///
/// ```swift
/// let recent = IDFilter(capacity: index.count) { id in timestamps[id] > cutoff }
/// let hits = try index.search(query, k: 10, filter: recent)
/// ```
public struct IDFilter: Sendable, Equatable {
    private(set) var words: [UInt64]
    /// The number of ids the filter covers (the index's count).
    public private(set) var capacity: Int
    /// The number of allowed ids.
    public private(set) var count: Int

    /// A filter over ids `0..<capacity` that allows none.
    public init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) >> 6)
        count = 0
    }

    /// A filter allowing the ids for which `isAllowed` returns `true`.
    public init(capacity: Int, where isAllowed: (Int) throws -> Bool) rethrows {
        self.init(capacity: capacity)
        for id in 0..<capacity where try isAllowed(id) { insert(id) }
    }

    /// A filter allowing `ids` (ids outside `0..<capacity` are ignored).
    public init(capacity: Int, allowing ids: some Sequence<Int>) {
        self.init(capacity: capacity)
        for id in ids where id >= 0 && id < capacity { insert(id) }
    }

    /// A filter allowing the ids in `ids` (ids outside `0..<capacity` are ignored): the
    /// non-generic form for callers in other modules, where a generic sequence would be iterated
    /// through witness tables (measured: about 100 ns an id, against 1-2 here).
    public init(capacity: Int, allowing ids: UnsafeBufferPointer<Int32>) {
        self.init(capacity: capacity)
        words.withUnsafeMutableBufferPointer { words in
            var added = 0
            for id in ids where id >= 0 && Int(id) < capacity {
                let bit: UInt64 = 1 << UInt64(id & 63)
                let word = Int(id) >> 6
                if words[word] & bit == 0 {
                    words[word] |= bit
                    added += 1
                }
            }
            count = added
        }
    }

    /// Allows `id`.
    public mutating func insert(_ id: Int) {
        precondition(id >= 0 && id < capacity, "id \(id) outside 0..<\(capacity)")
        let bit: UInt64 = 1 << UInt64(id & 63)
        if words[id >> 6] & bit == 0 {
            words[id >> 6] |= bit
            count += 1
        }
    }

    /// Disallows `id`.
    public mutating func remove(_ id: Int) {
        precondition(id >= 0 && id < capacity, "id \(id) outside 0..<\(capacity)")
        let bit: UInt64 = 1 << UInt64(id & 63)
        if words[id >> 6] & bit != 0 {
            words[id >> 6] &= ~bit
            count -= 1
        }
    }

    /// Covers one more id (`capacity` before the call), allowed or not: for a filter that follows
    /// an index as vectors are added.
    public mutating func append(_ allowed: Bool) {
        let id = capacity
        capacity += 1
        if words.count < (capacity + 63) >> 6 { words.append(0) }
        if allowed { insert(id) }
    }

    /// Whether `id` is allowed.
    public func contains(_ id: Int) -> Bool {
        id >= 0 && id < capacity && words[id >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// The allowed fraction of the ids, 0...1.
    public var selectivity: Double { capacity == 0 ? 0 : Double(count) / Double(capacity) }

    /// The allowed ids in increasing order.
    public var ids: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                result.append(index << 6 | remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
