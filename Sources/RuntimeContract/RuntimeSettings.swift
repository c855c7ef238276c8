/// What the operator tells a `rag-runtime` process, typed: written into a container's environment
/// with ``environment()`` by the operator's builders and read back with ``init(environment:)`` by the
/// runtime. A round-trip test over every sample pipeline ties the two together.
///
/// Each component gets the part it needs: the backend an embedder, a store and an LLM; the consumer
/// a Kinesis source, an embedder and a store (and the backend's URL when the backend owns the index);
/// the producer a stream and a rate. Unset parts are omitted from the environment, and the runtime
/// applies its defaults to them (the local all-MiniLM-L6-v2 embedder, the embedded store in
/// `/var/lib/rag`, extractive answers without an LLM).
public struct RuntimeSettings: Sendable, Equatable {
    /// The port every process listens on (default 8080, the port the operator's probes and Services target).
    public var port: Int
    /// The internal listener of the backend and the UI (default 8081): the backend's ingest and
    /// dead-letter routes, and `/metrics`. No Ingress routes to it.
    public var internalPort: Int?
    /// Where the ingest bearer token is mounted (the backend accepts it; the consumer sends it).
    public var ingestTokenDirectory: String?
    /// `AWS_REGION` (and `AWS_DEFAULT_REGION`) for the AWS clients.
    public var region: String?
    public var embedder: Embedder?
    public var vectorStore: VectorStore?
    public var llm: LLM?
    /// The backend's internal base URL: where the consumer indexes when the backend owns an embedded store.
    public var backendURL: String?
    public var kinesis: Kinesis?
    /// The producer's rate (records a minute; fractions allowed, as the producer reads it).
    public var recordsPerMinute: Double?
    /// The query API's `topK`: records retrieved per question, by default and at most.
    public var retrieval: Retrieval?

    /// The default port.
    public static let defaultPort = 8080
    /// The default internal port.
    public static let defaultInternalPort = 8081

    public init(
        port: Int = RuntimeSettings.defaultPort, region: String? = nil, embedder: Embedder? = nil, vectorStore: VectorStore? = nil, llm: LLM? = nil,
        backendURL: String? = nil, kinesis: Kinesis? = nil, recordsPerMinute: Double? = nil, retrieval: Retrieval? = nil,
        internalPort: Int? = nil, ingestTokenDirectory: String? = nil
    ) {
        self.port = port
        self.internalPort = internalPort
        self.ingestTokenDirectory = ingestTokenDirectory
        self.region = region
        self.embedder = embedder
        self.vectorStore = vectorStore
        self.llm = llm
        self.backendURL = backendURL
        self.kinesis = kinesis
        self.recordsPerMinute = recordsPerMinute
        self.retrieval = retrieval
    }

    /// The embedder, by kind, with its settings.
    public enum Embedder: Sendable, Equatable {
        case hashing(dimensions: Int?)
        case local(dimensions: Int?)
        case bedrock(modelID: String, dimensions: Int?)
        case openAI(url: String, model: String, dimensions: Int?, apiKey: Secret?)

        public var kind: EmbedderKind {
            switch self {
            case .hashing: .hashing
            case .local: .local
            case .bedrock: .bedrock
            case .openAI: .openai
            }
        }
    }

    /// The vector store, by kind.
    public enum VectorStore: Sendable, Equatable {
        /// The embedded store; `dataDirectory` is `nil` for a process that reaches it through the backend.
        case embedded(dataDirectory: String?)
        case openSearch(endpoint: String, index: String, serverless: Bool)

        public var kind: VectorStoreKind {
            switch self {
            case .embedded: .embedded
            case .openSearch: .opensearch
            }
        }
    }

    /// An OpenAI-compatible chat endpoint (`url` without `/v1`).
    public struct LLM: Sendable, Equatable {
        public var url: String
        public var model: String

        public init(url: String, model: String) {
            self.url = url
            self.model = model
        }
    }

    /// The Kinesis source. The producer needs only the stream; the consumer the rest as well.
    public struct Kinesis: Sendable, Equatable {
        public var streamName: String
        /// `TRIM_HORIZON`, `LATEST` or `AT_TIMESTAMP`.
        public var startingPosition: String?
        /// ISO-8601, for `AT_TIMESTAMP`.
        public var startingTimestamp: String?
        public var batchSize: Int?
        /// The DynamoDB table of shard leases and checkpoints.
        public var leaseTable: String?

        public init(streamName: String, startingPosition: String? = nil, startingTimestamp: String? = nil, batchSize: Int? = nil, leaseTable: String? = nil) {
            self.streamName = streamName
            self.startingPosition = startingPosition
            self.startingTimestamp = startingTimestamp
            self.batchSize = batchSize
            self.leaseTable = leaseTable
        }
    }

    /// How many records the query API retrieves per question (`TOP_K`, `MAX_TOP_K`); unset parts
    /// take the query API's defaults.
    public struct Retrieval: Sendable, Equatable {
        /// Records retrieved when a request does not say.
        public var topK: Int?
        /// The most records a request may ask for.
        public var maxTopK: Int?

        /// The bound on both values, as the CRD's schema has it.
        public static let limit = 1_000

        public init(topK: Int? = nil, maxTopK: Int? = nil) {
            self.topK = topK
            self.maxTopK = maxTopK
        }
    }

    /// A secret value: a reference to a Kubernetes Secret on the operator's side; in the runtime,
    /// only whether the process was given one (the value itself is read where it is used).
    public enum Secret: Sendable, Equatable {
        case secretKeyRef(name: String, key: String)
        case provided
    }
}
