import CRDs
import KubernetesCore
import Operator
import Testing

/// The compile cache as built: the artifact key, the environment, the claim, the pre-compilation Job,
/// the S3 role, and vLLM's local disk.
@Suite struct CompileCacheBuilderTests {
    static let sample = "rag_v1alpha1_ragpipeline_neuron_cache.yaml"

    func pipeline(_ change: (inout VLLMSpec) -> Void = { _ in }) throws -> RAGPipeline {
        var pipeline = try SamplePipelines.pipeline(Self.sample)
        change(&pipeline.spec.llm.vllm!)
        return pipeline
    }

    func children(_ change: (inout VLLMSpec) -> Void = { _ in }, ready: Bool = false) throws -> [DesiredObject] {
        try DesiredState.children(of: try pipeline(change), options: BuildOptions(runtimeImage: "ghcr.io/rag-dev/rag-runtime:test"), compiledArtifactsReady: ready)
    }

    func container(_ change: (inout VLLMSpec) -> Void = { _ in }, ready: Bool = false) throws -> JSONValue {
        try #require(try children(change, ready: ready).body("Deployment", "fleet-logs-vllm")?.firstContainer)
    }

    @Test func theKeyIsReadableAndCoversTheFiveInputs() throws {
        let base = try #require(try pipeline().spec.llm.vllm)
        let key = CompiledArtifacts.key(base)
        #expect(key.hasPrefix("llama-3-2-1b-instruct-tp2-len4096-seqs8-"))
        #expect(key.count == "llama-3-2-1b-instruct-tp2-len4096-seqs8-".count + 8)
        let changes: [(String, (inout VLLMSpec) -> Void)] = [
            ("model", { $0.model = "meta-llama/Llama-3.1-8B-Instruct" }),
            ("tensorParallelSize", { $0.tensorParallelSize = 12; $0.neuronCores = 12 }),
            ("maxModelLen", { $0.maxModelLen = 8192 }),
            ("maxNumSeqs", { $0.maxNumSeqs = 4 }),
            ("image", { $0.image = "public.ecr.aws/neuron/pytorch-inference-vllm-neuronx:0.9.1-neuronx-py310-sdk2.25.0-ubuntu22.04" }),
        ]
        for (input, change) in changes {
            var changed = base
            change(&changed)
            #expect(CompiledArtifacts.hash(changed) != CompiledArtifacts.hash(base), "\(input) changes the hash")
        }
        let unrelated: [(String, (inout VLLMSpec) -> Void)] = [
            ("replicas", { $0.replicas = 5 }), ("resources", { $0.resources = ResourceRequirements(requests: ["cpu": "4"]) }),
            ("ephemeralStorage", { $0.ephemeralStorage = "80Gi" }), ("precompile", { $0.compileCache?.precompile = false }),
            ("nodeSelector", { $0.nodeSelector = ["karpenter.sh/nodepool": "neuron"] }),
        ]
        for (input, change) in unrelated {
            var changed = base
            change(&changed)
            #expect(CompiledArtifacts.key(changed) == key, "\(input) does not change the key")
        }
        var defaulted = base
        defaulted.image = nil
        #expect(CompiledArtifacts.key(defaulted) != key, "the default image is an input too")
    }

