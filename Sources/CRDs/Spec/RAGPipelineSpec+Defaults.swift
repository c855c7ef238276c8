import KubernetesCore

extension RAGPipelineSpec {
    /// The spec with every omitted field filled in, as the operator reconciles it.
    ///
    /// Defaults (constants in ``RAGPipelineDefaults``):
    /// - `image`: the runtime image given (the operator's configured image), `imagePullPolicy`: `IfNotPresent`.
    /// - `embedding`: Bedrock `cohere.embed-english-v3` (1024) when `aws.region` is set, else `local`
    ///   (all-MiniLM-L6-v2, 384).
    ///   Within a choice: Bedrock model/dimensions, local dimensions.
    /// - `vectorStore.opensearch`: index `rag-telemetry`, `serverless` when the endpoint is `*.aoss.amazonaws.com`;
    ///   `vectorStore.embedded.storage`: `10Gi`.
    /// - `llm.vllm`: image, 1 replica, 2 NeuronCores, tensor parallel 2, 4096 tokens, 8 sequences,
    ///   `inf2.xlarge` node selector, the Neuron toleration, HF token key `token`, 50Gi ephemeral
    ///   storage; `compileCache.persistentVolumeClaim`: `100Gi`, `ReadWriteMany` above one replica
    ///   (else `ReadWriteOnce`); `compileCache.precompile`: `false`.
    /// - `source.kinesis`: `TRIM_HORIZON`, batch 100. `producer`: disabled, 100 records/minute.
    /// - `retrieval`: `topK` 5, `maxTopK` 50.
    /// - Replicas: backend 2 (1 with the embedded store), UI/consumer 1, none where `autoscaling` is set.
    ///   Resources per component.
    /// - `autoscaling`: `minReplicas` 1; `targetCPUUtilizationPercentage` 70 (backend, UI),
    ///   `waitingRequestsTarget` 5 (vLLM), `iteratorAgeTargetSeconds` 60 (consumer).
    /// - `ui.ingress`: disabled, class `alb`. `networkPolicy.enabled`: `true`.
    ///
    /// Choices the user left ambiguous (two embedders, no LLM) are kept as they are for
    /// ``RAGPipeline/validate()`` to report.
    ///
    /// - Parameter runtimeImage: the image used when `spec.image` is omitted.
    public func withDefaults(runtimeImage: String = RAGPipelineDefaults.runtimeImage) -> RAGPipelineSpec {
        var spec = self
        spec.image = image ?? runtimeImage
        spec.imagePullPolicy = imagePullPolicy ?? RAGPipelineDefaults.imagePullPolicy
        spec.source?.kinesis = source?.kinesis.map(Self.defaulted)
        spec.producer = Self.defaulted(producer ?? ProducerSpec())
        spec.embedding = Self.defaulted(embedding, region: aws?.region)
        spec.vectorStore = Self.defaulted(vectorStore)
        spec.llm.vllm = llm.vllm.map(Self.defaulted)
        spec.retrieval = RetrievalSpec(topK: retrieval?.topK ?? RAGPipelineDefaults.topK, maxTopK: retrieval?.maxTopK ?? RAGPipelineDefaults.maxTopK)
        let backendReplicas = vectorStore.embedded != nil ? RAGPipelineDefaults.backendReplicasEmbedded : RAGPipelineDefaults.backendReplicas
        spec.backend = Self.defaulted(backend ?? BackendSpec(), replicas: backendReplicas, resources: ComponentResources.backend)
        spec.backend?.autoscaling = backend?.autoscaling.map(Self.defaulted)
        spec.consumer = Self.defaulted(consumer ?? ConsumerSpec(), replicas: RAGPipelineDefaults.replicas, resources: ComponentResources.consumer)
        spec.consumer?.autoscaling = consumer?.autoscaling.map(Self.defaulted)
        spec.ui = Self.defaulted(ui ?? UIComponentSpec())
        spec.networkPolicy = NetworkPolicySettings(enabled: networkPolicy?.enabled ?? RAGPipelineDefaults.networkPolicyEnabled)
        return spec
    }

