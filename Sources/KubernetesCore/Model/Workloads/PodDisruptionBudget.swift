/// `policy/v1` PodDisruptionBudget.
public struct PodDisruptionBudget: NamespacedResource, Equatable {
    public static let apiVersion = "policy/v1", kind = "PodDisruptionBudget", plural = "poddisruptionbudgets"
    public var metadata: ObjectMeta
    public var spec: Spec?
    public var status: JSONValue?

    public struct Spec: Codable, Sendable, Equatable {
        public var selector: LabelSelector?
        public var minAvailable: IntOrString?
        public var maxUnavailable: IntOrString?
        public init(selector: LabelSelector? = nil, minAvailable: IntOrString? = nil, maxUnavailable: IntOrString? = nil) {
            self.selector = selector
            self.minAvailable = minAvailable
            self.maxUnavailable = maxUnavailable
        }
    }

    public init(metadata: ObjectMeta, spec: Spec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
