import KubernetesCore

/// The RAGPipeline CustomResourceDefinition, generated from the Swift types' schemas.
///
/// `rag-operator crd` prints ``yaml()``; the checked-in `config/crd/bases/rag.dev_ragpipelines.yaml`
/// must equal it (a test fails on drift).
public enum RAGPipelineCRD {
    /// `ragpipelines.rag.dev`.
    public static let name = "\(RAGPipeline.plural).\(RAGPipeline.group)"

    /// The CRD: namespaced, `v1alpha1` served and stored, status subresource, printer columns
    /// Ready, LLM, URL and Age.
    public static func definition() -> CustomResourceDefinition {
        let version = CustomResourceDefinition.Version(
            name: RAGPipeline.version,
            schema: .init(openAPIV3Schema: openAPIV3Schema()),
            subresources: .init(status: .object([:])),
            additionalPrinterColumns: printerColumns)
        let names = CustomResourceDefinition.Names(
            plural: RAGPipeline.plural, singular: RAGPipeline.singular, kind: RAGPipeline.kind,
            listKind: "\(RAGPipeline.kind)List", shortNames: [RAGPipeline.shortName], categories: [RAGPipeline.category])
        return CustomResourceDefinition(
            metadata: ObjectMeta(name: name, labels: ["app.kubernetes.io/name": "rag-operator", "app.kubernetes.io/part-of": "rag-pipeline"]),
            spec: .init(group: RAGPipeline.group, names: names, scope: "Namespaced", versions: [version]))
    }

    /// The root schema of a RAGPipeline object.
    public static func openAPIV3Schema() -> JSONValue {
        JSONSchemaProperty.object("RAGPipeline runs a retrieval-augmented generation pipeline over streaming telemetry: a Kinesis consumer embeds and indexes records, a query API retrieves them by meaning and time and asks an LLM, and a web UI shows the answers.", properties: [
            "apiVersion": .string("APIVersion defines the versioned schema of this representation of an object."),
            "kind": .string("Kind is a string value representing the REST resource this object represents."),
            "metadata": JSONSchemaProperty(json: ["type": "object"]),
            "spec": RAGPipelineSpec.schema,
            "status": RAGPipelineStatus.schema,
        ], required: ["spec"]).value
    }

    static let printerColumns: [CustomResourceDefinition.PrinterColumn] = [
        .init(name: "Ready", type: "string", jsonPath: #".status.conditions[?(@.type=="Ready")].status"#, description: "Whether every component is ready."),
        .init(name: "LLM", type: "string", jsonPath: ".status.llmModel", description: "The model answering questions."),
        .init(name: "URL", type: "string", jsonPath: ".status.url", description: "The UI's URL."),
        .init(name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp"),
    ]

    /// The CRD as YAML, exactly as checked in at `config/crd/bases/rag.dev_ragpipelines.yaml`.
    ///
    /// - Throws: only if encoding the definition fails, which the types here cannot cause.
    public static func yaml() throws -> String {
        "# Generated from the Swift types in Sources/CRDs by `rag-operator crd`. Do not edit.\n"
            + YAMLRenderer.render(try JSONValue(encoding: definition()))
    }
}
