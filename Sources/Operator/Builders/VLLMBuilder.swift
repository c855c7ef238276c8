import CRDs
import KubernetesCore

/// vLLM on AWS Inferentia2: an OpenAI-compatible server on port 8000, built only for `llm.vllm`.
///
/// The Pod requests `aws.amazon.com/neuroncore` (requests = limits = `neuronCores`) and
/// `ephemeral-storage` (`ephemeralStorage`), tolerates the Neuron taint, selects the instance type,
/// mounts a memory-backed `/dev/shm`, a writable `/cache` (Hugging Face download, working directory)
/// limited to `ephemeralStorage`, and the compile cache (``CompileCacheBuilder``). Its startup probe
/// allows 30 minutes (10 s × 180) for download and Neuron compilation before liveness applies, or
/// 10 minutes (10 s × 60) when a pre-compilation Job has compiled the artifacts
/// (``BuildContext/compiledArtifactsReady``).
public enum VLLMBuilder {
    public static let port = 8000
    /// The Neuron device plugin's per-core resource.
    public static let neuronCoreResource = "aws.amazon.com/neuroncore"
    /// Startup probe period and failures: 10 s × 180 = 30 minutes when vLLM may compile ...
    public static let startupPeriodSeconds = 10, startupFailureThreshold = 180
    /// ... and 10 s × 60 = 10 minutes when it loads pre-compiled artifacts.
    public static let precompiledStartupFailureThreshold = 60

    /// The readiness check: exit 0 when the OpenAI-compatible `/v1/models` lists the model (argv[1]).
    static let modelServedCheck = """
        import json, sys, urllib.request
        models = json.load(urllib.request.urlopen("http://127.0.0.1:8000/v1/models", timeout=4))
        sys.exit(0 if sys.argv[1] in [m.get("id") for m in models.get("data", [])] else 1)
        """

    /// Whether the operator runs vLLM for this pipeline.
    public static func isEnabled(_ context: BuildContext) -> Bool { context.spec.llm.vllm != nil }

    /// `http://<pipeline>-vllm:8000`, the base URL the backend gets as `LLM_URL`.
    public static func serviceURL(_ context: BuildContext) -> String {
        ServiceBuilder.url(context, for: .vllm, port: port)
    }

    /// The vLLM Deployment, or `nil` with `llm.external`.
    ///
    /// Rolling updates replace Pods one at a time without surge (`maxSurge: 0`), because a surge Pod
    /// would wait for NeuronCores that the old Pod still holds.
    public static func deployment(_ context: BuildContext) throws -> Deployment? {
        guard let vllm = context.spec.llm.vllm else { return nil }
        var workload = self.workload(context, vllm)
        workload.container.command = ["python3", "-m", "vllm.entrypoints.openai.api_server"]
        workload.container.args = arguments(vllm)
        workload.container.ports = [ContainerPort(name: "http", containerPort: port, protocol: "TCP")]
        var startup = DeploymentAssembler.probe(
            "/health", periodSeconds: startupPeriodSeconds,
            failureThreshold: context.compiledArtifactsReady ? precompiledStartupFailureThreshold : startupFailureThreshold)
        startup.initialDelaySeconds = 30
        workload.container.startupProbe = startup
        // Ready only once the model is served (`/v1/models` lists it), not when the server answers
        // `/health` while it is still loading: no traffic reaches a replica that cannot answer.
        var ready = Probe(exec: .init(command: ["python3", "-c", modelServedCheck, vllm.model]))
        ready.periodSeconds = 10
        ready.timeoutSeconds = 5
        ready.failureThreshold = 3
        workload.container.readinessProbe = ready
        workload.container.livenessProbe = DeploymentAssembler.probe("/health", periodSeconds: 30, timeoutSeconds: 10)
        workload.strategy = DeploymentStrategy(type: "RollingUpdate", rollingUpdate: .init(maxUnavailable: 1, maxSurge: 0))
        return try DeploymentAssembler.deployment(context, workload)
    }

