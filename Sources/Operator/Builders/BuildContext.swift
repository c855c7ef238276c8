import CRDs
import KubernetesCore

/// Everything a builder needs about one pipeline: the defaulted spec, where children go, their
/// names, labels and owner reference.
public struct BuildContext: Sendable {
    /// The pipeline with ``RAGPipelineSpec/withDefaults(runtimeImage:)`` applied.
    public let pipeline: RAGPipeline
    public let options: BuildOptions
    /// The pipeline's name, the prefix of every child name.
    public let name: String
    /// The pipeline's namespace, where every child lives.
    public let namespace: String
    /// Whether the pre-compilation Job for vLLM's current artifact key has succeeded (the
    /// `CompiledArtifactsReady` condition), so vLLM loads instead of compiling. Defaults: `false`.
    public var compiledArtifactsReady: Bool
    /// Whether the cluster serves KEDA's ScaledObjects (`keda.sh/v1alpha1`), found through discovery.
    /// Without KEDA, vLLM and consumer autoscaling fall back to `minReplicas` fixed replicas. Defaults: `false`.
    public var kedaInstalled: Bool

    public init(pipeline: RAGPipeline, options: BuildOptions = BuildOptions(), compiledArtifactsReady: Bool = false, kedaInstalled: Bool = false) {
        var defaulted = pipeline
        defaulted.spec = pipeline.spec.withDefaults(runtimeImage: options.runtimeImage)
        self.pipeline = defaulted
        self.options = options
        self.name = pipeline.metadata.name ?? ""
        self.namespace = pipeline.metadata.namespace ?? options.defaultNamespace
        self.compiledArtifactsReady = compiledArtifactsReady
        self.kedaInstalled = kedaInstalled
    }

    /// The defaulted spec.
    public var spec: RAGPipelineSpec { pipeline.spec }

    /// `<pipeline>-<suffix>`.
    public func childName(_ suffix: String) -> String { "\(name)-\(suffix)" }

    /// `<pipeline>-<component>`: the Deployment, Service, ServiceAccount and PDB of a component.
    public func childName(_ component: PipelineComponent) -> String { childName(component.rawValue) }

    /// Labels that select one component's Pods. Stable: Deployment selectors cannot change.
    public func selectorLabels(_ component: PipelineComponent) -> [String: String] {
        ["app.kubernetes.io/instance": name, "app.kubernetes.io/component": component.rawValue, "app.kubernetes.io/part-of": PipelineLabels.partOf]
    }

    /// Labels that select every Pod of this pipeline.
    public var pipelineSelectorLabels: [String: String] {
        ["app.kubernetes.io/instance": name, "app.kubernetes.io/part-of": PipelineLabels.partOf]
    }

    /// The standard `app.kubernetes.io/*` labels of every child.
    public func labels(_ component: PipelineComponent?) -> [String: String] {
        var labels = pipelineSelectorLabels
        labels["app.kubernetes.io/managed-by"] = PipelineLabels.managedBy
        labels["app.kubernetes.io/name"] = component?.applicationName ?? "rag-pipeline"
        labels["app.kubernetes.io/component"] = component?.rawValue ?? PipelineComponent.shared
        return labels
    }

    /// The controller owner reference to the pipeline, so children are garbage-collected with it.
    public var ownerReference: OwnerReference {
        OwnerReference(
            apiVersion: RAGPipeline.apiVersion, kind: RAGPipeline.kind, name: name,
            uid: pipeline.metadata.uid ?? "", controller: true, blockOwnerDeletion: true)
    }

    /// Metadata for a child: name, namespace, labels and the owner reference.
    public func metadata(_ name: String, component: PipelineComponent?, annotations: [String: String]? = nil) -> ObjectMeta {
        ObjectMeta(name: name, namespace: namespace, labels: labels(component), annotations: annotations, ownerReferences: [ownerReference])
    }
}

/// Label values shared by every pipeline.
public enum PipelineLabels {
    /// `app.kubernetes.io/part-of`.
    public static let partOf = "rag-pipeline"
    /// `app.kubernetes.io/managed-by`, also the server-side apply field manager.
    public static let managedBy = "rag-operator"
    /// Pod-template annotation whose change rolls a Deployment.
    public static let configHashAnnotation = "rag.dev/config-hash"
}
