import CRDs
import KubernetesCore

/// The environment the operator gives RAG runtime containers: the contract between the operator
/// and `rag-runtime` (its configuration reads these names).
public enum RuntimeEnvironment {
    /// The port every runtime process listens on (`PORT`).
    public static let port = 8080
    /// The embedded vector store's data directory (`DATA_DIR`), on the pipeline's volume.
    public static let dataDirectory = "/var/lib/rag"

    /// `PORT`, `AWS_REGION`.
    static func common(_ context: BuildContext) -> [EnvVar] {
        var env = [EnvVar(name: "PORT", value: String(port))]
        if let region = context.spec.aws?.region {
            env.append(EnvVar(name: "AWS_REGION", value: region))
            env.append(EnvVar(name: "AWS_DEFAULT_REGION", value: region))
        }
        return env
    }

    /// `EMBEDDER=bedrock|openai|local` and that embedder's settings.
    static func embedding(_ context: BuildContext) -> [EnvVar] {
        guard let embedding = context.spec.embedding, let kind = embedding.kind else { return [] }
        var env = [EnvVar(name: "EMBEDDER", value: kind)]
        if let bedrock = embedding.bedrock {
            env.append(EnvVar(name: "BEDROCK_MODEL_ID", value: bedrock.modelId))
            env.append(EnvVar(name: "EMBEDDING_DIMENSIONS", value: bedrock.dimensions.map(String.init)))
        } else if let openai = embedding.openai {
            env.append(EnvVar(name: "EMBEDDING_URL", value: openai.url))
            env.append(EnvVar(name: "EMBEDDING_MODEL", value: openai.model))
            if let dimensions = openai.dimensions { env.append(EnvVar(name: "EMBEDDING_DIMENSIONS", value: String(dimensions))) }
            if let secret = openai.apiKeySecretRef {
                env.append(EnvVar(name: "EMBEDDING_API_KEY", valueFrom: .init(secretKeyRef: .init(name: secret.name, key: secret.key ?? "token"))))
            }
        } else if let local = embedding.local {
            env.append(EnvVar(name: "EMBEDDING_DIMENSIONS", value: local.dimensions.map(String.init)))
        }
        return env
    }

    /// `VECTOR_STORE=opensearch|embedded` and that store's settings.
    static func vectorStore(_ context: BuildContext) -> [EnvVar] {
        let store = context.spec.vectorStore
        guard let kind = store.kind else { return [] }
        var env = [EnvVar(name: "VECTOR_STORE", value: kind)]
        if let opensearch = store.opensearch {
            env.append(EnvVar(name: "OPENSEARCH_ENDPOINT", value: opensearch.endpoint))
            env.append(EnvVar(name: "OPENSEARCH_INDEX", value: opensearch.index))
            env.append(EnvVar(name: "OPENSEARCH_SERVERLESS", value: (opensearch.serverless ?? false) ? "true" : "false"))
        } else if store.embedded != nil {
            env.append(EnvVar(name: "DATA_DIR", value: dataDirectory))
        }
        return env
    }

    /// `LLM_URL` and `LLM_MODEL`: the operator's vLLM Service, or the external server.
    static func llm(_ context: BuildContext) -> [EnvVar] {
        if let vllm = context.spec.llm.vllm {
            return [EnvVar(name: "LLM_URL", value: VLLMBuilder.serviceURL(context)), EnvVar(name: "LLM_MODEL", value: vllm.model)]
        }
        if let external = context.spec.llm.external {
            return [EnvVar(name: "LLM_URL", value: external.url), EnvVar(name: "LLM_MODEL", value: external.model)]
        }
        return []
    }

    /// The consumer's DynamoDB lease table: `source.kinesis.leaseTable`, else
    /// `rag-<namespace>-<name>-leases` (cut to DynamoDB's 255 characters).
    static func leaseTable(_ context: BuildContext) -> String? {
        guard let kinesis = context.spec.source?.kinesis else { return nil }
        if let table = kinesis.leaseTable { return table }
        return String("rag-\(context.namespace)-\(context.name)-leases".prefix(255))
    }

    /// `KINESIS_STREAM_NAME`, the consumer's reading position and its lease table.
    static func kinesis(_ context: BuildContext, reading: Bool) -> [EnvVar] {
        guard let kinesis = context.spec.source?.kinesis else { return [] }
        var env = [EnvVar(name: "KINESIS_STREAM_NAME", value: kinesis.streamName)]
        guard reading else { return env }
        env.append(EnvVar(name: "KINESIS_STARTING_POSITION", value: kinesis.startingPosition?.rawValue))
        if let timestamp = kinesis.startingTimestamp { env.append(EnvVar(name: "KINESIS_STARTING_TIMESTAMP", value: timestamp)) }
        env.append(EnvVar(name: "KINESIS_BATCH_SIZE", value: kinesis.batchSize.map(String.init)))
        env.append(EnvVar(name: "LEASE_TABLE", value: leaseTable(context)))
        return env
    }
}
