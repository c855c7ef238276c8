import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Operator
import Testing

/// The reconciler with and without KEDA's CRDs in the fake API server, and field ownership of
/// `spec.replicas` between the operator and an autoscaler.
@Suite(.serialized) struct AutoscalingReconcilerTests {
    static let name = "elastic-logs"

    func replicas(_ harness: OperatorHarness, _ deployment: String) async -> JSONValue? {
        await harness.server.storedObject(Deployment.resource, namespace: "rag", name: deployment)?[path: ["spec", "replicas"]]
    }

    @Test func withoutKEDAThePipelineSaysSoOnceAndKeepsFixedReplicas() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(AutoscalingBuilderTests.sample)
            try await eventually("AutoscalingReady=False") { try await harness.condition(Self.name, "AutoscalingReady")?.reason == "KEDANotInstalled" }
            let condition = try await harness.condition(Self.name, "AutoscalingReady")
            #expect(condition?.status == "False")
            #expect(condition?.message?.contains("consumer.autoscaling and llm.vllm.autoscaling need KEDA") == true, "\(condition?.message ?? "")")
            #expect(condition?.message?.contains("install KEDA") == true)
            try await eventually("Ready: fixed replicas still serve") { try await harness.condition(Self.name, "Ready")?.status == "True" }
            #expect(await replicas(harness, "elastic-logs-vllm") == 1)
            #expect(await replicas(harness, "elastic-logs-consumer") == 1)
            #expect(await replicas(harness, "elastic-logs-backend") == nil, "the HPA owns the backend's replicas")
            #expect(await harness.children(HorizontalPodAutoscaler.resource) == ["elastic-logs-backend", "elastic-logs-ui"])
            #expect(await harness.children(ScaledObject.resource).isEmpty)
            // The Warning is recorded once, not on every reconcile.
            await harness.controller.enqueue(ObjectKey(namespace: "rag", name: Self.name))
            try await Task.sleep(for: .milliseconds(500))
            let warnings = try await harness.client.list(Event.self, namespace: "rag").items.filter { $0.reason == "KEDANotInstalled" }
            #expect(warnings.count == 1 && warnings.first?.type == "Warning", "\(warnings.map { $0.note ?? "" })")
            #expect(harness.controller.hasSynced, "an unserved kind's watch counts as synced")
        }
    }

    @Test func withKEDATheScaledObjectsAreAppliedAndOwnTheReplicas() async throws {
        try await OperatorHarness().run { harness in
            for definition in KEDACustomResources.definitions { _ = try await harness.client.create(definition) }
            _ = try await harness.create(AutoscalingBuilderTests.sample)
            try await eventually("ScaledObjects") { await harness.children(ScaledObject.resource) == ["elastic-logs-consumer", "elastic-logs-vllm"] }
            #expect(await harness.children(TriggerAuthentication.resource) == ["elastic-logs-consumer-keda"])
            try await eventually("AutoscalingReady=True") { try await harness.condition(Self.name, "AutoscalingReady")?.status == "True" }
            #expect(try await harness.condition(Self.name, "AutoscalingReady")?.message?.contains("ScaledObject elastic-logs-vllm") == true)
            #expect(await replicas(harness, "elastic-logs-vllm") == nil)
            let scaled = await harness.server.storedObject(ScaledObject.resource, namespace: "rag", name: "elastic-logs-vllm")
            #expect(scaled?[path: ["metadata", "ownerReferences"]]?.arrayValue?.first?["kind"] == "RAGPipeline")
            // Turning vLLM autoscaling off prunes its ScaledObject and gives the replicas back to the operator.
            _ = try await harness.client.patch(RAGPipeline.self, name: Self.name, namespace: "rag", patch: ["spec": ["llm": ["vllm": ["autoscaling": .null, "replicas": 2]]]])
            try await eventually("vLLM ScaledObject pruned") { await harness.children(ScaledObject.resource) == ["elastic-logs-consumer"] }
            try await eventually("replicas applied again") { await replicas(harness, "elastic-logs-vllm") == 2 }
        }
    }

    /// An autoscaler that cannot scale (its metric unavailable, its trigger failing) leaves the
    /// replicas where they are: the pipeline says so, in the autoscaler's own words, and recovers.
    @Test func anAutoscalerThatCannotScaleIsReported() async throws {
        try await OperatorHarness().run { harness in
            for definition in KEDACustomResources.definitions { _ = try await harness.client.create(definition) }
            _ = try await harness.create(AutoscalingBuilderTests.sample)
            try await eventually("AutoscalingReady=True") { try await harness.condition(Self.name, "AutoscalingReady")?.status == "True" }
            let failing: JSONValue = ["status": ["conditions": [
                ["type": "Ready", "status": "False", "reason": "ScaledObjectCheckFailed", "message": "prometheus query failed: connection refused"],
            ]]]
            _ = try await harness.client.patch(ScaledObject.self, name: "elastic-logs-vllm", namespace: "rag", patch: failing, subresource: "status")
            let unmetered: JSONValue = ["status": ["currentReplicas": 2, "desiredReplicas": 2, "conditions": [
                ["type": "AbleToScale", "status": "True", "reason": "SucceededGetScale", "message": "the HPA controller was able to get the target's current scale"],
                ["type": "ScalingActive", "status": "False", "reason": "FailedGetResourceMetric", "message": "unable to get metrics for resource cpu"],
            ]]]
            _ = try await harness.client.patch(HorizontalPodAutoscaler.self, name: "elastic-logs-backend", namespace: "rag", patch: unmetered, subresource: "status")
            // The two status patches reach the operator as two watch events: the condition can turn
            // AutoscalerNotReady on the first before the second is seen, so wait for both troubles.
            let hpaTrouble = "HorizontalPodAutoscaler elastic-logs-backend: FailedGetResourceMetric: unable to get metrics for resource cpu"
            let scaledObjectTrouble = "ScaledObject elastic-logs-vllm: ScaledObjectCheckFailed: prometheus query failed"
            try await eventually("AutoscalerNotReady naming both autoscalers") {
                guard let condition = try await harness.condition(Self.name, "AutoscalingReady") else { return false }
                let message = condition.message ?? ""
                return condition.reason == "AutoscalerNotReady" && message.contains(hpaTrouble) && message.contains(scaledObjectTrouble)
            }
            try await eventually("Ready: informational, the replicas still serve") { try await harness.condition(Self.name, "Ready")?.status == "True" }
            #expect(try await harness.condition(Self.name, "AutoscalingReady")?.reason == "AutoscalerNotReady")
            let ready: JSONValue = ["status": ["conditions": [["type": "Ready", "status": "True", "reason": "ScaledObjectReady", "message": "ok"]]]]
            _ = try await harness.client.patch(ScaledObject.self, name: "elastic-logs-vllm", namespace: "rag", patch: ready, subresource: "status")
            _ = try await harness.client.patch(HorizontalPodAutoscaler.self, name: "elastic-logs-backend", namespace: "rag",
                                               patch: ["status": ["conditions": [["type": "ScalingActive", "status": "True", "reason": "ValidMetricFound", "message": "ok"]]]], subresource: "status")
            try await eventually("recovered") { try await harness.condition(Self.name, "AutoscalingReady")?.status == "True" }
        }
    }

    @Test func installingKEDALaterIsPickedUp() async throws {
        let harness = OperatorHarness { options in
            options.discovery.absentFor = .milliseconds(200)
            options.kedaRecheck = .milliseconds(500)
        }
        try await harness.run { harness in
            _ = try await harness.create(AutoscalingBuilderTests.sample)
            try await eventually("KEDANotInstalled") { try await harness.condition(Self.name, "AutoscalingReady")?.reason == "KEDANotInstalled" }
            for definition in KEDACustomResources.definitions { _ = try await harness.client.create(definition) }
            try await eventually("ScaledObjects after KEDA arrives") { await harness.children(ScaledObject.resource).count == 2 }
            try await eventually("AutoscalingReady=True") { try await harness.condition(Self.name, "AutoscalingReady")?.status == "True" }
            // The hand-over kept the fixed count instead of resetting the Deployment to the default.
            try await eventually("vLLM apply without replicas") {
                let deployment = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: "elastic-logs-vllm")
                let owned = ManagedFields(deployment ?? .null).fields(of: "rag-operator", operation: "Apply", subresource: nil)
                return !owned.contains(["f:spec", "f:replicas"])
            }
            #expect(await replicas(harness, "elastic-logs-vllm") == 1)
        }
    }

    /// The HPA controller writes `spec.replicas` through the scale subresource under its own manager;
    /// the operator neither reverts it nor writes the Deployment at all.
    @Test func anAutoscalersReplicasAreNeverReverted() async throws {
        try await OperatorHarness().run(kubelet: false) { harness in
            var pipeline = try SamplePipelines.pipeline(SamplePipelines.minimal)
            pipeline.metadata.uid = nil
            pipeline.metadata.namespace = "rag"
            pipeline.spec.ui = UIComponentSpec(autoscaling: CPUAutoscalingSpec(minReplicas: 1, maxReplicas: 8))
            _ = try await harness.client.create(pipeline)
            let ui = "quickstart-ui"
            try await eventually("UI and its HPA") {
                let deployment = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: ui)
                let autoscalers = await harness.children(HorizontalPodAutoscaler.resource)
                return deployment != nil && !autoscalers.isEmpty
            }
            #expect(await replicas(harness, ui) == nil)
            try await settle(harness)
            let scale = KubernetesRequest.patch(
                Deployment.resource, name: ui, namespace: "rag", type: .merge, body: try (["spec": ["replicas": 5]] as JSONValue).data(),
                subresource: "scale", fieldManager: "horizontal-pod-autoscaler")
            _ = try await harness.client.send(scale, as: JSONValue.self)
            await harness.server.resetRequestLog()
            let before = harness.controller.reconcileCount
            await harness.controller.enqueue(ObjectKey(namespace: "rag", name: "quickstart"))
            try await eventually("resync ran") { harness.controller.reconcileCount > before }
            try await settle(harness)
            #expect(await replicas(harness, ui) == 5, "the autoscaler's value stands")
            let writes = await harness.server.requests.filter { $0.isWrite && $0.path.contains("/deployments/") }
            #expect(writes.isEmpty, "the operator wrote the Deployment: \(writes.map { "\($0.method) \($0.path)" })")
        }
    }

    /// Turning autoscaling on for a running component hands its replicas over: the live count stays
    /// (no reset to 1 between the operator's apply and the autoscaler's first sync).
    @Test func turningAutoscalingOnKeepsTheLiveReplicas() async throws {
        try await OperatorHarness().run(kubelet: false) { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            _ = try await harness.client.patch(RAGPipeline.self, name: "quickstart", namespace: "rag", patch: ["spec": ["ui": ["replicas": 3]]])
            try await eventually("three UI replicas") { await replicas(harness, "quickstart-ui") == 3 }
            _ = try await harness.client.patch(RAGPipeline.self, name: "quickstart", namespace: "rag", patch: ["spec": ["ui": ["replicas": .null, "autoscaling": ["maxReplicas": 6]]]])
            try await eventually("the operator let go of replicas") {
                let deployment = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: "quickstart-ui")
                return !ManagedFields(deployment ?? .null).fields(of: "rag-operator", operation: "Apply", subresource: nil).contains(["f:spec", "f:replicas"])
            }
            #expect(await replicas(harness, "quickstart-ui") == 3)
            try await eventually("the HPA") { await harness.children(HorizontalPodAutoscaler.resource) == ["quickstart-ui"] }
        }
    }

    /// Waits until reconciles stop (the operator's own writes come back as events for a while).
    func settle(_ harness: OperatorHarness) async throws {
        var last = -1
        try await eventually("quiet") {
            let count = harness.controller.reconcileCount
            defer { last = count }
            try await Task.sleep(for: .milliseconds(300))
            return count == last
        }
    }
}
