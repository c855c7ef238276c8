import Synchronization

/// Reads adjacency lists: in place for a search, or copied out under the node's lock while a
/// parallel build may be rewriting them.
protocol ListReader {
    func withNeighbours<Result>(of node: Int32, level: Int, _ body: (UnsafePointer<Int32>, Int) -> Result) -> Result
    var graph: GraphLinks { get }
}

/// Reads lists in place: for searches, when nothing writes.
struct DirectReader: ListReader {
    let graph: GraphLinks

    @inline(__always)
    func withNeighbours<Result>(of node: Int32, level: Int, _ body: (UnsafePointer<Int32>, Int) -> Result) -> Result {
        let list = graph.list(node, level: level)
        return body(list + 1, Int(list[0]))
    }
}

/// Copies a list out under its node's lock: for inserts while other threads insert too.
struct LockedReader: ListReader {
    let graph: GraphLinks
    let locks: NodeLocks
    /// Room for one layer-0 list, owned by the calling thread.
    let buffer: UnsafeMutablePointer<Int32>

    @inline(__always)
    func withNeighbours<Result>(of node: Int32, level: Int, _ body: (UnsafePointer<Int32>, Int) -> Result) -> Result {
        let list = graph.list(node, level: level)
        let count = locks.withLock(node) {
            let count = Int(list[0])
            buffer.update(from: list + 1, count: count)
            return count
        }
        return body(UnsafePointer(buffer), count)
    }
}

/// Striped locks over node ids, for the parallel build: node `i` is guarded by stripe `i mod 4096`.
///
/// A thread holds at most one stripe at a time, so stripes cannot deadlock. Holding is short: a
/// list copy, or a list rewrite.
final class NodeLocks: Sendable {
    private final class Stripe: Sendable {
        let mutex = Mutex(())
    }

    private let stripes: [Stripe]

    init(stripes: Int = 4096) {
        self.stripes = (0..<stripes).map { _ in Stripe() }
    }

    @inline(__always)
    func withLock<Result>(_ node: Int32, _ body: () -> Result) -> Result {
        stripes[Int(node) & (stripes.count &- 1)].mutex.withLock { _ in body() }
    }
}
