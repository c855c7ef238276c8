/// How the index compares vectors. Every distance is "lower is closer".
///
/// - ``angular``: cosine distance `1 - cos(a, b)`. Vectors are L2-normalised when added and when
///   queried, so the graph walk uses a dot product.
/// - ``innerProduct``: `-dot(a, b)`, for maximum-inner-product search on vectors used as they are.
/// - ``l2``: squared Euclidean distance.
public enum DistanceMetric: String, Sendable, Codable, CaseIterable, Hashable {
    case angular
    case innerProduct = "ip"
    case l2

    /// Whether vectors are compared by a dot product (after normalising, for ``angular``).
    var usesDotProduct: Bool { self != .l2 }

    /// The stable code written into index files.
    var fileCode: UInt32 {
        switch self {
        case .angular: 1
        case .innerProduct: 2
        case .l2: 3
        }
    }

    init?(fileCode: UInt32) {
        guard let metric = Self.allCases.first(where: { $0.fileCode == fileCode }) else { return nil }
        self = metric
    }

    /// The reported distance for an internal score (`-dot` for the dot-product metrics).
    @inline(__always)
    func reported(_ score: Float) -> Float {
        self == .angular ? 1 + score : score
    }
}
