/// Where vectors are stored and searched: exactly one of `opensearch` or `embedded`.
public struct VectorStoreSpec: Codable, Sendable, Equatable {
    /// Amazon OpenSearch Service or OpenSearch Serverless (k-NN).
    public var opensearch: OpenSearchSpec?
    /// The runtime's embedded HNSW index on a PersistentVolumeClaim.
    public var embedded: EmbeddedVectorStoreSpec?

    public init(opensearch: OpenSearchSpec? = nil, embedded: EmbeddedVectorStoreSpec? = nil) {
        self.opensearch = opensearch
        self.embedded = embedded
    }

    /// The name the runtime's `VECTOR_STORE` variable takes: `opensearch` or `embedded`.
    public var kind: String? {
        if opensearch != nil { return "opensearch" }
        if embedded != nil { return "embedded" }
        return nil
    }

    static var schema: JSONSchemaProperty {
        .object("Where vectors are stored and searched: exactly one of opensearch or embedded.", properties: [
            "opensearch": OpenSearchSpec.schema,
            "embedded": EmbeddedVectorStoreSpec.schema,
        ])
        .exactlyOne(of: ["opensearch", "embedded"], message: "set exactly one of vectorStore.opensearch or vectorStore.embedded")
        .validated(by: "has(self.embedded) == has(oldSelf.embedded)", message: "the vector store kind cannot change: the indexed documents would be lost; create a new RAGPipeline instead")
    }
}

/// An OpenSearch domain or OpenSearch Serverless collection, reached with SigV4.
public struct OpenSearchSpec: Codable, Sendable, Equatable {
    /// `https://<id>.<region>.aoss.amazonaws.com` or a domain endpoint.
    public var endpoint: String
    /// Defaults: `rag-telemetry`.
    public var index: String?
    /// Signs for service `aoss` instead of `es`. Defaults: whether the endpoint ends in `.aoss.amazonaws.com`.
    public var serverless: Bool?

    public init(endpoint: String, index: String? = nil, serverless: Bool? = nil) {
        self.endpoint = endpoint
        self.index = index
        self.serverless = serverless
    }

    static var schema: JSONSchemaProperty {
        .object("An Amazon OpenSearch Service domain or OpenSearch Serverless collection, reached over HTTPS with SigV4. Needs aws.region.", properties: [
            "endpoint": .string("HTTPS endpoint, such as https://abc123.eu-west-1.aoss.amazonaws.com.", pattern: "^https://", minLength: 9),
            "index": .string("k-NN index name; created with the right mapping when missing. Defaults to rag-telemetry. Immutable.", pattern: #"^[a-z0-9][a-z0-9_.-]*$"#, maxLength: 255, default: RAGPipelineDefaults.openSearchIndex)
                .immutable("vectorStore.opensearch.index cannot change: documents indexed so far would no longer be searched"),
            "serverless": .boolean("OpenSearch Serverless (SigV4 service aoss) rather than a managed domain (es). Defaults to true when the endpoint ends in .aoss.amazonaws.com."),
        ], required: ["endpoint"])
    }
}

/// The runtime's embedded HNSW vector store, persisted on a PersistentVolumeClaim owned by the pipeline.
public struct EmbeddedVectorStoreSpec: Codable, Sendable, Equatable {
    /// The volume size. Defaults: `10Gi`. Immutable.
    public var storage: String?
    /// The StorageClass. Defaults: the cluster's default class.
    public var storageClassName: String?

    public init(storage: String? = nil, storageClassName: String? = nil) {
        self.storage = storage
        self.storageClassName = storageClassName
    }

    static var schema: JSONSchemaProperty {
        .object("The runtime's embedded HNSW index, persisted on a PersistentVolumeClaim owned by this RAGPipeline (deleted with it). The backend owns the index, so it runs one replica.", properties: [
            "storage": .string("Size of the volume, such as 10Gi. Defaults to 10Gi. Immutable: a new size would mean a new, empty volume.", pattern: JSONSchemaProperty.quantityPattern, default: RAGPipelineDefaults.embeddedStorage)
                .immutable("vectorStore.embedded.storage is immutable: changing it would replace the volume and lose the index"),
            "storageClassName": .string("StorageClass of the volume, such as gp3. Defaults to the cluster's default StorageClass. Immutable.")
                .immutable("vectorStore.embedded.storageClassName is immutable: changing it would replace the volume and lose the index"),
        ])
    }
}
