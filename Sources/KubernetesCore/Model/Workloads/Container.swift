/// A container in a Pod.
public struct Container: Codable, Sendable, Equatable {
    public var name: String
    public var image: String?
    public var imagePullPolicy: String?
    public var command: [String]?
    public var args: [String]?
    public var env: [EnvVar]?
    public var envFrom: [JSONValue]?
    public var ports: [ContainerPort]?
    public var resources: ResourceRequirements?
    public var volumeMounts: [VolumeMount]?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var securityContext: SecurityContext?
    public var workingDir: String?

    public init(name: String, image: String? = nil) {
        self.name = name
        self.image = image
    }
}

public struct ContainerPort: Codable, Sendable, Hashable {
    public var name: String?
    public var containerPort: Int
    public var `protocol`: String?

    public init(name: String? = nil, containerPort: Int, protocol: String? = nil) {
        self.name = name
        self.containerPort = containerPort
        self.protocol = `protocol`
    }
}

public struct EnvVar: Codable, Sendable, Equatable {
    public var name: String
    public var value: String?
    public var valueFrom: EnvVarSource?

    public init(name: String, value: String? = nil, valueFrom: EnvVarSource? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

public struct EnvVarSource: Codable, Sendable, Equatable {
    public var secretKeyRef: KeySelector?
    public var configMapKeyRef: KeySelector?
    public var fieldRef: FieldSelector?

    public struct KeySelector: Codable, Sendable, Equatable {
        public var name: String
        public var key: String
        public var optional: Bool?
        public init(name: String, key: String, optional: Bool? = nil) {
            self.name = name
            self.key = key
            self.optional = optional
        }
    }

    public struct FieldSelector: Codable, Sendable, Equatable {
        public var fieldPath: String
        public var apiVersion: String?
        public init(fieldPath: String) { self.fieldPath = fieldPath }
    }

    public init(secretKeyRef: KeySelector? = nil, configMapKeyRef: KeySelector? = nil, fieldRef: FieldSelector? = nil) {
        self.secretKeyRef = secretKeyRef
        self.configMapKeyRef = configMapKeyRef
        self.fieldRef = fieldRef
    }
}

/// Requests and limits, by resource name (`cpu`, `memory`, `aws.amazon.com/neuron`), as quantity strings.
public struct ResourceRequirements: Codable, Sendable, Equatable {
    public var requests: [String: String]?
    public var limits: [String: String]?

    public init(requests: [String: String]? = nil, limits: [String: String]? = nil) {
        self.requests = requests
        self.limits = limits
    }

    /// Accepts quantities written as numbers (`cpu: 1`) as well as strings (`cpu: "500m"`), as
    /// custom resources keep what the user wrote.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requests = try container.decodeIfPresent([String: IntOrString].self, forKey: .requests)?.mapValues(\.quantityText)
        limits = try container.decodeIfPresent([String: IntOrString].self, forKey: .limits)?.mapValues(\.quantityText)
    }
}

extension IntOrString {
    /// The value as a Kubernetes quantity string (`1` becomes `"1"`).
    var quantityText: String {
        switch self {
        case .int(let number): String(number)
        case .string(let text): text
        }
    }
}

public struct SecurityContext: Codable, Sendable, Equatable {
    public var runAsNonRoot: Bool?
    public var runAsUser: Int64?
    public var readOnlyRootFilesystem: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var privileged: Bool?
    public var capabilities: Capabilities?
    public var seccompProfile: SeccompProfile?

    public struct Capabilities: Codable, Sendable, Equatable {
        public var add: [String]?
        public var drop: [String]?
        public init(add: [String]? = nil, drop: [String]? = nil) {
            self.add = add
            self.drop = drop
        }
    }

    public init() {}
}
