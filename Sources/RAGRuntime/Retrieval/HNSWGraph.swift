import Foundation
import TelemetryModel

/// A hierarchical navigable small world graph over the rows of a flat vector buffer.
///
/// ## Layout
/// Node `i` is row `i` of the vector buffer. All links live in one flat `[Int32]`: each node owns
/// a block at ``offsets``[i] holding its layer-0 list (a count, then `2·m` slots) followed by one
/// list per upper layer (a count, then `m` slots). Nothing is allocated per node, and a node's
/// links are contiguous in memory.
///
/// ## Deletion
/// The graph never removes nodes: deleted documents stay as routing points and the search's
/// `accept` predicate hides them, as hnswlib's `markDelete` does.
struct HNSWGraph: Sendable {
    let parameters: HNSWParameters
    /// The bottom layer's degree limit, `2·m`.
    var maxDegree0: Int { parameters.m * 2 }
    /// The block offset of each node in ``links``.
    private(set) var offsets: [Int] = []
    /// The top layer of each node.
    private(set) var levels: [UInt8] = []
    /// Every adjacency list, flat (see "Layout").
    var links: [Int32] = []
    /// The node searches start from, or -1 while the graph is empty.
    private(set) var entryPoint: Int32 = -1
    /// The top layer of ``entryPoint``.
    private(set) var maxLevel: Int = -1
    private(set) var random: SplitMix64

    // Scratch space reused by every search, so searching allocates only its result.
    var visited = VisitedSet()
    var candidates = ScoredHeap(order: .bestFirst)
    var results = ScoredHeap(order: .worstFirst)

    init(parameters: HNSWParameters) {
        self.parameters = parameters
        random = SplitMix64(seed: parameters.seed)
    }

    /// The number of nodes.
    var count: Int { levels.count }

    /// Where the adjacency list of `node` on `level` starts in ``links`` (the count slot).
    @inline(__always)
    func listOffset(_ node: Int32, level: Int) -> Int {
        let base = offsets[Int(node)]
        return level == 0 ? base : base + maxDegree0 + 1 + (level - 1) * (parameters.m + 1)
    }

    /// A layer drawn from the exponential distribution with rate `ln(m)`, as in the paper.
    mutating func randomLevel() -> Int {
        let uniform = Double(random.next() >> 11) / Double(1 << 53)
        let level = -log(max(uniform, .leastNonzeroMagnitude)) / log(Double(parameters.m))
        return min(Int(level), 32)
    }

    /// Adds an unlinked node on layers `0...level`.
    mutating func appendNode(level: Int) -> Int32 {
        let node = Int32(levels.count)
        offsets.append(links.count)
        levels.append(UInt8(level))
        links.append(contentsOf: repeatElement(0, count: maxDegree0 + 1 + level * (parameters.m + 1)))
        return node
    }

    /// Makes `node` the entry point when it reaches a higher layer than the current one.
    mutating func promoteIfHigher(_ node: Int32) {
        let level = Int(levels[Int(node)])
        if level > maxLevel {
            entryPoint = node
            maxLevel = level
        }
    }
}

extension HNSWGraph {
    /// The graph's arrays, for persistence.
    struct Snapshot: Sendable {
        var levels: [UInt8]
        var links: [Int32]
        var entryPoint: Int32
        var maxLevel: Int
        var randomState: UInt64
    }

    var snapshot: Snapshot {
        Snapshot(levels: levels, links: links, entryPoint: entryPoint, maxLevel: maxLevel, randomState: random.state)
    }

    /// Restores a graph saved with ``snapshot``.
    init(parameters: HNSWParameters, snapshot: Snapshot) {
        self.parameters = parameters
        levels = snapshot.levels
        var offset = 0
        offsets.reserveCapacity(levels.count)
        for level in levels {
            offsets.append(offset)
            offset += parameters.m * 2 + 1 + Int(level) * (parameters.m + 1)
        }
        links = snapshot.links
        entryPoint = snapshot.entryPoint
        maxLevel = snapshot.maxLevel
        random = SplitMix64(seed: snapshot.randomState)
    }
}
