/// `apps/v1` Deployment.
public struct Deployment: NamespacedResource, Equatable {
    public static let apiVersion = "apps/v1", kind = "Deployment", plural = "deployments"
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec?
    public var status: DeploymentStatus?

    public init(metadata: ObjectMeta, spec: DeploymentSpec? = nil) {
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

public struct DeploymentSpec: Codable, Sendable, Equatable {
    public var replicas: Int?
    public var selector: LabelSelector
    public var template: PodTemplateSpec
    public var strategy: DeploymentStrategy?
    public var minReadySeconds: Int?
    public var revisionHistoryLimit: Int?
    public var progressDeadlineSeconds: Int?

    public init(replicas: Int? = nil, selector: LabelSelector, template: PodTemplateSpec) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
    }
}

public struct DeploymentStrategy: Codable, Sendable, Equatable {
    /// `RollingUpdate` or `Recreate`.
    public var type: String?
    public var rollingUpdate: RollingUpdate?

    public struct RollingUpdate: Codable, Sendable, Equatable {
        public var maxUnavailable: IntOrString?
        public var maxSurge: IntOrString?
        public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
            self.maxUnavailable = maxUnavailable
            self.maxSurge = maxSurge
        }
    }

    public init(type: String? = nil, rollingUpdate: RollingUpdate? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

public struct DeploymentStatus: Codable, Sendable, Equatable {
    public var observedGeneration: Int64?
    public var replicas: Int?
    public var updatedReplicas: Int?
    public var readyReplicas: Int?
    public var availableReplicas: Int?
    public var unavailableReplicas: Int?
    public var conditions: [DeploymentCondition]?

    public init() {}
}

/// Deployment conditions use `lastUpdateTime` in addition to the standard fields.
public struct DeploymentCondition: Codable, Sendable, Equatable {
    public var type: String
    public var status: String
    public var reason: String?
    public var message: String?
    public var lastUpdateTime: Timestamp?
    public var lastTransitionTime: Timestamp?

    public init(type: String, status: String, reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
    }
}
