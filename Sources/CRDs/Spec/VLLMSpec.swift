import KubernetesCore

/// vLLM serving an OpenAI-compatible API on AWS Inferentia2 (Neuron), run by the operator.
///
/// Defaults: 1 replica, 2 NeuronCores, tensor parallel size 2, 4096-token context, 8 sequences,
/// `inf2.xlarge` nodes, the Neuron taint tolerated, ``RAGPipelineDefaults/vllmImage``, 50Gi of
/// ephemeral storage, no compile cache beyond the Pod's own `/cache`.
public struct VLLMSpec: Codable, Sendable, Equatable {
    /// Hugging Face model id, such as `meta-llama/Llama-3.2-1B-Instruct`.
    public var model: String
    public var image: String?
    /// Defaults: 1; none with `autoscaling`, which owns them.
    public var replicas: Int?
    /// KEDA scaling on waiting requests instead of a fixed `replicas` (exclusive with it). Defaults: none.
    public var autoscaling: VLLMAutoscalingSpec?
    /// `aws.amazon.com/neuroncore` requested (and limited) per replica.
    public var neuronCores: Int?
    /// NeuronCores the model is sharded across; at most `neuronCores`.
    public var tensorParallelSize: Int?
    public var maxModelLen: Int?
    public var maxNumSeqs: Int?
    public var nodeSelector: [String: String]?
    public var tolerations: [Toleration]?
    /// The Hugging Face token for gated models, as `HF_TOKEN`.
    public var hfTokenSecretRef: SecretKeyReference?
    /// CPU and memory; the NeuronCore request is added by the operator. Defaults: 1 CPU, 8Gi requested.
    public var resources: ResourceRequirements?
    /// Local disk for the model download and the Pod's `/cache`: the container's `ephemeral-storage`
    /// request and the `/cache` volume's size limit. Defaults: ``RAGPipelineDefaults/vllmEphemeralStorage``.
    public var ephemeralStorage: String?
    /// Where compiled Neuron artifacts are kept across restarts and replicas. Defaults: none.
    public var compileCache: CompileCacheSpec?
    /// Overrides `aws.podIdentity` for vLLM, which calls AWS only for an S3 compile cache.
    public var podIdentity: PodIdentitySpec?

    public init(model: String) { self.model = model }

    /// The most replicas vLLM may run: `autoscaling.maxReplicas`, else `replicas` (default 1).
    public var mostReplicas: Int { autoscaling?.maxReplicas ?? replicas ?? RAGPipelineDefaults.replicas }

    static var schema: JSONSchemaProperty {
        .object("vLLM serving an OpenAI-compatible API on port 8000, on AWS Inferentia2 nodes (Neuron). The first start compiles the model for Neuron, which can take many minutes; the startup probe allows 30 minutes, or 10 once a pre-compilation Job has compiled the artifacts (compileCache.precompile).", properties: [
            "model": .string("Hugging Face model id, such as meta-llama/Llama-3.2-1B-Instruct.", minLength: 1),
            "image": .string("vLLM image with the Neuron SDK. Defaults to \(RAGPipelineDefaults.vllmImage); pin a tag in production.", minLength: 1),
            "replicas": .integer("Number of vLLM pods. Defaults to 1. Cannot be set with autoscaling.", minimum: 0, maximum: 64),
            "autoscaling": VLLMAutoscalingSpec.schema,
            "neuronCores": .integer("NeuronCores (aws.amazon.com/neuroncore) requested per pod; an inf2.xlarge has 2, an inf2.48xlarge 24. Defaults to 2.", minimum: 1, maximum: 128, default: RAGPipelineDefaults.neuronCores),
            "tensorParallelSize": .integer("NeuronCores the model is sharded across (vLLM --tensor-parallel-size); equal to neuronCores, so none the pod reserves sits idle. Defaults to 2.", minimum: 1, maximum: 128, default: RAGPipelineDefaults.tensorParallelSize),
            "maxModelLen": .integer("Maximum context length in tokens the model is compiled for (--max-model-len). Defaults to 4096.", minimum: 128, maximum: 131072, default: RAGPipelineDefaults.maxModelLen),
            "maxNumSeqs": .integer("Maximum sequences processed at once (--max-num-seqs), the compiled batch size. Defaults to 8.", minimum: 1, maximum: 256, default: RAGPipelineDefaults.maxNumSeqs),
            "nodeSelector": SchemaBuilder.stringMap("Node labels vLLM pods must match. Defaults to node.kubernetes.io/instance-type: inf2.xlarge."),
            "tolerations": SchemaBuilder.tolerations("Tolerations for vLLM pods. Defaults to tolerating the aws.amazon.com/neuron taint (Exists, NoSchedule)."),
            "hfTokenSecretRef": SecretKeyReference.schema.described("Secret key holding a Hugging Face token, passed as HF_TOKEN; needed for gated models such as Llama."),
            "resources": SchemaBuilder.resources("CPU and memory for the vLLM container. Defaults to 1 CPU and 8Gi memory requested. The operator adds aws.amazon.com/neuroncore requests and limits equal to neuronCores, and ephemeral-storage from ephemeralStorage."),
            "ephemeralStorage": .string("Local disk for the model download and caches, such as 50Gi: the vLLM container's ephemeral-storage request and the size limit of its /cache volume. Defaults to \(RAGPipelineDefaults.vllmEphemeralStorage).", pattern: JSONSchemaProperty.quantityPattern, default: RAGPipelineDefaults.vllmEphemeralStorage),
            "compileCache": CompileCacheSpec.schema,
            "podIdentity": PodIdentitySpec.schema.described("IAM role for vLLM, overriding aws.podIdentity; used only with compileCache.s3."),
        ], required: ["model"])
        .validated(by: "!has(self.tensorParallelSize) || !has(self.neuronCores) || self.tensorParallelSize == self.neuronCores", message: "llm.vllm.tensorParallelSize must equal llm.vllm.neuronCores")
        .validated(by: AutoscalingRules.replicasOrAutoscaling, message: "llm.vllm.replicas and llm.vllm.autoscaling exclude each other: the autoscaler owns the replicas (use autoscaling.minReplicas)")
        .validated(by: Self.sharedCacheAutoscalingRule, message: "llm.vllm.compileCache.persistentVolumeClaim.accessMode ReadWriteOnce allows one replica: use ReadWriteMany or autoscaling.maxReplicas 1")
        .validated(by: Self.sharedCacheRule, message: "llm.vllm.compileCache.persistentVolumeClaim.accessMode ReadWriteOnce allows one replica: use ReadWriteMany or replicas 1")
    }

    /// CEL: a ReadWriteOnce compile cache cannot serve an autoscaler that may add replicas.
    static let sharedCacheAutoscalingRule = "!has(self.compileCache) || !has(self.compileCache.persistentVolumeClaim) || !has(self.compileCache.persistentVolumeClaim.accessMode) || self.compileCache.persistentVolumeClaim.accessMode != 'ReadWriteOnce' || !has(self.autoscaling) || self.autoscaling.maxReplicas <= 1"

    /// CEL: a ReadWriteOnce compile cache cannot serve more than one replica.
    static let sharedCacheRule = "!has(self.compileCache) || !has(self.compileCache.persistentVolumeClaim) || !has(self.compileCache.persistentVolumeClaim.accessMode) || self.compileCache.persistentVolumeClaim.accessMode != 'ReadWriteOnce' || !has(self.replicas) || self.replicas <= 1"
}