    private static func defaulted(_ kinesis: KinesisSpec) -> KinesisSpec {
        var kinesis = kinesis
        kinesis.startingPosition = kinesis.startingPosition ?? RAGPipelineDefaults.startingPosition
        kinesis.batchSize = kinesis.batchSize ?? RAGPipelineDefaults.batchSize
        return kinesis
    }

    private static func defaulted(_ producer: ProducerSpec) -> ProducerSpec {
        var producer = producer
        producer.enabled = producer.enabled ?? false
        producer.recordsPerMinute = producer.recordsPerMinute ?? RAGPipelineDefaults.recordsPerMinute
        producer.resources = producer.resources ?? ComponentResources.producer
        return producer
    }

    private static func defaulted(_ embedding: EmbeddingSpec?, region: String?) -> EmbeddingSpec {
        var embedding = embedding ?? (region != nil ? EmbeddingSpec(bedrock: BedrockEmbeddingSpec()) : EmbeddingSpec(local: LocalEmbeddingSpec()))
        if var bedrock = embedding.bedrock {
            bedrock.modelId = bedrock.modelId ?? RAGPipelineDefaults.bedrockModelId
            bedrock.dimensions = bedrock.dimensions ?? RAGPipelineDefaults.bedrockDimensions
            embedding.bedrock = bedrock
        }
        if var hashing = embedding.hashing {
            hashing.dimensions = hashing.dimensions ?? RAGPipelineDefaults.hashingDimensions
            embedding.hashing = hashing
        }
        if var local = embedding.local {
            local.model = local.model ?? RAGPipelineDefaults.localModel
            local.dimensions = local.dimensions ?? RAGPipelineDefaults.localDimensions
            embedding.local = local
        }
        return embedding
    }

    private static func defaulted(_ store: VectorStoreSpec) -> VectorStoreSpec {
        var store = store
        if var opensearch = store.opensearch {
            opensearch.index = opensearch.index ?? RAGPipelineDefaults.openSearchIndex
            opensearch.serverless = opensearch.serverless ?? OpenSearchSpec.isServerlessEndpoint(opensearch.endpoint)
            store.opensearch = opensearch
        }
        if var embedded = store.embedded {
            embedded.storage = embedded.storage ?? RAGPipelineDefaults.embeddedStorage
            store.embedded = embedded
        }
        return store
    }

    private static func defaulted(_ vllm: VLLMSpec) -> VLLMSpec {
        var vllm = vllm
        vllm.image = vllm.image ?? RAGPipelineDefaults.vllmImage
        if var autoscaling = vllm.autoscaling {
            autoscaling.minReplicas = autoscaling.minReplicas ?? RAGPipelineDefaults.autoscalingMinReplicas
            autoscaling.waitingRequestsTarget = autoscaling.waitingRequestsTarget ?? RAGPipelineDefaults.waitingRequestsTarget
            vllm.autoscaling = autoscaling
        } else {
            vllm.replicas = vllm.replicas ?? RAGPipelineDefaults.replicas
        }
        vllm.neuronCores = vllm.neuronCores ?? RAGPipelineDefaults.neuronCores
        vllm.tensorParallelSize = vllm.tensorParallelSize ?? RAGPipelineDefaults.tensorParallelSize
        vllm.maxModelLen = vllm.maxModelLen ?? RAGPipelineDefaults.maxModelLen
        vllm.maxNumSeqs = vllm.maxNumSeqs ?? RAGPipelineDefaults.maxNumSeqs
        vllm.nodeSelector = vllm.nodeSelector ?? RAGPipelineDefaults.vllmNodeSelector
        vllm.tolerations = vllm.tolerations ?? [Toleration(key: RAGPipelineDefaults.neuronTolerationKey, operator: "Exists", effect: "NoSchedule")]
        vllm.resources = vllm.resources ?? ComponentResources.vllm
        vllm.ephemeralStorage = vllm.ephemeralStorage ?? RAGPipelineDefaults.vllmEphemeralStorage
        if var cache = vllm.compileCache {
            cache.precompile = cache.precompile ?? false
            if var claim = cache.persistentVolumeClaim {
                claim.size = claim.size ?? RAGPipelineDefaults.compileCacheSize
                claim.accessMode = claim.accessMode ?? CompileCacheVolumeSpec.defaultAccessMode(replicas: vllm.mostReplicas)
                cache.persistentVolumeClaim = claim
            }
            vllm.compileCache = cache
        }
        if var secret = vllm.hfTokenSecretRef {
            secret.key = secret.key ?? RAGPipelineDefaults.hfTokenKey
            vllm.hfTokenSecretRef = secret
        }
        return vllm
    }

