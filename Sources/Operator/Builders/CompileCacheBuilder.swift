import CRDs
import KubernetesCore

/// vLLM's Neuron compile cache: the claim (with `compileCache.persistentVolumeClaim`), its volume,
/// and the environment that points vLLM and the Neuron compiler at it.
///
/// | store | `NEURON_COMPILED_ARTIFACTS` | `NEURON_COMPILE_CACHE_URL` |
/// |---|---|---|
/// | none | `/cache/compiled-artifacts/<key>` | `/cache/neuron-compile-cache` |
/// | claim | `/var/cache/neuron/compiled-artifacts/<key>` | `/var/cache/neuron/neuron-compile-cache` |
/// | S3 | `/cache/compiled-artifacts/<key>` | `<uri>/neuron-compile-cache` |
///
/// `NEURON_COMPILED_ARTIFACTS` is read by NxD Inference as a local path (load when it holds a compiled
/// model, else compile and save there), so with S3 it stays on the Pod's disk and only the compiler's
/// persistent cache (`NEURON_COMPILE_CACHE_URL`, which accepts `s3://`) is shared. `<key>` is
/// ``CompiledArtifacts/key(_:)``. `VLLM_NEURON_FRAMEWORK` selects NxD Inference, the framework that
/// reads `NEURON_COMPILED_ARTIFACTS`.
public enum CompileCacheBuilder {
    /// Where the claim is mounted.
    public static let mountPath = "/var/cache/neuron"
    /// The Pod's own cache volume (an `emptyDir`).
    public static let localPath = "/cache"
    static let volumeName = "compile-cache"

    /// `<pipeline>-vllm-compile-cache`.
    public static func claimName(_ context: BuildContext) -> String { context.childName("vllm-compile-cache") }

    /// The claim, or `nil` without `compileCache.persistentVolumeClaim`. Size, access mode and
    /// StorageClass after defaults; the reconciler keeps a live claim's spec as it is.
    public static func claim(_ context: BuildContext) -> PersistentVolumeClaim? {
        guard let vllm = context.spec.llm.vllm, let volume = vllm.compileCache?.persistentVolumeClaim else { return nil }
        let mode = volume.accessMode ?? CompileCacheVolumeSpec.defaultAccessMode(replicas: vllm.mostReplicas)
        let resources = ResourceRequirements(requests: ["storage": volume.size ?? RAGPipelineDefaults.compileCacheSize])
        return PersistentVolumeClaim(
            metadata: context.metadata(claimName(context), component: .vllm),
            spec: .init(accessModes: [mode], resources: resources, storageClassName: volume.storageClassName))
    }

    /// The claim's volume and its mount at ``mountPath``, or `nil` without a claim.
    static func volume(_ context: BuildContext) -> (Volume, VolumeMount)? {
        guard context.spec.llm.vllm?.compileCache?.persistentVolumeClaim != nil else { return nil }
        var volume = Volume(name: volumeName)
        volume.persistentVolumeClaim = .init(claimName: claimName(context))
        return (volume, VolumeMount(name: volumeName, mountPath: mountPath))
    }

    /// `NEURON_COMPILED_ARTIFACTS`, `NEURON_COMPILE_CACHE_URL`, `VLLM_NEURON_FRAMEWORK` and, with S3,
    /// `AWS_REGION` (see the table above).
    static func environment(_ context: BuildContext) -> [EnvVar] {
        guard let vllm = context.spec.llm.vllm else { return [] }
        let cache = vllm.compileCache
        let root = cache?.persistentVolumeClaim != nil ? mountPath : localPath
        let compilerCache = cache?.s3.map { trimmingSlashes($0.uri) } ?? root
        var env = [
            EnvVar(name: "VLLM_NEURON_FRAMEWORK", value: "neuronx-distributed-inference"),
            EnvVar(name: "NEURON_COMPILED_ARTIFACTS", value: "\(root)/compiled-artifacts/\(CompiledArtifacts.key(vllm))"),
            EnvVar(name: "NEURON_COMPILE_CACHE_URL", value: "\(compilerCache)/neuron-compile-cache"),
        ]
        if cache?.s3 != nil, let region = context.spec.aws?.region {
            env.append(EnvVar(name: "AWS_REGION", value: region))
        }
        return env
    }

    static func trimmingSlashes(_ uri: String) -> String {
        var uri = uri
        while uri.hasSuffix("/") { uri.removeLast() }
        return uri
    }
}
