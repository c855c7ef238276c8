import CRDs
import KubernetesCore
import Operator
import Testing

@Suite struct VLLMBuilderTests {
    func vllm() throws -> JSONValue {
        try #require(try SamplePipelines.children(SamplePipelines.full).body("Deployment", "vehicle-logs-vllm"))
    }

    @Test func vLLMServesTheOpenAIAPIOnNeuron() throws {
        let container = try #require(try vllm().firstContainer)
        #expect(container["image"] == "public.ecr.aws/neuron/pytorch-inference-vllm-neuronx:0.9.1-neuronx-py310-sdk2.24.0-ubuntu22.04")
        #expect(container["args"] == [
            "--model", "meta-llama/Llama-3.2-1B-Instruct", "--tensor-parallel-size", "2", "--max-model-len", "4096",
            "--max-num-seqs", "8", "--port", "8000", "--device", "neuron",
        ])
        #expect(container["ports"] == [["name": "http", "containerPort": 8000, "protocol": "TCP"]])
    }

    @Test func neuronCoresAreRequestedAndLimited() throws {
        let resources = try #require(try vllm().firstContainer?["resources"])
        #expect(resources["requests"]?["aws.amazon.com/neuroncore"] == "2")
        #expect(resources["limits"]?["aws.amazon.com/neuroncore"] == "2")
        #expect(resources["requests"]?["memory"] == "10Gi")
    }

    @Test func podsLandOnInferentiaNodes() throws {
        let pod = try #require(try vllm()[path: ["spec", "template", "spec"]])
        #expect(pod["nodeSelector"] == ["node.kubernetes.io/instance-type": "inf2.xlarge"])
        #expect(pod["tolerations"] == [["key": "aws.amazon.com/neuron", "operator": "Exists", "effect": "NoSchedule"]])
    }

    @Test func sharedMemoryIsMemoryBacked() throws {
        let deployment = try vllm()
        let volumes = deployment[path: ["spec", "template", "spec", "volumes"]]?.arrayValue ?? []
        #expect(volumes.contains { $0["name"] == "dshm" && $0["emptyDir"]?["medium"] == "Memory" })
        let mounts = deployment.firstContainer?["volumeMounts"]?.arrayValue ?? []
        #expect(mounts.contains { $0["mountPath"] == "/dev/shm" })
        #expect(mounts.contains { $0["mountPath"] == "/cache" })
    }

    @Test func theStartupProbeAllowsThirtyMinutesForCompilation() throws {
        let container = try #require(try vllm().firstContainer)
        let startup = try #require(container["startupProbe"])
        #expect(startup["httpGet"]?["path"] == "/health")
        let seconds = (startup["periodSeconds"]?.int64Value ?? 0) * (startup["failureThreshold"]?.int64Value ?? 0)
        #expect(seconds >= 1800)
        let entries = try #require(container["readinessProbe"]?["exec"]?["command"]?.arrayValue)
        let command = entries.compactMap(\.stringValue)
        #expect(command.first == "python3" && command.last == "meta-llama/Llama-3.2-1B-Instruct" && command.contains { $0.contains("/v1/models") },
                "ready only once /v1/models lists the model, not at /health")
    }

    @Test func theHuggingFaceTokenComesFromTheSecret() throws {
        let env = try #require(try vllm().firstContainer?["env"]?.arrayValue)
        let token = try #require(env.first { $0["name"] == "HF_TOKEN" })
        #expect(token["valueFrom"] == ["secretKeyRef": ["name": "hf-token", "key": "token"]])
    }

    @Test func rollingUpdatesNeverSurgeBeyondTheNeuronCores() throws {
        #expect(try vllm()[path: ["spec", "strategy", "rollingUpdate", "maxSurge"]] == 0)
    }

    @Test func theVLLMServiceListensOn8000() throws {
        let service = try #require(try SamplePipelines.children(SamplePipelines.full).body("Service", "vehicle-logs-vllm"))
        #expect(service["spec"]?["ports"]?.arrayValue?.first?["port"] == 8000)
    }
}
