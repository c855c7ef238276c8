import KubernetesCore

/// The desired state of a ``RAGPipeline``: one RAG deployment, from stream to answer.
///
/// Only `llm` and `vectorStore` are required; everything else has a default (see
/// ``RAGPipelineDefaults`` and ``withDefaults()``):
///
/// ```yaml
/// spec:
///   llm: {external: {url: http://vllm.llm:8000, model: meta-llama/Llama-3.2-1B-Instruct}}
///   vectorStore: {embedded: {}}
/// ```
public struct RAGPipelineSpec: Codable, Sendable, Equatable {
    /// The RAG runtime image for backend, UI, consumer and producer.
    ///
    /// Defaults: the operator's configured runtime image (``RAGPipelineDefaults/runtimeImage``).
    public var image: String?
    /// `Always`, `IfNotPresent` or `Never`. Defaults: `IfNotPresent`.
    public var imagePullPolicy: String?
    /// Secrets for pulling the images, added to every Pod.
    public var imagePullSecrets: [LocalObjectReference]?
    /// AWS region, cluster and the default Pod Identity role.
    public var aws: AWSSpec?
    /// Where telemetry comes from (Kinesis). Without a source no consumer runs.
    public var source: SourceSpec?
    /// The synthetic telemetry producer. Defaults: disabled.
    public var producer: ProducerSpec?
    /// How text becomes vectors. Defaults: Bedrock when `aws.region` is set, else the local model (all-MiniLM-L6-v2).
    public var embedding: EmbeddingSpec?
    /// Where vectors are stored and searched.
    public var vectorStore: VectorStoreSpec
    /// The language model that writes answers.
    public var llm: LLMSpec
    /// How many records the query API retrieves per question. Defaults: 5, at most 50 on request.
    public var retrieval: RetrievalSpec?
    /// The query API.
    public var backend: BackendSpec?
    /// The web UI and its Ingress.
    public var ui: UIComponentSpec?
    /// The Kinesis consumer that embeds and indexes records.
    public var consumer: ConsumerSpec?
    /// NetworkPolicies for the pipeline's Pods. Defaults: enabled.
    public var networkPolicy: NetworkPolicySettings?

    public init(vectorStore: VectorStoreSpec, llm: LLMSpec) {
        self.vectorStore = vectorStore
        self.llm = llm
    }
}
