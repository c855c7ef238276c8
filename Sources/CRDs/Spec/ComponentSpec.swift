import KubernetesCore

/// The backend's settings: a ``ComponentSpec`` whose autoscaler is a CPU HPA.
public typealias BackendSpec = ComponentSpec<CPUAutoscalingSpec>
/// The consumer's settings: a ``ComponentSpec`` whose autoscaler is KEDA on the Kinesis iterator age.
public typealias ConsumerSpec = ComponentSpec<ConsumerAutoscalingSpec>

/// Settings for a runtime component (backend or consumer): replicas or an autoscaler, resources, role
/// and Pod overrides. `Autoscaling` is the component's kind of autoscaler (``BackendSpec``, ``ConsumerSpec``).
public struct ComponentSpec<Autoscaling: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// Defaults: 2 for the backend with OpenSearch, otherwise 1; none with `autoscaling`, which owns them.
    public var replicas: Int?
    /// Scale between bounds instead of a fixed `replicas` (exclusive with it). Defaults: none.
    public var autoscaling: Autoscaling?
    /// Defaults: 250m CPU and 256Mi memory requested; 1Gi memory limit.
    public var resources: ResourceRequirements?
    /// Overrides `aws.podIdentity` for this component.
    public var podIdentity: PodIdentitySpec?
    /// Extra labels, annotations, node selector and tolerations for the Pods.
    public var podTemplate: PodTemplateOverrides?

    public init(
        replicas: Int? = nil, autoscaling: Autoscaling? = nil, resources: ResourceRequirements? = nil, podIdentity: PodIdentitySpec? = nil,
        podTemplate: PodTemplateOverrides? = nil
    ) {
        self.replicas = replicas
        self.autoscaling = autoscaling
        self.resources = resources
        self.podIdentity = podIdentity
        self.podTemplate = podTemplate
    }

    static func schema(_ description: String, replicasDefault: String, autoscaling: JSONSchemaProperty, component: String) -> JSONSchemaProperty {
        var schema = JSONSchemaProperty.object(description, properties: [
            "replicas": .integer("Number of pods. \(replicasDefault) A PodDisruptionBudget is created when above 1. Cannot be set with autoscaling.", minimum: 0, maximum: 100),
            "autoscaling": autoscaling,
            "resources": SchemaBuilder.resources("CPU and memory for the container. Defaults to 250m CPU and 256Mi requested, 1Gi memory limit."),
            "podIdentity": PodIdentitySpec.schema.described("IAM role for this component, overriding aws.podIdentity."),
            "podTemplate": PodTemplateOverrides.schema,
        ])
        .validated(by: AutoscalingRules.replicasOrAutoscaling, message: "\(component).replicas and \(component).autoscaling exclude each other: the autoscaler owns the replicas (use autoscaling.minReplicas)")
        if Autoscaling.self == CPUAutoscalingSpec.self {
            schema = schema.validated(by: AutoscalingRules.cpuRequest, message: "\(component).autoscaling scales on CPU, which needs resources.requests.cpu")
        }
        return schema
    }
}

/// Additions to a component's Pod template. The operator's own labels and annotations win on conflict.
public struct PodTemplateOverrides: Codable, Sendable, Equatable {
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var nodeSelector: [String: String]?
    public var tolerations: [Toleration]?

    public init(labels: [String: String]? = nil, annotations: [String: String]? = nil, nodeSelector: [String: String]? = nil, tolerations: [Toleration]? = nil) {
        self.labels = labels
        self.annotations = annotations
        self.nodeSelector = nodeSelector
        self.tolerations = tolerations
    }

    static var schema: JSONSchemaProperty {
        .object("Additions to the component's Pod template. Labels and annotations the operator sets itself (app.kubernetes.io/*, rag.dev/*) cannot be overridden.", properties: [
            "labels": SchemaBuilder.stringMap("Extra Pod labels."),
            "annotations": SchemaBuilder.stringMap("Extra Pod annotations, such as for a service mesh or log collector."),
            "nodeSelector": SchemaBuilder.stringMap("Node labels the Pods must match."),
            "tolerations": SchemaBuilder.tolerations("Tolerations for the Pods."),
        ])
    }
}

/// NetworkPolicies for the pipeline's Pods.
public struct NetworkPolicySettings: Codable, Sendable, Equatable {
    /// Defaults: `true`.
    public var enabled: Bool?

    public init(enabled: Bool? = nil) { self.enabled = enabled }

    static var schema: JSONSchemaProperty {
        .object("NetworkPolicies for the pipeline's Pods: deny everything, then allow exactly UI to backend, backend to vLLM, the load balancer to the UI, DNS, the EKS Pod Identity agent and HTTPS to AWS. Needs a CNI that enforces NetworkPolicy (the VPC CNI with network policy enabled, Calico, Cilium).", properties: [
            "enabled": .boolean("Create the NetworkPolicies. Defaults to true.", default: RAGPipelineDefaults.networkPolicyEnabled),
        ])
    }
}