    /// A component's replicas default only without an autoscaler, which owns them.
    private static func defaulted<Autoscaling>(_ component: ComponentSpec<Autoscaling>, replicas: Int, resources: ResourceRequirements) -> ComponentSpec<Autoscaling> {
        var component = component
        if component.autoscaling == nil { component.replicas = component.replicas ?? replicas }
        component.resources = component.resources ?? resources
        return component
    }

    private static func defaulted(_ autoscaling: CPUAutoscalingSpec) -> CPUAutoscalingSpec {
        var autoscaling = autoscaling
        autoscaling.minReplicas = autoscaling.minReplicas ?? RAGPipelineDefaults.autoscalingMinReplicas
        autoscaling.targetCPUUtilizationPercentage = autoscaling.targetCPUUtilizationPercentage ?? RAGPipelineDefaults.targetCPUUtilizationPercentage
        return autoscaling
    }

    private static func defaulted(_ autoscaling: ConsumerAutoscalingSpec) -> ConsumerAutoscalingSpec {
        var autoscaling = autoscaling
        autoscaling.minReplicas = autoscaling.minReplicas ?? RAGPipelineDefaults.autoscalingMinReplicas
        autoscaling.iteratorAgeTargetSeconds = autoscaling.iteratorAgeTargetSeconds ?? RAGPipelineDefaults.iteratorAgeTargetSeconds
        return autoscaling
    }

    private static func defaulted(_ ui: UIComponentSpec) -> UIComponentSpec {
        var ui = ui
        if ui.autoscaling == nil { ui.replicas = ui.replicas ?? RAGPipelineDefaults.replicas }
        ui.autoscaling = ui.autoscaling.map(Self.defaulted)
        ui.resources = ui.resources ?? ComponentResources.ui
        if var ingress = ui.ingress {
            ingress.enabled = ingress.enabled ?? false
            ingress.className = ingress.className ?? RAGPipelineDefaults.ingressClassName
            ui.ingress = ingress
        }
        return ui
    }
}

extension OpenSearchSpec {
    /// Whether an endpoint is an OpenSearch Serverless collection (`*.aoss.amazonaws.com`).
    public static func isServerlessEndpoint(_ endpoint: String) -> Bool {
        let host = EndpointURL.parse(endpoint)?.host ?? endpoint
        return host.hasSuffix(".aoss.amazonaws.com") || host.hasSuffix(".aoss.amazonaws.com.cn")
    }
}

/// Default container resources per component. Memory limits bound a leak; no CPU limits, so
/// bursts use idle CPU instead of being throttled. The backend and the consumer embed with the
/// local model by default: about 200 MiB resident with the model loaded and no documents, plus
/// about 100 MiB of activations while a batch of 32 long texts is embedded, hence 512Mi requested.
public enum ComponentResources {
    public static let backend = ResourceRequirements(requests: ["cpu": "250m", "memory": "512Mi"], limits: ["memory": "1Gi"])
    public static let ui = ResourceRequirements(requests: ["cpu": "100m", "memory": "64Mi"], limits: ["memory": "256Mi"])
    public static let consumer = ResourceRequirements(requests: ["cpu": "250m", "memory": "512Mi"], limits: ["memory": "1Gi"])
    public static let producer = ResourceRequirements(requests: ["cpu": "50m", "memory": "64Mi"], limits: ["memory": "256Mi"])
    /// vLLM's CPU and memory; the NeuronCores are added by the operator.
    public static let vllm = ResourceRequirements(requests: ["cpu": "1", "memory": "8Gi"])
}
