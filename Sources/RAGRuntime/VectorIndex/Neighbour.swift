/// One search result: the id a vector was added at, and its distance to the query (lower is closer;
/// see ``DistanceMetric`` for the scale).
public struct Neighbour: Sendable, Hashable {
    public var id: Int
    public var distance: Float

    public init(id: Int, distance: Float) {
        self.id = id
        self.distance = distance
    }
}

/// A node and its internal score during a walk (lower is closer).
struct Scored: Sendable, Equatable {
    var score: Float
    var node: Int32

    /// Orders by score, then by node, so equal scores come out in a reproducible order.
    @inline(__always)
    static func closerFirst(_ a: Scored, _ b: Scored) -> Bool {
        a.score < b.score || (a.score == b.score && a.node < b.node)
    }
}
