import KubernetesCore

/// What the operator observed and did, written through the status subresource.
public struct RAGPipelineStatus: Codable, Sendable, Equatable {
    /// The `.metadata.generation` this status describes.
    public var observedGeneration: Int64?
    /// Ready, BackendReady, UIReady, LLMReady, ConsumerReady, PodIdentityReady, IngressReady,
    /// CompiledArtifactsReady, CompileCacheReady, InvalidSpec and Degraded (see ``RAGPipelineConditionType``).
    public var conditions: [Condition]?
    /// The UI's URL, from the Ingress load balancer hostname.
    public var url: String?
    /// The model answering questions (`spec.llm.vllm.model` or `spec.llm.external.model`), for the `LLM` column.
    public var llmModel: String?
    /// Desired and ready replicas per component.
    public var components: ComponentReplicaStatuses?
    /// The EKS Pod Identity associations the operator created.
    public var podIdentityAssociations: [PodIdentityAssociationStatus]?

    public init(observedGeneration: Int64? = nil, conditions: [Condition]? = nil, url: String? = nil, llmModel: String? = nil, components: ComponentReplicaStatuses? = nil, podIdentityAssociations: [PodIdentityAssociationStatus]? = nil) {
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.url = url
        self.llmModel = llmModel
        self.components = components
        self.podIdentityAssociations = podIdentityAssociations
    }
}

/// Replica counts per component; a component that does not run is omitted.
public struct ComponentReplicaStatuses: Codable, Sendable, Equatable {
    public var backend: ReplicaCounts?
    public var ui: ReplicaCounts?
    public var consumer: ReplicaCounts?
    public var producer: ReplicaCounts?
    /// The operator-managed vLLM.
    public var llm: ReplicaCounts?

    public init(backend: ReplicaCounts? = nil, ui: ReplicaCounts? = nil, consumer: ReplicaCounts? = nil, producer: ReplicaCounts? = nil, llm: ReplicaCounts? = nil) {
        self.backend = backend
        self.ui = ui
        self.consumer = consumer
        self.producer = producer
        self.llm = llm
    }
}

/// Desired and ready replicas of one Deployment.
public struct ReplicaCounts: Codable, Sendable, Equatable {
    public var desired: Int
    public var ready: Int

    public init(desired: Int, ready: Int) {
        self.desired = desired
        self.ready = ready
    }
}

/// One EKS Pod Identity association, as created for a component's ServiceAccount.
public struct PodIdentityAssociationStatus: Codable, Sendable, Equatable {
    public var component: String
    public var serviceAccount: String
    public var associationId: String
    public var roleArn: String
    /// The EKS cluster the association lives in, so it can be deleted after `spec.aws.clusterName` changes or goes.
    public var clusterName: String?

    public init(component: String, serviceAccount: String, associationId: String, roleArn: String, clusterName: String? = nil) {
        self.component = component
        self.serviceAccount = serviceAccount
        self.associationId = associationId
        self.roleArn = roleArn
        self.clusterName = clusterName
    }
}

/// The condition types a RAGPipeline reports.
public enum RAGPipelineConditionType {
    /// Every component is ready: `kubectl wait --for=condition=Ready`.
    public static let ready = "Ready"
    public static let backendReady = "BackendReady"
    public static let uiReady = "UIReady"
    public static let llmReady = "LLMReady"
    public static let consumerReady = "ConsumerReady"
    public static let podIdentityReady = "PodIdentityReady"
    public static let ingressReady = "IngressReady"
    /// True when the spec passed the schema but not ``RAGPipeline/validate()``; nothing is changed then.
    public static let invalidSpec = "InvalidSpec"
    /// True when something that was working stopped working.
    public static let degraded = "Degraded"
    /// True while a deleted pipeline waits for cleanup outside the cluster; the message names what it waits for.
    public static let terminating = "Terminating"
    /// True when the UI is on an internet-facing load balancer without sign-in (allowed, never silent).
    public static let publiclyExposed = "PubliclyExposed"

    /// With `llm.vllm.compileCache.precompile`: True when the Job for vLLM's current artifact key
    /// succeeded; False with reason `Compiling` or `CompileFailed`. Absent without pre-compilation.
    public static let compiledArtifactsReady = "CompiledArtifactsReady"
    /// With `llm.vllm.compileCache`: True when the cache is as the spec says; False with reason
    /// `ClaimOutdated` when the live claim differs (it is kept; delete it to recreate). Absent without a cache.
    public static let compileCacheReady = "CompileCacheReady"

    /// With any `autoscaling`: True when every autoscaler asked for is in place (a HorizontalPodAutoscaler,
    /// or a KEDA ScaledObject); False with reason `KEDANotInstalled` when a KEDA one is asked for and the
    /// cluster does not serve `keda.sh/v1alpha1` ScaledObjects (the component then runs `minReplicas`
    /// fixed replicas). Never blocks Ready. Absent without autoscaling.
    public static let autoscalingReady = "AutoscalingReady"

    /// All of them, in the order `kubectl describe` should show them.
    public static let all = [ready, backendReady, uiReady, llmReady, consumerReady, podIdentityReady, ingressReady, autoscalingReady, compiledArtifactsReady, compileCacheReady, publiclyExposed, invalidSpec, degraded, terminating]
}