    /// What the server and the pre-compilation Job share: image, environment, resources, volumes,
    /// node selection; no command yet.
    static func workload(_ context: BuildContext, _ vllm: VLLMSpec) -> DeploymentAssembler.Workload {
        var container = Container(name: "vllm", image: vllm.image ?? RAGPipelineDefaults.vllmImage)
        container.env = environment(vllm) + CompileCacheBuilder.environment(context)
        container.resources = resources(vllm)
        // NxD Inference saves a downloaded checkpoint under ./local-models: the root filesystem is read-only.
        container.workingDir = CompileCacheBuilder.localPath
        let overrides = PodTemplateOverrides(nodeSelector: vllm.nodeSelector, tolerations: vllm.tolerations)
        var workload = DeploymentAssembler.Workload(component: .vllm, replicas: context.appliedReplicas(.vllm), container: container, overrides: overrides)
        workload.volumes = [
            RestrictedPodSecurity.scratch("dshm", at: "/dev/shm", medium: "Memory", sizeLimit: "2Gi"),
            RestrictedPodSecurity.scratch("cache", at: CompileCacheBuilder.localPath, sizeLimit: vllm.ephemeralStorage ?? RAGPipelineDefaults.vllmEphemeralStorage),
        ]
        if let cache = CompileCacheBuilder.volume(context) { workload.volumes.append(cache) }
        return workload
    }

    /// `<pipeline>-vllm`, port 8000.
    public static func service(_ context: BuildContext) -> Service? {
        guard isEnabled(context) else { return nil }
        return ServiceBuilder.service(context, for: .vllm, port: port)
    }

    /// The OpenAI-compatible server's flags.
    static func arguments(_ vllm: VLLMSpec) -> [String] {
        [
            "--model", vllm.model,
            "--tensor-parallel-size", String(vllm.tensorParallelSize ?? RAGPipelineDefaults.tensorParallelSize),
            "--max-model-len", String(vllm.maxModelLen ?? RAGPipelineDefaults.maxModelLen),
            "--max-num-seqs", String(vllm.maxNumSeqs ?? RAGPipelineDefaults.maxNumSeqs),
            "--port", String(port),
            "--device", "neuron",
        ]
    }

    /// Caches on the writable `/cache` volume, and `HF_TOKEN` from the Secret when given (the compile
    /// cache's variables come from ``CompileCacheBuilder``).
    static func environment(_ vllm: VLLMSpec) -> [EnvVar] {
        var env = [
            EnvVar(name: "HOME", value: "/cache"),
            EnvVar(name: "HF_HOME", value: "/cache/huggingface"),
            EnvVar(name: "XDG_CACHE_HOME", value: "/cache"),
        ]
        if let secret = vllm.hfTokenSecretRef {
            env.append(EnvVar(name: "HF_TOKEN", valueFrom: .init(secretKeyRef: .init(name: secret.name, key: secret.key ?? RAGPipelineDefaults.hfTokenKey))))
        }
        return env
    }

    /// The user's CPU and memory plus `aws.amazon.com/neuroncore` in both requests and limits
    /// (extended resources must have equal requests and limits), and an `ephemeral-storage` request of
    /// `ephemeralStorage` unless `resources` names one.
    static func resources(_ vllm: VLLMSpec) -> ResourceRequirements {
        let cores = String(vllm.neuronCores ?? RAGPipelineDefaults.neuronCores)
        var resources = vllm.resources ?? ResourceRequirements()
        let storage = vllm.ephemeralStorage ?? RAGPipelineDefaults.vllmEphemeralStorage
        resources.requests = (resources.requests ?? [:]).merging(["ephemeral-storage": storage]) { theirs, _ in theirs }
        resources.requests = (resources.requests ?? [:]).merging([neuronCoreResource: cores]) { _, ours in ours }
        resources.limits = (resources.limits ?? [:]).merging([neuronCoreResource: cores]) { _, ours in ours }
        return resources
    }
}
