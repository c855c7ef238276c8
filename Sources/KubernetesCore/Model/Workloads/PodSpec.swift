/// A Pod template: the metadata and spec every replica is created from.
public struct PodTemplateSpec: Codable, Sendable, Equatable {
    public var metadata: ObjectMeta?
    public var spec: PodSpec?

    public init(metadata: ObjectMeta? = nil, spec: PodSpec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// The parts of `core/v1` PodSpec the operator sets. Unknown fields are not modelled.
public struct PodSpec: Codable, Sendable, Equatable {
    public var containers: [Container]
    public var initContainers: [Container]?
    public var volumes: [Volume]?
    public var serviceAccountName: String?
    public var automountServiceAccountToken: Bool?
    public var nodeSelector: [String: String]?
    public var tolerations: [Toleration]?
    public var affinity: JSONValue?
    public var topologySpreadConstraints: [JSONValue]?
    public var securityContext: PodSecurityContext?
    public var imagePullSecrets: [LocalObjectReference]?
    public var terminationGracePeriodSeconds: Int64?
    public var priorityClassName: String?
    public var restartPolicy: String?
    public var enableServiceLinks: Bool?

    public init(containers: [Container]) {
        self.containers = containers
    }
}

/// A reference to an object in the same namespace by name.
public struct LocalObjectReference: Codable, Sendable, Hashable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct Toleration: Codable, Sendable, Hashable {
    public var key: String?
    /// `Exists` or `Equal`.
    public var `operator`: String?
    public var value: String?
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String?
    public var tolerationSeconds: Int64?

    public init(key: String? = nil, operator: String? = nil, value: String? = nil, effect: String? = nil) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
    }
}

public struct PodSecurityContext: Codable, Sendable, Equatable {
    public var runAsNonRoot: Bool?
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var fsGroup: Int64?
    public var seccompProfile: SeccompProfile?

    public init() {}
}

public struct SeccompProfile: Codable, Sendable, Equatable {
    /// `RuntimeDefault`, `Localhost` or `Unconfined`.
    public var type: String
    public init(type: String) { self.type = type }
}
