/// Every environment variable through which the operator configures a `rag-runtime` process, and
/// the runtime reads back. The one place the names are spelled.
public enum RuntimeVariable: String, CaseIterable, Sendable {
    case port = "PORT"
    /// The backend's internal listener: ingest and dead-letter routes (behind the ingest token) and `/metrics`.
    case internalPort = "INTERNAL_PORT"
    /// A folder holding the ingest bearer token (`token`, and during a rotation `previous`): a Secret's mount.
    case ingestTokenDirectory = "INGEST_TOKEN_DIR"
    /// Requests served at once before the query API answers 429 (runtime knob; default 32).
    case maxConcurrentRequests = "MAX_CONCURRENT_REQUESTS"
    /// Seconds an idle connection is kept open (runtime knob; default 30).
    case idleTimeoutSeconds = "IDLE_TIMEOUT_SECONDS"
    case awsRegion = "AWS_REGION"
    case awsDefaultRegion = "AWS_DEFAULT_REGION"
    case embedder = "EMBEDDER"
    case embeddingDimensions = "EMBEDDING_DIMENSIONS"
    /// The `local` embedder's model folder (runtime knob; default: the image's `/opt/rag/models/all-MiniLM-L6-v2`,
    /// else the cache folder scripts/fetch-minilm.sh fills).
    case embeddingModelDirectory = "EMBEDDING_MODEL_DIR"
    case bedrockModelID = "BEDROCK_MODEL_ID"
    case embeddingURL = "EMBEDDING_URL"
    case embeddingModel = "EMBEDDING_MODEL"
    case embeddingAPIKey = "EMBEDDING_API_KEY"
    case vectorStore = "VECTOR_STORE"
    case openSearchEndpoint = "OPENSEARCH_ENDPOINT"
    case openSearchIndex = "OPENSEARCH_INDEX"
    case openSearchServerless = "OPENSEARCH_SERVERLESS"
    case dataDirectory = "DATA_DIR"
    case llmURL = "LLM_URL"
    case llmModel = "LLM_MODEL"
    case backendURL = "BACKEND_URL"
    case kinesisStreamName = "KINESIS_STREAM_NAME"
    case kinesisStartingPosition = "KINESIS_STARTING_POSITION"
    case kinesisStartingTimestamp = "KINESIS_STARTING_TIMESTAMP"
    case kinesisBatchSize = "KINESIS_BATCH_SIZE"
    case leaseTable = "LEASE_TABLE"
    case leaseTableCreate = "LEASE_TABLE_CREATE"
    case leaseDurationSeconds = "LEASE_DURATION_SECONDS"
    case workerID = "WORKER_ID"
    case recordsPerMinute = "RECORDS_PER_MINUTE"
    case topK = "TOP_K"
    case maxTopK = "MAX_TOP_K"
    case logFormat = "LOG_FORMAT"
    case logLevel = "LOG_LEVEL"

    /// The variable's name, for `environment[...]` reads.
    public var name: String { rawValue }
}

/// Which embedder `EMBEDDER` names.
public enum EmbedderKind: String, CaseIterable, Sendable {
    /// The feature-hashing embedder, in-process, no network.
    case hashing
    /// The in-process sentence-embedding model, all-MiniLM-L6-v2 (384 dimensions); the default.
    case local
    case bedrock
    case openai
}

/// Which vector store `VECTOR_STORE` names.
public enum VectorStoreKind: String, CaseIterable, Sendable {
    /// The embedded HNSW store in `DATA_DIR`.
    case embedded
    case opensearch
}
