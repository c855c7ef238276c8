import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Operator
import Testing
import Yams

/// `config/argocd/ragpipeline-health.lua`, run by a real Lua runtime (lupa) the way Argo CD runs
/// it, on statuses the reconciler itself wrote to the fake API server.
@Suite(.serialized) struct ArgoCDHealthTests {
    static let script = SamplePipelines.root.appendingPathComponent("config/argocd/ragpipeline-health.lua")

    static func health(_ object: JSONValue) throws -> (status: String, message: String) {
        let run = try ToolRunner.run(
            ["python3", SamplePipelines.root.appendingPathComponent("scripts/argocd-health.py").path, script.path],
            input: try JSONEncoder().encode(object))
        guard run.status == 0 else {
            throw Kubectl.Failure(description: "argocd-health.py failed (is lupa installed? run ./scripts/test): \(run.errors)")
        }
        let data = Data(run.output.utf8)
        let result = try JSONDecoder().decode([String: String].self, from: data)
        return (result["status"] ?? "", result["message"] ?? "")
    }

    static func json(_ pipeline: RAGPipeline) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(pipeline))
    }

    @Test func argoCDSeesProgressingThenHealthyAsTheReconcilerReportsIt() async throws {
        try await OperatorHarness().run(kubelet: false) { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("a status") { try await harness.pipeline("quickstart").status?.observedGeneration != nil }
            let waiting = try Self.health(Self.json(try await harness.pipeline("quickstart")))
            #expect(waiting.status == "Progressing")
            #expect(waiting.message.contains("waiting for"), "the operator's message names what it waits for: \(waiting.message)")
        }
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("Ready") { try await harness.condition("quickstart", "Ready")?.status == "True" }
            let ready = try await harness.pipeline("quickstart")
            #expect(try Self.health(Self.json(ready)).status == "Healthy")
            // A new generation the operator has not observed yet is not Healthy.
            var edited = ready
            edited.metadata.generation = (ready.metadata.generation ?? 1) + 1
            let pending = try Self.health(Self.json(edited))
            #expect(pending.status == "Progressing" && pending.message.contains("observe generation"))
        }
    }

    @Test func anInvalidSpecOrADegradedComponentIsDegraded() async throws {
        try await OperatorHarness().run(kubelet: false) { harness in
            try await harness.createInvalid()
            try await eventually("InvalidSpec") { try await harness.condition("broken", "InvalidSpec")?.status == "True" }
            let health = try Self.health(Self.json(try await harness.pipeline("broken")))
            #expect(health.status == "Degraded" && health.message.contains("roleArn"), "\(health)")
        }
        let degraded: JSONValue = [
            "metadata": ["name": "p", "generation": 3],
            "status": ["observedGeneration": 3, "conditions": [
                ["type": "Ready", "status": "False", "message": "waiting for: PodIdentityReady"],
                ["type": "Degraded", "status": "True", "reason": "PodIdentitySyncFailed", "message": "EKS answered AccessDeniedException"],
            ]],
        ]
        #expect(try Self.health(degraded) == ("Degraded", "EKS answered AccessDeniedException"))
        #expect(try Self.health(["metadata": ["name": "p", "generation": 1]]).status == "Progressing", "no status yet")
    }

    @Test func theArgoCDConfigMapCarriesTheSameScript() throws {
        let configMap = try #require(try Yams.load(yaml: String(contentsOf: SamplePipelines.root.appendingPathComponent("config/argocd/argocd-cm.yaml"), encoding: .utf8)) as? [String: Any])
        let data = try #require(configMap["data"] as? [String: String])
        #expect(data["resource.customizations.health.rag.dev_RAGPipeline"] == (try String(contentsOf: Self.script, encoding: .utf8)))
    }
}
