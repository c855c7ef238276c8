/// `networking.k8s.io/v1` NetworkPolicy.
public struct NetworkPolicy: NamespacedResource, Equatable {
    public static let apiVersion = "networking.k8s.io/v1", kind = "NetworkPolicy", plural = "networkpolicies"
    public var metadata: ObjectMeta
    public var spec: NetworkPolicySpec?

    public init(metadata: ObjectMeta, spec: NetworkPolicySpec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
    }
}

public struct NetworkPolicySpec: Codable, Sendable, Equatable {
    public var podSelector: LabelSelector
    /// `Ingress`, `Egress` or both; a listed type with no rules denies all of that direction.
    public var policyTypes: [String]?
    public var ingress: [Rule]?
    public var egress: [Rule]?

    public init(podSelector: LabelSelector, policyTypes: [String]? = nil, ingress: [Rule]? = nil, egress: [Rule]? = nil) {
        self.podSelector = podSelector
        self.policyTypes = policyTypes
        self.ingress = ingress
        self.egress = egress
    }

    /// An ingress rule (`from`) or an egress rule (`to`) with its ports.
    public struct Rule: Codable, Sendable, Equatable {
        public var from: [Peer]?
        public var to: [Peer]?
        public var ports: [Port]?

        public init(from: [Peer]? = nil, to: [Peer]? = nil, ports: [Port]? = nil) {
            self.from = from
            self.to = to
            self.ports = ports
        }
    }

    public struct Peer: Codable, Sendable, Equatable {
        public var podSelector: LabelSelector?
        public var namespaceSelector: LabelSelector?
        public var ipBlock: IPBlock?

        public init(podSelector: LabelSelector? = nil, namespaceSelector: LabelSelector? = nil, ipBlock: IPBlock? = nil) {
            self.podSelector = podSelector
            self.namespaceSelector = namespaceSelector
            self.ipBlock = ipBlock
        }
    }

    public struct IPBlock: Codable, Sendable, Equatable {
        public var cidr: String
        public var except: [String]?
        public init(cidr: String, except: [String]? = nil) {
            self.cidr = cidr
            self.except = except
        }
    }

    public struct Port: Codable, Sendable, Equatable {
        public var `protocol`: String?
        public var port: IntOrString?
        public var endPort: Int?
        public init(protocol: String? = nil, port: IntOrString? = nil) {
            self.protocol = `protocol`
            self.port = port
        }
    }
}
