import KubernetesCore

/// Where vLLM keeps what the Neuron compiler produced, so a restart or a new replica loads compiled
/// artifacts instead of compiling again (10 to 30 minutes each time). Exactly one of
/// `persistentVolumeClaim` and `s3`.
///
/// ```yaml
/// compileCache:
///   persistentVolumeClaim: {storageClassName: efs-sc, size: 100Gi}
///   precompile: true
/// ```
///
/// Defaults: `precompile` is `false`; see ``CompileCacheVolumeSpec`` for the claim's.
public struct CompileCacheSpec: Codable, Sendable, Equatable {
    /// A volume the operator claims (`<pipeline>-vllm-compile-cache`), shared by every replica.
    public var persistentVolumeClaim: CompileCacheVolumeSpec?
    /// An S3 location reached through the vLLM ServiceAccount's Pod Identity role.
    public var s3: CompileCacheS3Spec?
    /// Compile in a Job before vLLM rolls to a new model configuration. Defaults: `false`.
    public var precompile: Bool?

    public init(persistentVolumeClaim: CompileCacheVolumeSpec? = nil, s3: CompileCacheS3Spec? = nil, precompile: Bool? = nil) {
        self.persistentVolumeClaim = persistentVolumeClaim
        self.s3 = s3
        self.precompile = precompile
    }

    /// How many of the two stores are set (exactly one is valid).
    public var chosen: Int { [persistentVolumeClaim != nil, s3 != nil].filter { $0 }.count }

    static var schema: JSONSchemaProperty {
        .object("Keeps the Neuron compiler's output so restarts and new replicas load compiled artifacts instead of compiling (10 to 30 minutes). Artifacts live in a folder keyed by model, tensor-parallel size, max-model-len, max-num-seqs and image (NEURON_COMPILED_ARTIFACTS). Exactly one of persistentVolumeClaim and s3.", properties: [
            "persistentVolumeClaim": CompileCacheVolumeSpec.schema,
            "s3": CompileCacheS3Spec.schema,
            "precompile": .boolean("Compile in a Job (same image, resources and NeuronCores as vLLM) before the vLLM Deployment rolls to a new artifact key; the CompiledArtifactsReady condition reports it. Needs NeuronCores free for the Job while the old replicas serve. Defaults to false.", default: false),
        ])
        .exactlyOne(of: ["persistentVolumeClaim", "s3"], message: "llm.vllm.compileCache needs exactly one of persistentVolumeClaim and s3")
    }
}

/// The compile cache in S3.
///
/// vLLM's `NEURON_COMPILED_ARTIFACTS` must be a local directory, so the artifacts themselves stay on
/// the Pod's `/cache`; the Neuron compiler's persistent cache (`NEURON_COMPILE_CACHE_URL`, compiled
/// graphs keyed by their HLO) is `<uri>/neuron-compile-cache`, so a restart re-traces the model but
/// skips the compiler.
public struct CompileCacheS3Spec: Codable, Sendable, Equatable {
    /// `s3://bucket/prefix`.
    public var uri: String

    public init(uri: String) { self.uri = uri }

    static var schema: JSONSchemaProperty {
        .object("The compile cache in S3, read and written with the vLLM ServiceAccount's Pod Identity role (llm.vllm.podIdentity, else aws.podIdentity), which needs s3:GetObject, s3:PutObject and s3:ListBucket there.", properties: [
            "uri": .string("s3://bucket/prefix.", pattern: SpecPatterns.s3URI, maxLength: 1024),
        ], required: ["uri"])
    }
}
