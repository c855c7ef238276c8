import CRDs
import KubernetesCore
import Operator
import Testing

/// Pre-compilation through the real controller against the fake API server: the Job first, the vLLM
/// Deployment only once it succeeded, and no roll to a new artifact key before that key is compiled.
@Suite struct PrecompileReconcilerTests {
    static let sample = "rag_v1alpha1_ragpipeline_neuron_cache.yaml"
    static let deployment = "fleet-logs-vllm"

    /// Marks a Job succeeded through the status subresource, as the Job controller would.
    func succeed(_ job: String, _ harness: OperatorHarness) async throws {
        _ = try await harness.client.patch(
            Job.self, name: job, namespace: "rag",
            patch: ["status": ["succeeded": 1, "conditions": [["type": "Complete", "status": "True"]]]], subresource: "status")
    }

    func artifacts(_ harness: OperatorHarness) async -> String? {
        let stored = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: Self.deployment)
        return stored?.firstContainer?.env("NEURON_COMPILED_ARTIFACTS")
    }

    @Test func theDeploymentWaitsForThePrecompileJobAndRollsOnlyToCompiledKeys() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(Self.sample)
            try await eventually("the Job") { await harness.children(Job.resource).count == 1 }
            let first = try #require(await harness.children(Job.resource).first)
            try await eventually("Compiling") { try await harness.condition("fleet-logs", "CompiledArtifactsReady")?.reason == "Compiling" }
            #expect(await harness.children(Deployment.resource).contains("fleet-logs-backend"), "the rest of the pipeline does not wait")
            #expect(await harness.server.storedObject(Deployment.resource, namespace: "rag", name: Self.deployment) == nil, "vLLM waits for the Job")
            #expect(try await harness.condition("fleet-logs", "LLMReady")?.reason == "AwaitingCompiledArtifacts")
            #expect(try await harness.condition("fleet-logs", "CompileCacheReady")?.status == "True")
            #expect(await harness.children(PersistentVolumeClaim.resource) == ["fleet-logs-vllm-compile-cache"])

            try await succeed(first, harness)
            try await eventually("CompiledArtifactsReady") { try await harness.condition("fleet-logs", "CompiledArtifactsReady")?.status == "True" }
            try await eventually("the vLLM Deployment") { await artifacts(harness) != nil }
            let compiled = try #require(await artifacts(harness))
            #expect(compiled.contains("-len4096-"))
            let stored = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: Self.deployment)
            #expect(stored?.firstContainer?["startupProbe"]?["failureThreshold"] == 60, "10 minutes: the artifacts exist")
            try await eventually("Ready") { try await harness.condition("fleet-logs", "Ready")?.status == "True" }

            // A new context length is a new key: a new Job, and vLLM stays on the compiled one until it succeeds.
            _ = try await harness.client.patch(RAGPipeline.self, name: "fleet-logs", namespace: "rag", patch: ["spec": ["llm": ["vllm": ["maxModelLen": 8192]]]])
            try await eventually("the new Job replaces the old") {
                let jobs = await harness.children(Job.resource)
                return jobs.count == 1 && jobs != [first]
            }
            let second = try #require(await harness.children(Job.resource).first)
            try await eventually("Compiling the new key") {
                let condition = try await harness.condition("fleet-logs", "CompiledArtifactsReady")
                return condition?.reason == "Compiling" && condition?.message?.contains("len8192") == true
            }
            #expect(await artifacts(harness) == compiled, "not rolled before the new key is compiled")
            #expect(try await harness.condition("fleet-logs", "LLMReady")?.status == "True", "the old replicas keep serving")

            try await succeed(second, harness)
            try await eventually("rolled to the new key") { await artifacts(harness)?.contains("-len8192-") == true }
            try await eventually("the new key compiled") { try await harness.condition("fleet-logs", "CompiledArtifactsReady")?.status == "True" }
        }
    }

    @Test func aChangedClaimIsKeptAndReported() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(Self.sample)
            try await eventually("the claim") { await harness.children(PersistentVolumeClaim.resource).count == 1 }
            _ = try await harness.client.patch(RAGPipeline.self, name: "fleet-logs", namespace: "rag", patch: ["spec": ["llm": ["vllm": ["compileCache": ["persistentVolumeClaim": ["size": "200Gi"]]]]]])
            try await eventually("ClaimOutdated") { try await harness.condition("fleet-logs", "CompileCacheReady")?.reason == "ClaimOutdated" }
            let claim = await harness.server.storedObject(PersistentVolumeClaim.resource, namespace: "rag", name: "fleet-logs-vllm-compile-cache")
            #expect(claim?[path: ["spec", "resources", "requests", "storage"]] == "100Gi", "a claim's spec is never changed")
            #expect(try await harness.condition("fleet-logs", "Degraded")?.status == "False", "and the apply does not fail")
            #expect(try await harness.condition("fleet-logs", "CompileCacheReady")?.message?.contains("size 200Gi (the claim has 100Gi)") == true)
        }
    }
}
