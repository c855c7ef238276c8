import CRDs
import KubernetesCore
import RuntimeContract

/// The environment the operator gives RAG runtime containers: each component's ``RuntimeSettings``
/// (the contract `rag-runtime` decodes), made from the spec and encoded as `EnvVar`s.
public enum RuntimeEnvironment {
    /// The port every runtime process listens on (`PORT`).
    public static let port = RuntimeSettings.defaultPort
    /// The backend's and the UI's internal listener (`INTERNAL_PORT`): ingest routes and `/metrics`.
    public static let internalPort = RuntimeSettings.defaultInternalPort
    /// The embedded vector store's data directory (`DATA_DIR`), on the pipeline's volume.
    public static let dataDirectory = "/var/lib/rag"

    /// What `component` is told: the backend gets the embedder, the store, the LLM, `topK`, its
    /// internal port and the ingest token's folder; the consumer the Kinesis source, the embedder and
    /// the store (through the backend's internal listener, with the token, when the backend owns an
    /// embedded store); the producer the stream and its rate; the UI its internal port.
    public static func settings(_ context: BuildContext, for component: PipelineComponent) -> RuntimeSettings {
        var settings = RuntimeSettings(region: context.spec.aws?.region)
        switch component {
        case .backend:
            settings.embedder = embedder(context)
            settings.vectorStore = vectorStore(context, ownsTheStore: true)
            settings.llm = llm(context)
            settings.internalPort = internalPort
            settings.ingestTokenDirectory = IngestTokenBuilder.mountPath
            settings.retrieval = context.spec.retrieval.map { RuntimeSettings.Retrieval(topK: $0.topK, maxTopK: $0.maxTopK) }
        case .consumer:
            settings.kinesis = kinesis(context, reading: true)
            settings.embedder = embedder(context)
            settings.vectorStore = vectorStore(context, ownsTheStore: false)
            if IngestTokenBuilder.isMounted(in: .consumer, context) {
                settings.backendURL = BackendBuilder.internalURL(context)
                settings.ingestTokenDirectory = IngestTokenBuilder.mountPath
            }
        case .producer:
            settings.kinesis = kinesis(context, reading: false)
            settings.recordsPerMinute = Double(context.spec.producer?.recordsPerMinute ?? RAGPipelineDefaults.recordsPerMinute)
        case .ui:
            settings.internalPort = internalPort
        case .vllm:
            break
        }
        return settings
    }

    /// `component`'s settings as container environment variables.
    static func env(_ context: BuildContext, for component: PipelineComponent) -> [EnvVar] {
        settings(context, for: component).environment().map { entry in
            switch entry.value {
            case .literal(let value): EnvVar(name: entry.variable.name, value: value)
            case .secretKeyRef(let name, let key): EnvVar(name: entry.variable.name, valueFrom: .init(secretKeyRef: .init(name: name, key: key)))
            }
        }
    }

    static func embedder(_ context: BuildContext) -> RuntimeSettings.Embedder? {
        guard let embedding = context.spec.embedding else { return nil }
        if let bedrock = embedding.bedrock { return .bedrock(modelID: bedrock.modelId ?? RAGPipelineDefaults.bedrockModelId, dimensions: bedrock.dimensions) }
        if let openai = embedding.openai {
            let key = openai.apiKeySecretRef.map { RuntimeSettings.Secret.secretKeyRef(name: $0.name, key: $0.key ?? "token") }
            return .openAI(url: openai.url, model: openai.model, dimensions: openai.dimensions, apiKey: key)
        }
        if let hashing = embedding.hashing { return .hashing(dimensions: hashing.dimensions) }
        if let local = embedding.local { return .local(dimensions: local.dimensions) }
        return nil
    }

    static func vectorStore(_ context: BuildContext, ownsTheStore: Bool) -> RuntimeSettings.VectorStore? {
        let store = context.spec.vectorStore
        if let opensearch = store.opensearch {
            return .openSearch(endpoint: opensearch.endpoint, index: opensearch.index ?? RAGPipelineDefaults.openSearchIndex, serverless: opensearch.serverless ?? false)
        }
        if store.embedded != nil { return .embedded(dataDirectory: ownsTheStore ? dataDirectory : nil) }
        return nil
    }

    /// The operator's vLLM Service, or the external server.
    static func llm(_ context: BuildContext) -> RuntimeSettings.LLM? {
        if let vllm = context.spec.llm.vllm { return .init(url: VLLMBuilder.serviceURL(context), model: vllm.model) }
        if let external = context.spec.llm.external { return .init(url: external.url, model: external.model) }
        return nil
    }

    /// The consumer's DynamoDB lease table: `source.kinesis.leaseTable`, else
    /// `rag-<namespace>-<name>-leases` (cut to DynamoDB's 255 characters).
    static func leaseTable(_ context: BuildContext) -> String? {
        guard let kinesis = context.spec.source?.kinesis else { return nil }
        if let table = kinesis.leaseTable { return table }
        return String("rag-\(context.namespace)-\(context.name)-leases".prefix(255))
    }

    /// The stream, and for a reader its starting position, batch size and lease table.
    static func kinesis(_ context: BuildContext, reading: Bool) -> RuntimeSettings.Kinesis? {
        guard let kinesis = context.spec.source?.kinesis else { return nil }
        guard reading else { return .init(streamName: kinesis.streamName) }
        return .init(
            streamName: kinesis.streamName, startingPosition: kinesis.startingPosition?.rawValue, startingTimestamp: kinesis.startingTimestamp,
            batchSize: kinesis.batchSize, leaseTable: leaseTable(context))
    }
}
