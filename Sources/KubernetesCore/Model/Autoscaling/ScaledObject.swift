/// KEDA's `keda.sh/v1alpha1` ScaledObject: scales a workload on event sources (triggers). KEDA turns
/// it into a HorizontalPodAutoscaler (`keda-hpa-<name>`) fed by its metrics server.
///
/// Only what the operator writes is modelled. KEDA's trigger `metadata` is a map of strings: numbers
/// (thresholds, periods) are strings too.
///
/// ```swift
/// let scaled = ScaledObject(metadata: ObjectMeta(name: "rag-vllm", namespace: "rag"), spec: .init(
///     scaleTargetRef: .init(name: "rag-vllm"), minReplicaCount: 1, maxReplicaCount: 4,
///     triggers: [.init(type: "prometheus", metadata: ["serverAddress": "http://prometheus:9090", "query": "…", "threshold": "5"])]))
/// ```
public struct ScaledObject: NamespacedResource, Equatable {
    public static let apiVersion = "keda.sh/v1alpha1", kind = "ScaledObject", plural = "scaledobjects"
    public var metadata: ObjectMeta
    public var spec: Spec?
    public var status: JSONValue?

    public init(metadata: ObjectMeta, spec: Spec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public struct Spec: Codable, Sendable, Equatable {
        public var scaleTargetRef: ScaleTarget
        /// Seconds between trigger checks (KEDA's default 30).
        public var pollingInterval: Int?
        /// Seconds after the last active trigger before scaling to `minReplicaCount` (KEDA's default 300).
        public var cooldownPeriod: Int?
        /// KEDA's default is 0; the operator always sets it.
        public var minReplicaCount: Int?
        /// KEDA's default is 100.
        public var maxReplicaCount: Int?
        public var triggers: [Trigger]

        public init(scaleTargetRef: ScaleTarget, minReplicaCount: Int? = nil, maxReplicaCount: Int? = nil, triggers: [Trigger]) {
            self.scaleTargetRef = scaleTargetRef
            self.minReplicaCount = minReplicaCount
            self.maxReplicaCount = maxReplicaCount
            self.triggers = triggers
        }
    }

    /// The workload to scale; a Deployment when `kind` is omitted.
    public struct ScaleTarget: Codable, Sendable, Equatable {
        public var apiVersion: String?
        public var kind: String?
        public var name: String

        public init(apiVersion: String? = nil, kind: String? = nil, name: String) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.name = name
        }
    }

    /// One event source. `metadata` values are strings, as KEDA's schema requires.
    public struct Trigger: Codable, Sendable, Equatable {
        /// The scaler: `prometheus`, `aws-cloudwatch`, …
        public var type: String
        public var name: String?
        /// `AverageValue` (per replica, the default) or `Value`.
        public var metricType: String?
        public var metadata: [String: String]
        public var authenticationRef: AuthenticationRef?

        public init(type: String, name: String? = nil, metricType: String? = nil, metadata: [String: String], authenticationRef: AuthenticationRef? = nil) {
            self.type = type
            self.name = name
            self.metricType = metricType
            self.metadata = metadata
            self.authenticationRef = authenticationRef
        }
    }

    /// A `TriggerAuthentication` in the same namespace (or a `ClusterTriggerAuthentication`).
    public struct AuthenticationRef: Codable, Sendable, Equatable {
        public var name: String
        public var kind: String?

        public init(name: String, kind: String? = nil) {
            self.name = name
            self.kind = kind
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
