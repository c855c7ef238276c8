/// `autoscaling/v2` HorizontalPodAutoscaler: scales a workload between bounds on metrics.
///
/// ```swift
/// let hpa = HorizontalPodAutoscaler(metadata: ObjectMeta(name: "rag-backend", namespace: "rag"), spec: .init(
///     scaleTargetRef: .init(apiVersion: "apps/v1", kind: "Deployment", name: "rag-backend"),
///     minReplicas: 2, maxReplicas: 10, metrics: [.cpuUtilization(70)]))
/// ```
///
/// The HPA writes the target's `spec.replicas` through its `scale` subresource, under its own field manager.
public struct HorizontalPodAutoscaler: NamespacedResource, Equatable {
    public static let apiVersion = "autoscaling/v2", kind = "HorizontalPodAutoscaler", plural = "horizontalpodautoscalers"
    public var metadata: ObjectMeta
    public var spec: Spec?
    /// Kept as sent: the operator reads only its conditions.
    public var status: JSONValue?

    public init(metadata: ObjectMeta, spec: Spec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public struct Spec: Codable, Sendable, Equatable {
        public var scaleTargetRef: CrossVersionObjectReference
        /// The API server's default is 1.
        public var minReplicas: Int?
        public var maxReplicas: Int
        /// An atomic list: replaced whole by server-side apply.
        public var metrics: [MetricSpec]?

        public init(scaleTargetRef: CrossVersionObjectReference, minReplicas: Int? = nil, maxReplicas: Int, metrics: [MetricSpec]? = nil) {
            self.scaleTargetRef = scaleTargetRef
            self.minReplicas = minReplicas
            self.maxReplicas = maxReplicas
            self.metrics = metrics
        }
    }

    /// One metric the HPA scales on; only `Resource` metrics are modelled.
    public struct MetricSpec: Codable, Sendable, Equatable {
        /// `Resource`, `Pods`, `Object`, `External` or `ContainerResource`.
        public var type: String
        public var resource: ResourceMetricSource?

        public init(type: String, resource: ResourceMetricSource? = nil) {
            self.type = type
            self.resource = resource
        }

        /// Average CPU use as a percentage of the Pods' CPU requests.
        public static func cpuUtilization(_ percent: Int) -> MetricSpec {
            MetricSpec(type: "Resource", resource: ResourceMetricSource(name: "cpu", target: MetricTarget(type: "Utilization", averageUtilization: percent)))
        }
    }

    public struct ResourceMetricSource: Codable, Sendable, Equatable {
        /// `cpu` or `memory`.
        public var name: String
        public var target: MetricTarget

        public init(name: String, target: MetricTarget) {
            self.name = name
            self.target = target
        }
    }

    public struct MetricTarget: Codable, Sendable, Equatable {
        /// `Utilization`, `Value` or `AverageValue`.
        public var type: String
        public var averageUtilization: Int?
        public var averageValue: String?
        public var value: String?

        public init(type: String, averageUtilization: Int? = nil, averageValue: String? = nil, value: String? = nil) {
            self.type = type
            self.averageUtilization = averageUtilization
            self.averageValue = averageValue
            self.value = value
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

/// The object an autoscaler scales: `apiVersion`, `kind` and `name` in the autoscaler's namespace.
public struct CrossVersionObjectReference: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String
    public var name: String

    public init(apiVersion: String? = nil, kind: String, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
    }
}
