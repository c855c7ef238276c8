import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Operator
import Testing

@Suite(.serialized) struct RAGPipelineReconcilerTests {
    @Test func aNewPipelineGetsEveryChildAndBecomesReady() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            let name = try SamplePipelines.pipeline(SamplePipelines.full).metadata.name ?? ""
            try await eventually("Ready") { try await harness.condition(name, "Ready")?.status == "True" }
            let pipeline = try await harness.pipeline(name)
            let expected = try SamplePipelines.children(SamplePipelines.full)
            #expect(await harness.children(Deployment.resource) == expected.names("Deployment"))
            #expect(await harness.children(Service.resource) == expected.names("Service"))
            #expect(await harness.children(NetworkPolicy.resource) == expected.names("NetworkPolicy"))
            #expect(await harness.children(Ingress.resource) == expected.names("Ingress"))
            #expect(pipeline.status?.url?.hasPrefix("http") == true, "status.url comes from the load balancer hostname")
            #expect(pipeline.status?.observedGeneration == pipeline.metadata.generation)
            #expect(pipeline.metadata.finalizers == ["rag.dev/pod-identity"])
            let accounts = harness.podIdentity.all.map(\.serviceAccount).sorted()
            #expect(accounts == DesiredState.componentsNeedingAWS(of: pipeline).map(\.serviceAccount).sorted())
            #expect(pipeline.status?.podIdentityAssociations?.count == accounts.count)
            for condition in pipeline.status?.conditions ?? [] {
                #expect(condition.observedGeneration == pipeline.metadata.generation, "\(condition.type) carries the generation")
            }
        }
    }

    /// At fleet scale an Event per child doubles the writes a pipeline costs (20 children, 20 Events):
    /// one Event per reconcile and verb names them all.
    @Test func creatingAPipelineRecordsOneEventForAllItsChildren() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            let name = try SamplePipelines.pipeline(SamplePipelines.full).metadata.name ?? ""
            try await eventually("Ready") { try await harness.condition(name, "Ready")?.status == "True" }
            let created = try await harness.client.list(Event.self, namespace: "rag").items.filter { $0.reason == "Created" }
            let expected = try SamplePipelines.children(SamplePipelines.full)
            #expect(created.count == 1, "\(created.map { $0.note ?? "" })")
            #expect(created.first?.note?.hasPrefix("Created \(expected.count) objects: ") == true, "\(created.first?.note ?? "")")
            #expect(created.first?.note?.contains("Deployment \(name)-backend") == true)
            #expect((created.first?.note?.utf8.count ?? 0) <= 1024)
        }
    }

    /// At fleet scale the cached children are most of the operator's memory: they are held as compact
    /// bytes with only the operator's own managedFields entry (what ChildApplyDecision reads).
    @Test func cachedChildrenAreCompactedWithOnlyTheOperatorsManagedFields() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            let name = try SamplePipelines.pipeline(SamplePipelines.full).metadata.name ?? ""
            try await eventually("Ready") { try await harness.condition(name, "Ready")?.status == "True" }
            let cached = harness.controller.secondaryStores[Deployment.resource]?.objects() ?? []
            #expect(!cached.isEmpty)
            for object in cached {
                #expect(object.isCompact)
                let managers = (object.json[path: ["metadata", "managedFields"]]?.arrayValue ?? []).compactMap { $0["manager"]?.stringValue }
                #expect(managers == ["rag-operator"], "\(object.metadata.name ?? ""): \(managers)")
            }
            let stored = await harness.server.storedObjects(Deployment.resource, namespace: "rag")
            #expect(stored.contains { ($0[path: ["metadata", "managedFields"]]?.arrayValue ?? []).count > 1 }, "the kubelet's status writes add a second manager on the server")
        }
    }

    @Test func aResyncWithNothingChangedIssuesZeroWrites() async throws {
        let harness = OperatorHarness()
        try await harness.run(kubelet: false) { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("children created") { await harness.children(Deployment.resource).count >= 2 }
            // Let the reconciles triggered by the operator's own writes settle.
            var last = -1
            try await eventually("quiet") {
                let count = harness.controller.reconcileCount
                defer { last = count }
                try await Task.sleep(for: .milliseconds(300))
                return count == last
            }
            await harness.server.resetRequestLog()
            let before = harness.controller.reconcileCount
            let key = ObjectKey(namespace: "rag", name: "quickstart")
            await harness.controller.enqueue(key)
            try await eventually("resync ran") { harness.controller.reconcileCount >= before + 1 }
            try await Task.sleep(for: .milliseconds(300))
            await harness.controller.enqueue(key)
            try await eventually("second resync ran") { harness.controller.reconcileCount >= before + 2 }
            try await Task.sleep(for: .milliseconds(300))
            let writes = await harness.server.requests.filter(\.isWrite)
            #expect(writes.isEmpty, "steady state wrote: \(writes.map { "\($0.method) \($0.path)" })")
        }
    }

    @Test func editingTheSpecUpdatesChildrenAndObservesTheNewGeneration() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("Ready") { try await harness.condition("quickstart", "Ready")?.status == "True" }
            _ = try await harness.client.patch(RAGPipeline.self, name: "quickstart", namespace: "rag", patch: ["spec": ["ui": ["replicas": 3]]])
            try await eventually("UI scaled") {
                let ui = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: "quickstart-ui")
                return ui?[path: ["spec", "replicas"]] == .integer(3)
            }
            try await eventually("generation observed and Ready again") {
                let pipeline = try await harness.pipeline("quickstart")
                return pipeline.status?.observedGeneration == pipeline.metadata.generation && pipeline.status?.conditions?[type: "Ready"]?.status == "True"
            }
            #expect(await harness.children(PodDisruptionBudget.resource).contains("quickstart-ui"), "more than one replica gets a PDB")
        }
    }

    @Test func driftOnAnOwnedDeploymentIsReverted() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("UI created") { await harness.server.storedObject(Deployment.resource, namespace: "rag", name: "quickstart-ui") != nil }
            let desired = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: "quickstart-ui")?[path: ["spec", "replicas"]]
            _ = try await harness.client.patch(Deployment.self, name: "quickstart-ui", namespace: "rag", patch: ["spec": ["replicas": 7]], fieldManager: "someone")
            try await eventually("drift reverted") {
                await harness.server.storedObject(Deployment.resource, namespace: "rag", name: "quickstart-ui")?[path: ["spec", "replicas"]] == desired
            }
        }
    }

    @Test func removingAComponentFromTheSpecDeletesItsObjects() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            let name = try SamplePipelines.pipeline(SamplePipelines.full).metadata.name ?? ""
            try await eventually("ingress created") { !(await harness.children(Ingress.resource).isEmpty) }
            _ = try await harness.client.patch(RAGPipeline.self, name: name, namespace: "rag", patch: ["spec": ["ui": ["ingress": ["enabled": false]], "networkPolicy": ["enabled": false]]])
            try await eventually("ingress and network policies deleted") {
                let ingresses = await harness.children(Ingress.resource)
                let policies = await harness.children(NetworkPolicy.resource)
                return ingresses.isEmpty && policies.isEmpty
            }
            try await eventually("IngressReady says not requested") { try await harness.condition(name, "IngressReady")?.reason == "NotRequested" }
        }
    }

    @Test func deletingThePipelineRemovesAssociationsThenTheFinalizerThenChildren() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            let name = try SamplePipelines.pipeline(SamplePipelines.full).metadata.name ?? ""
            try await eventually("associations created") {
                let finalizers = try await harness.pipeline(name).metadata.finalizers
                return !harness.podIdentity.all.isEmpty && finalizers != nil
            }
            try await harness.client.delete(RAGPipeline.self, name: name, namespace: "rag")
            try await eventually("pipeline gone") { (try await harness.client.getIfPresent(RAGPipeline.self, name: name, namespace: "rag")) == nil }
            #expect(harness.podIdentity.all.isEmpty)
            let calls = harness.podIdentity.calls
            #expect(calls.contains { $0.hasPrefix("delete") })
            #expect(await harness.children(Deployment.resource).isEmpty, "children are garbage collected")
            #expect(await harness.children(ServiceAccount.resource).isEmpty)
        }
    }

    @Test func anInvalidSpecSetsInvalidSpecWithoutTouchingChildren() async throws {
        try await OperatorHarness().run(kubelet: false) { harness in
            try await harness.createInvalid()
            try await eventually("InvalidSpec") { try await harness.condition("broken", "InvalidSpec")?.status == "True" }
            let condition = try await harness.condition("broken", "InvalidSpec")
            #expect(condition?.message?.contains("roleArn") == true, "\(condition?.message ?? "")")
            #expect(try await harness.condition("broken", "Ready")?.status == "False")
            #expect(await harness.children(Deployment.resource).isEmpty)
            #expect(await harness.children(ServiceAccount.resource).isEmpty)
            let events = try await harness.client.list(Event.self, namespace: "rag").items
            #expect(events.contains { $0.reason == "InvalidSpec" && $0.type == "Warning" })
            // No hot loop: the invalid spec is not retried until it changes.
            let count = harness.controller.reconcileCount
            try await Task.sleep(for: .seconds(1))
            #expect(harness.controller.reconcileCount <= count + 1)
        }
    }
}
