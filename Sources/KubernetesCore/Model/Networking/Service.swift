/// `v1` Service.
public struct Service: NamespacedResource, Equatable {
    public static let apiVersion = "v1", kind = "Service", plural = "services"
    public var metadata: ObjectMeta
    public var spec: ServiceSpec?
    public var status: JSONValue?

    public init(metadata: ObjectMeta, spec: ServiceSpec? = nil) {
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

public struct ServiceSpec: Codable, Sendable, Equatable {
    /// `ClusterIP` (default), `NodePort`, `LoadBalancer` or `ExternalName`.
    public var type: String?
    public var selector: [String: String]?
    public var ports: [ServicePort]?
    public var clusterIP: String?
    public var sessionAffinity: String?

    public init(type: String? = nil, selector: [String: String]? = nil, ports: [ServicePort]? = nil) {
        self.type = type
        self.selector = selector
        self.ports = ports
    }
}

public struct ServicePort: Codable, Sendable, Equatable {
    public var name: String?
    public var port: Int
    public var targetPort: IntOrString?
    public var `protocol`: String?
    public var appProtocol: String?

    public init(name: String? = nil, port: Int, targetPort: IntOrString? = nil, protocol: String? = nil) {
        self.name = name
        self.port = port
        self.targetPort = targetPort
        self.protocol = `protocol`
    }
}

/// `v1` ServiceAccount.
public struct ServiceAccount: NamespacedResource, Equatable {
    public static let apiVersion = "v1", kind = "ServiceAccount", plural = "serviceaccounts"
    public var metadata: ObjectMeta
    public var automountServiceAccountToken: Bool?
    public var imagePullSecrets: [LocalObjectReference]?

    public init(metadata: ObjectMeta, automountServiceAccountToken: Bool? = nil) {
        self.metadata = metadata
        self.automountServiceAccountToken = automountServiceAccountToken
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(automountServiceAccountToken, forKey: .automountServiceAccountToken)
        try container.encodeIfPresent(imagePullSecrets, forKey: .imagePullSecrets)
    }
}
