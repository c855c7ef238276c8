/// Every default the operator applies to a ``RAGPipelineSpec`` (through ``RAGPipelineSpec/withDefaults()``),
/// in one place so the Swift defaults, the CRD schema and the documentation agree.
public enum RAGPipelineDefaults {
    /// The RAG runtime image when `spec.image` is omitted. The operator's `BuildOptions` may override it.
    public static let runtimeImage = "ghcr.io/rag-dev/rag-runtime:latest"
    /// The vLLM image for AWS Inferentia2: the Neuron Deep Learning Container with vLLM. Pin a tag in production.
    public static let vllmImage = "public.ecr.aws/neuron/pytorch-inference-vllm-neuronx:latest"
    /// `IfNotPresent`: images are pulled once per node; use a new tag to roll out a new build.
    public static let imagePullPolicy = "IfNotPresent"

    /// Backend replicas with OpenSearch: two, so one node drain never takes the query API down.
    public static let backendReplicas = 2
    /// Backend replicas with the embedded vector store: one, because the index lives on one ReadWriteOnce volume.
    public static let backendReplicasEmbedded = 1
    /// UI, consumer and vLLM replicas.
    public static let replicas = 1

    /// Autoscalers' fewest replicas: 1, because no autoscaled component may scale to zero (nothing would
    /// report the metric that scales it back up).
    public static let autoscalingMinReplicas = 1
    /// CPU HPAs aim at 70% of the CPU request: headroom for a burst while a new Pod starts.
    public static let targetCPUUtilizationPercentage = 70
    /// vLLM: 5 requests waiting per replica, under one compiled batch (8 sequences) of queue.
    public static let waitingRequestsTarget = 5
    /// Consumer: a minute behind the stream's tip before KEDA adds readers.
    public static let iteratorAgeTargetSeconds = 60

    /// Producer rate: 100 synthetic telemetry records per minute.
    public static let recordsPerMinute = 100

    /// Records retrieved per question when the request does not say: enough context for an answer,
    /// few enough for a small model's prompt.
    public static let topK = 5
    /// The most records one request may ask for.
    public static let maxTopK = 50
    /// The bound on both: a question's context, not a bulk export.
    public static let topKLimit = 1_000
    /// Kinesis: read everything still retained in the stream, so nothing produced before the consumer starts is lost.
    public static let startingPosition = KinesisStartingPosition.trimHorizon
    /// Kinesis records per batch (embedding and indexing happen per batch).
    public static let batchSize = 100

    /// Bedrock embedding model: Cohere Embed English v3 ...
    public static let bedrockModelId = "cohere.embed-english-v3"
    /// ... which returns 1024-dimensional vectors.
    public static let bedrockDimensions = 1024
    /// The built-in hashing embedder's dimensions.
    public static let hashingDimensions = 384
    /// The in-process model the runtime image carries, and its dimensions.
    public static let localModel = "all-MiniLM-L6-v2"
    public static let localDimensions = 384

    /// OpenSearch index name.
    public static let openSearchIndex = "rag-telemetry"
    /// Size of the embedded vector store's volume.
    public static let embeddedStorage = "10Gi"

    /// vLLM: two NeuronCores (one Inferentia2 chip, all of an inf2.xlarge) ...
    public static let neuronCores = 2
    /// ... with the model sharded across both.
    public static let tensorParallelSize = 2
    /// Context length compiled for: 4096 tokens.
    public static let maxModelLen = 4096
    /// Concurrent sequences per vLLM replica (the compiled batch size).
    public static let maxNumSeqs = 8
    /// NeuronCores per instance of the Neuron types a vLLM pod may select (`node.kubernetes.io/instance-type`).
    public static let neuronCoresPerInstance: [String: Int] = [
        "inf2.xlarge": 2, "inf2.8xlarge": 2, "inf2.24xlarge": 12, "inf2.48xlarge": 24,
        "trn1.2xlarge": 2, "trn1.32xlarge": 32, "trn1n.32xlarge": 32,
    ]
    /// vLLM's local disk (model download, `/cache`): 50Gi, enough for an 8B model's weights in
    /// bfloat16 plus its compiled artifacts.
    public static let vllmEphemeralStorage = "50Gi"
    /// Size of the compile cache's claim: 100Gi, room for the artifacts of several model configurations.
    public static let compileCacheSize = "100Gi"
    /// Node selector for vLLM pods: the smallest Inferentia2 instance.
    public static let vllmNodeSelector = ["node.kubernetes.io/instance-type": "inf2.xlarge"]
    /// Toleration for the taint EKS puts on Neuron node groups.
    public static let neuronTolerationKey = "aws.amazon.com/neuron"
    /// Key in the Hugging Face token Secret.
    public static let hfTokenKey = "token"

    /// Ingress class: the AWS Load Balancer Controller's.
    public static let ingressClassName = "alb"
    /// NetworkPolicies are on unless turned off.
    public static let networkPolicyEnabled = true
    /// The ALB's scheme: private to the VPC unless the spec says otherwise.
    public static let ingressScheme = "internal"
}