    @Test func vLLMLoadsArtifactsFromTheClaim() throws {
        let container = try container()
        let key = CompiledArtifacts.key(try #require(try pipeline().spec.llm.vllm))
        #expect(container.env("NEURON_COMPILED_ARTIFACTS") == "/var/cache/neuron/compiled-artifacts/\(key)")
        #expect(container.env("NEURON_COMPILE_CACHE_URL") == "/var/cache/neuron/neuron-compile-cache")
        #expect(container.env("VLLM_NEURON_FRAMEWORK") == "neuronx-distributed-inference")
        #expect(container["workingDir"] == "/cache", "NxD Inference writes ./local-models; the root filesystem is read-only")
        let mounts = container["volumeMounts"]?.arrayValue ?? []
        #expect(mounts.contains { $0["name"] == "compile-cache" && $0["mountPath"] == "/var/cache/neuron" })
        let deployment = try #require(try children().body("Deployment", "fleet-logs-vllm"))
        let volumes = deployment[path: ["spec", "template", "spec", "volumes"]]?.arrayValue ?? []
        #expect(volumes.contains { $0["persistentVolumeClaim"]?["claimName"] == "fleet-logs-vllm-compile-cache" })
    }

    @Test func withoutACacheTheArtifactsStayOnThePodsDisk() throws {
        let container = try container { $0.compileCache = nil }
        #expect(container.env("NEURON_COMPILED_ARTIFACTS")?.hasPrefix("/cache/compiled-artifacts/llama-3-2-1b-instruct-tp2-") == true)
        #expect(container.env("NEURON_COMPILE_CACHE_URL") == "/cache/neuron-compile-cache")
        #expect(try children { $0.compileCache = nil }.names("PersistentVolumeClaim") == [])
        #expect(try children { $0.compileCache = nil }.names("Job") == [])
    }

    @Test func anS3CacheSharesTheCompilerCacheThroughTheVLLMRole() throws {
        let s3: (inout VLLMSpec) -> Void = {
            $0.compileCache = CompileCacheSpec(s3: .init(uri: "s3://neuron-cache/fleet/"))
            $0.podIdentity = PodIdentitySpec(roleArn: "arn:aws:iam::123456789012:role/vllm-cache")
        }
        let container = try container(s3)
        #expect(container.env("NEURON_COMPILE_CACHE_URL") == "s3://neuron-cache/fleet/neuron-compile-cache")
        #expect(container.env("NEURON_COMPILED_ARTIFACTS")?.hasPrefix("/cache/compiled-artifacts/") == true, "NxD Inference reads it as a local path")
        #expect(container.env("AWS_REGION") == "eu-west-1")
        var pipeline = try pipeline(s3)
        pipeline.spec.aws?.clusterName = "rag-eks"
        let binding = DesiredState.componentsNeedingAWS(of: pipeline).first { $0.component == "vllm" }
        #expect(binding == PodIdentityBinding(component: "vllm", serviceAccount: "fleet-logs-vllm", roleArn: "arn:aws:iam::123456789012:role/vllm-cache"))
        pipeline.spec.aws?.podIdentity = PodIdentitySpec(roleArn: "arn:aws:iam::123456789012:role/rag")
        pipeline.spec.llm.vllm?.podIdentity = nil
        #expect(DesiredState.componentsNeedingAWS(of: pipeline).first { $0.component == "vllm" }?.roleArn == "arn:aws:iam::123456789012:role/rag")
        #expect(try DesiredState.componentsNeedingAWS(of: self.pipeline()).allSatisfy { $0.component != "vllm" }, "a claim needs no AWS")
    }

    @Test func theClaimIsSharedWhenThereAreSeveralReplicas() throws {
        let claim = try #require(try children().body("PersistentVolumeClaim", "fleet-logs-vllm-compile-cache"))
        #expect(claim["spec"]?["accessModes"] == ["ReadWriteMany"])
        #expect(claim["spec"]?["storageClassName"] == "efs-sc")
        #expect(claim[path: ["spec", "resources", "requests", "storage"]] == "100Gi")
        let single = try #require(try children { $0.replicas = 1; $0.compileCache?.persistentVolumeClaim?.accessMode = nil }
            .body("PersistentVolumeClaim", "fleet-logs-vllm-compile-cache"))
        #expect(single["spec"]?["accessModes"] == ["ReadWriteOnce"])
    }

    @Test func theLocalDiskIsRequestedAndTheCacheVolumeLimited() throws {
        let deployment = try #require(try children().body("Deployment", "fleet-logs-vllm"))
        #expect(deployment.firstContainer?[path: ["resources", "requests", "ephemeral-storage"]] == "40Gi")
        let volumes = deployment[path: ["spec", "template", "spec", "volumes"]]?.arrayValue ?? []
        #expect(volumes.first { $0["name"] == "cache" }?["emptyDir"]?["sizeLimit"] == "40Gi")
    }

    @Test func theStartupProbeIsShortOnceArtifactsAreCompiled() throws {
        let seconds = { (container: JSONValue) in
            (container["startupProbe"]?["periodSeconds"]?.int64Value ?? 0) * (container["startupProbe"]?["failureThreshold"]?.int64Value ?? 0)
        }
        #expect(seconds(try container(ready: false)) == 1800)
        #expect(seconds(try container(ready: true)) == 600)
    }

    @Test func theJobCompilesWhatTheServerWouldRun() throws {
        let objects = try children()
        let jobName = try #require(objects.names("Job").first)
        #expect(jobName.hasPrefix("fleet-logs-compile-") && jobName.count <= 63)
        let job = try #require(objects.body("Job", jobName))
        let server = try #require(objects.body("Deployment", "fleet-logs-vllm")?.firstContainer)
        let compile = try #require(job.firstContainer)
        #expect(compile["image"] == server["image"])
        #expect(compile["resources"] == server["resources"], "same NeuronCores, memory and disk")
        #expect(compile["env"] == server["env"], "same NEURON_COMPILED_ARTIFACTS")
        #expect(compile["volumeMounts"] == server["volumeMounts"])
        #expect(compile["args"] == ["meta-llama/Llama-3.2-1B-Instruct", "2", "4096", "8"])
        #expect(job[path: ["spec", "template", "spec", "restartPolicy"]] == "Never")
        #expect(job[path: ["spec", "template", "spec", "serviceAccountName"]] == "fleet-logs-vllm")
        #expect(job[path: ["spec", "template", "spec", "nodeSelector"]] == objects.body("Deployment", "fleet-logs-vllm")?[path: ["spec", "template", "spec", "nodeSelector"]])
        #expect(job[path: ["metadata", "annotations", "rag.dev/compiled-artifacts-key"]] == .string(CompiledArtifacts.key(try #require(try pipeline().spec.llm.vllm))))
        #expect(try children { $0.maxModelLen = 8192 }.names("Job") != [jobName], "a new key is a new Job")
        #expect(try children { $0.replicas = 4 }.names("Job") == [jobName])
    }

    @Test func longPipelineNamesStillGiveValidJobNames() throws {
        var pipeline = try pipeline()
        pipeline.metadata.name = String(repeating: "a", count: 50)
        let context = BuildContext(pipeline: pipeline)
        let name = try #require(PrecompileJobBuilder.jobName(context))
        #expect(name.count <= 63 && name.hasPrefix(String(repeating: "a", count: 40)))
    }
}
