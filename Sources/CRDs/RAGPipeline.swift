import KubernetesCore

/// A `rag.dev/v1alpha1` RAGPipeline: one declarative RAG deployment over streaming telemetry.
///
/// The CRDs target holds the API: this type, its spec and status, defaults
/// (``RAGPipelineSpec/withDefaults()``), semantic validation (``validate()``) and the CRD generated
/// from them (``RAGPipelineCRD``).
///
/// ```swift
/// let pipeline = try JSONValue(data: manifest).decode(RAGPipeline.self)
/// let problems = pipeline.validate()   // [] when the spec can be reconciled
/// ```
public struct RAGPipeline: NamespacedResource, Equatable {
    public static let apiVersion = "rag.dev/v1alpha1", kind = "RAGPipeline", plural = "ragpipelines"
    /// The API group, `rag.dev`.
    public static let group = "rag.dev"
    /// The served and stored version, `v1alpha1`.
    public static let version = "v1alpha1"
    public static let singular = "ragpipeline"
    /// `kubectl get ragp`.
    public static let shortName = "ragp"
    /// `kubectl get rag` lists every kind in the category.
    public static let category = "rag"

    public var metadata: ObjectMeta
    public var spec: RAGPipelineSpec
    public var status: RAGPipelineStatus?

    public init(metadata: ObjectMeta, spec: RAGPipelineSpec, status: RAGPipelineStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
