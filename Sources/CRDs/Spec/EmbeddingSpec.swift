import KubernetesCore

/// How text becomes vectors: exactly one of `bedrock`, `openai`, `hashing` or `local`.
public struct EmbeddingSpec: Codable, Sendable, Equatable {
    /// Amazon Bedrock embeddings.
    public var bedrock: BedrockEmbeddingSpec?
    /// Any OpenAI-compatible `/v1/embeddings` endpoint.
    public var openai: OpenAIEmbeddingSpec?
    /// The runtime's built-in feature-hashing embedder: lexical, no network; for tiny footprints and tests.
    public var hashing: HashingEmbeddingSpec?
    /// The in-process sentence-embedding model, all-MiniLM-L6-v2 (384 dimensions), carried by the
    /// runtime image: no network, no service. The default when `aws.region` is not set.
    public var local: LocalEmbeddingSpec?

    public init(bedrock: BedrockEmbeddingSpec? = nil, openai: OpenAIEmbeddingSpec? = nil, hashing: HashingEmbeddingSpec? = nil, local: LocalEmbeddingSpec? = nil) {
        self.bedrock = bedrock
        self.openai = openai
        self.hashing = hashing
        self.local = local
    }

    /// How many providers are set (valid specs set one).
    var chosen: Int { [bedrock != nil, openai != nil, hashing != nil, local != nil].filter { $0 }.count }

    static var schema: JSONSchemaProperty {
        .object("How documents and questions become vectors: exactly one of bedrock, openai, hashing or local. Defaults to bedrock when aws.region is set, otherwise local.", properties: [
            "bedrock": BedrockEmbeddingSpec.schema,
            "openai": OpenAIEmbeddingSpec.schema,
            "hashing": HashingEmbeddingSpec.schema(
                "The runtime's built-in feature-hashing embedder: deterministic and offline, lexical (it matches words, not meaning); for tiny footprints and tests.",
                field: "hashing"),
            "local": LocalEmbeddingSpec.schema,
        ])
        .exactlyOne(of: ["bedrock", "openai", "hashing", "local"], message: "set exactly one of embedding.bedrock, embedding.openai, embedding.hashing or embedding.local")
        .validated(
            by: "has(self.bedrock) == has(oldSelf.bedrock) && has(self.openai) == has(oldSelf.openai) && has(self.hashing) == has(oldSelf.hashing) && has(self.local) == has(oldSelf.local)",
            message: "the embedding provider cannot change: indexed vectors would not match new ones; create a new RAGPipeline instead")
    }
}

/// Amazon Bedrock embeddings (needs `aws.region` and a role with `bedrock:InvokeModel`).
public struct BedrockEmbeddingSpec: Codable, Sendable, Equatable {
    /// Defaults: `cohere.embed-english-v3`.
    public var modelId: String?
    /// Defaults: 1024.
    public var dimensions: Int?

    public init(modelId: String? = nil, dimensions: Int? = nil) {
        self.modelId = modelId
        self.dimensions = dimensions
    }

    static var schema: JSONSchemaProperty {
        .object("Amazon Bedrock embeddings. Needs aws.region and a role allowed bedrock:InvokeModel.", properties: [
            "modelId": .string("Bedrock model id, such as cohere.embed-english-v3 or amazon.titan-embed-text-v2:0. Defaults to cohere.embed-english-v3.", minLength: 1, default: RAGPipelineDefaults.bedrockModelId),
            "dimensions": .integer("Vector dimensions the model returns. Defaults to 1024.", minimum: 1, maximum: 16000, default: RAGPipelineDefaults.bedrockDimensions),
        ])
        .immutable("embedding.bedrock cannot change: indexed vectors would not match new ones")
    }
}

/// An OpenAI-compatible embeddings endpoint (`POST <url>/v1/embeddings`).
public struct OpenAIEmbeddingSpec: Codable, Sendable, Equatable {
    /// Base URL, such as `http://tei.embeddings:8080`.
    public var url: String
    /// The model name sent in each request.
    public var model: String
    /// Vector dimensions, if the store needs them up front.
    public var dimensions: Int?
    /// A Secret key holding the API key, sent as a bearer token.
    public var apiKeySecretRef: SecretKeyReference?

    public init(url: String, model: String) {
        self.url = url
        self.model = model
    }

    static var schema: JSONSchemaProperty {
        .object("An OpenAI-compatible embeddings endpoint; the runtime calls POST <url>/v1/embeddings.", properties: [
            "url": .string("Base URL of the server, such as http://tei.embeddings.svc:8080 (http or https).", pattern: "^https?://", minLength: 8),
            "model": .string("Model name sent in every request. Immutable: indexed vectors would not match another model's.", minLength: 1)
                .immutable("embedding.openai.model cannot change: indexed vectors would not match new ones"),
            "dimensions": .integer("Vector dimensions the model returns. Immutable.", minimum: 1, maximum: 16000)
                .immutable("embedding.openai.dimensions cannot change: indexed vectors would not match new ones"),
            "apiKeySecretRef": SecretKeyReference.schema.described("Secret key holding the API key, sent as a bearer token. Omit for servers without authentication."),
        ], required: ["url", "model"])
    }
}

/// The in-process sentence-embedding model the runtime image carries.
public struct LocalEmbeddingSpec: Codable, Sendable, Equatable {
    /// Defaults: `all-MiniLM-L6-v2`, the only model the image carries.
    public var model: String?
    /// Defaults: 384, the model's; no other value is accepted.
    public var dimensions: Int?

    public init(model: String? = nil, dimensions: Int? = nil) {
        self.model = model
        self.dimensions = dimensions
    }

    static var schema: JSONSchemaProperty {
        .object("The in-process sentence-embedding model all-MiniLM-L6-v2 (384 dimensions), carried by the runtime image: no network, no service, nothing to pay per call. The default when aws.region is not set.", properties: [
            "model": .string("The model. Defaults to all-MiniLM-L6-v2, the one the runtime image carries. Immutable.", allowed: [RAGPipelineDefaults.localModel], default: RAGPipelineDefaults.localModel)
                .immutable("embedding.local.model cannot change: indexed vectors would not match new ones"),
            "dimensions": .integer("Vector dimensions: 384, the model's.", minimum: RAGPipelineDefaults.localDimensions, maximum: RAGPipelineDefaults.localDimensions, default: RAGPipelineDefaults.localDimensions),
        ])
    }
}

/// An in-process embedder's settings: its dimensions.
public struct HashingEmbeddingSpec: Codable, Sendable, Equatable {
    /// Defaults: 384.
    public var dimensions: Int?

    public init(dimensions: Int? = nil) { self.dimensions = dimensions }

    static func schema(_ description: String, field: String) -> JSONSchemaProperty {
        .object(description, properties: [
            "dimensions": .integer("Vector dimensions. Defaults to 384. Immutable.", minimum: 8, maximum: 4096, default: RAGPipelineDefaults.hashingDimensions)
                .immutable("embedding.\(field).dimensions cannot change: indexed vectors would not match new ones"),
        ])
    }
}
