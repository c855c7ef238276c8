import CRDs
import KubernetesCore

/// The Job that compiles vLLM's model for Neuron into the compile cache before the Deployment rolls
/// to it (`llm.vllm.compileCache.precompile`).
///
/// The Job runs vLLM's offline `LLM(...)` with the server's image, environment, resources,
/// NeuronCores, volumes and ServiceAccount, so it compiles exactly what the server would and saves
/// it under `NEURON_COMPILED_ARTIFACTS`, then exits. It is named after the artifact key
/// (``CompiledArtifacts/key(_:)``, also in the ``artifactKeyAnnotation``), created once (a Job's Pod
/// template cannot change), and kept after it finishes: its success is the record that the key is
/// compiled. A Job for an older key is deleted with the key.
public enum PrecompileJobBuilder {
    /// The annotation holding the full artifact key.
    public static let artifactKeyAnnotation = "rag.dev/compiled-artifacts-key"
    /// Retries before the Job fails: compilation is deterministic, so few.
    public static let backoffLimit = 2
    /// Two hours for all attempts: the largest models compile in about one.
    public static let activeDeadlineSeconds = 7_200

    /// Loads, or compiles and saves, the model as the server would; argv: model, tp, len, seqs.
    static let compileScript = """
        import sys
        from vllm import LLM
        LLM(model=sys.argv[1], tensor_parallel_size=int(sys.argv[2]), max_model_len=int(sys.argv[3]), max_num_seqs=int(sys.argv[4]), device="neuron")
        """

    /// Whether the spec asks for pre-compilation.
    public static func isEnabled(_ context: BuildContext) -> Bool {
        context.spec.llm.vllm?.compileCache?.precompile == true
    }

    /// `<pipeline>-compile-<hash>`, at most 63 characters (Jobs label their Pods with their name): the
    /// hash covers the pipeline's name and the artifact key, so a shortened pipeline name cannot
    /// collide with another pipeline's Job.
    public static func jobName(_ context: BuildContext) -> String? {
        guard let vllm = context.spec.llm.vllm else { return nil }
        let key = CompiledArtifacts.key(vllm)
        let digest = String(ConfigHash.hex(ConfigHash.fnv1a64(Array("\(context.name)\n\(key)".utf8))).prefix(8))
        let suffix = "-compile-\(digest)"
        var prefix = String(context.name.prefix(63 - suffix.count))
        while prefix.hasSuffix("-") { prefix.removeLast() }
        return prefix + suffix
    }

    /// The Job, or `nil` without `precompile`.
    ///
    /// - Throws: an `EncodingError` if the Pod template cannot be hashed.
    public static func job(_ context: BuildContext) throws -> Job? {
        guard isEnabled(context), let vllm = context.spec.llm.vllm, let name = jobName(context) else { return nil }
        var workload = VLLMBuilder.workload(context, vllm)
        workload.container.name = "compile"
        workload.container.command = ["python3", "-c", compileScript]
        workload.container.args = [
            vllm.model, String(vllm.tensorParallelSize ?? RAGPipelineDefaults.tensorParallelSize),
            String(vllm.maxModelLen ?? RAGPipelineDefaults.maxModelLen), String(vllm.maxNumSeqs ?? RAGPipelineDefaults.maxNumSeqs),
        ]
        workload.restartPolicy = "Never"
        let spec = Job.Spec(template: try DeploymentAssembler.podTemplate(context, workload), backoffLimit: backoffLimit, activeDeadlineSeconds: activeDeadlineSeconds)
        let metadata = context.metadata(name, component: .vllm, annotations: [artifactKeyAnnotation: CompiledArtifacts.key(vllm)])
        return Job(metadata: metadata, spec: spec)
    }
}
