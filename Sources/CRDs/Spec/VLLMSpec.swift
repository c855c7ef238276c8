import KubernetesCore

/// vLLM serving an OpenAI-compatible API on AWS Inferentia2 (Neuron), run by the operator.
///
/// Defaults: 1 replica, 2 NeuronCores, tensor parallel size 2, 4096-token context, 8 sequences,
/// `inf2.xlarge` nodes, the Neuron taint tolerated, ``RAGPipelineDefaults/vllmImage``.
public struct VLLMSpec: Codable, Sendable, Equatable {
    /// Hugging Face model id, such as `meta-llama/Llama-3.2-1B-Instruct`.
    public var model: String
    public var image: String?
    public var replicas: Int?
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

    public init(model: String) { self.model = model }

    static var schema: JSONSchemaProperty {
        .object("vLLM serving an OpenAI-compatible API on port 8000, on AWS Inferentia2 nodes (Neuron). The first start compiles the model for Neuron, which can take many minutes; the startup probe allows 30 minutes.", properties: [
            "model": .string("Hugging Face model id, such as meta-llama/Llama-3.2-1B-Instruct.", minLength: 1),
            "image": .string("vLLM image with the Neuron SDK. Defaults to \(RAGPipelineDefaults.vllmImage); pin a tag in production.", minLength: 1),
            "replicas": .integer("Number of vLLM pods. Defaults to 1.", minimum: 0, maximum: 64, default: RAGPipelineDefaults.replicas),
            "neuronCores": .integer("NeuronCores (aws.amazon.com/neuroncore) requested per pod; an inf2.xlarge has 2, an inf2.48xlarge 24. Defaults to 2.", minimum: 1, maximum: 128, default: RAGPipelineDefaults.neuronCores),
            "tensorParallelSize": .integer("NeuronCores the model is sharded across (vLLM --tensor-parallel-size); equal to neuronCores, so none the pod reserves sits idle. Defaults to 2.", minimum: 1, maximum: 128, default: RAGPipelineDefaults.tensorParallelSize),
            "maxModelLen": .integer("Maximum context length in tokens the model is compiled for (--max-model-len). Defaults to 4096.", minimum: 128, maximum: 131072, default: RAGPipelineDefaults.maxModelLen),
            "maxNumSeqs": .integer("Maximum sequences processed at once (--max-num-seqs), the compiled batch size. Defaults to 8.", minimum: 1, maximum: 256, default: RAGPipelineDefaults.maxNumSeqs),
            "nodeSelector": SchemaBuilder.stringMap("Node labels vLLM pods must match. Defaults to node.kubernetes.io/instance-type: inf2.xlarge."),
            "tolerations": SchemaBuilder.tolerations("Tolerations for vLLM pods. Defaults to tolerating the aws.amazon.com/neuron taint (Exists, NoSchedule)."),
            "hfTokenSecretRef": SecretKeyReference.schema.described("Secret key holding a Hugging Face token, passed as HF_TOKEN; needed for gated models such as Llama."),
            "resources": SchemaBuilder.resources("CPU and memory for the vLLM container. Defaults to 1 CPU and 8Gi memory requested. The operator adds aws.amazon.com/neuroncore requests and limits equal to neuronCores."),
        ], required: ["model"])
        .validated(by: "!has(self.tensorParallelSize) || !has(self.neuronCores) || self.tensorParallelSize == self.neuronCores", message: "llm.vllm.tensorParallelSize must equal llm.vllm.neuronCores")
    }
}
