/// The reusable buffers of one searcher: visited marks and the two heaps of the beam search.
///
/// ## Visited marks
/// Each node holds the generation in which it was last visited (16 bits, as hnswlib does, to keep
/// the array small). Starting a search bumps the generation, which unmarks every node at once; only
/// when the counter wraps is the array cleared. So a search neither allocates nor clears memory.
///
/// One scratch serves one search at a time: give each thread its own.
public struct SearchScratch: Sendable {
    var marks: [UInt16] = []
    var generation: UInt16 = 0
    /// The candidate queue (a min-heap by score); it holds each node at most once.
    var candidates: [Scored] = []
    /// The result set (a max-heap by score, bounded by ef).
    var results: [Scored] = []

    /// An empty scratch; it grows to the index's size on first use.
    public init() {}

    /// Starts a search over `count` nodes with result sets up to `ef`, and returns the generation.
    mutating func begin(count: Int, ef: Int) -> UInt16 {
        if marks.count < count { marks.append(contentsOf: repeatElement(0, count: count - marks.count)) }
        if candidates.count < count + 1 { candidates.append(contentsOf: repeatElement(Scored(score: 0, node: 0), count: count + 1 - candidates.count)) }
        if results.count < ef + 2 { results.append(contentsOf: repeatElement(Scored(score: 0, node: 0), count: ef + 2 - results.count)) }
        if generation == UInt16.max {
            for index in marks.indices { marks[index] = 0 }
            generation = 0
        }
        generation += 1
        return generation
    }
}
