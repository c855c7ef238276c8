import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Operator
import OperatorTesting
import Synchronization
import Testing

/// Lifecycle bugs seen by hand on the production path (issue 17), each reproduced here first.
@Suite(.serialized) struct LifecycleTests {
    static let full = "vehicle-logs"

    // MARK: status that clears

    @Test func turningTheIngressOffClearsTheURL() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            try await eventually("url set") { try await harness.pipeline(Self.full).status?.url != nil }
            _ = try await harness.client.patch(RAGPipeline.self, name: Self.full, namespace: "rag", patch: ["spec": ["ui": ["ingress": ["enabled": false]]]])
            try await eventually("IngressReady says not requested") { try await harness.condition(Self.full, "IngressReady")?.reason == "NotRequested" }
            let stored = await harness.server.storedObject(RAGPipeline.resource, namespace: "rag", name: Self.full)
            #expect(stored?[path: ["status", "url"]] == nil, "status.url survived the ingress being turned off")
        }
    }

    @Test func associationsThatAreNoLongerNeededLeaveTheStatus() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            try await eventually("associations in status") { try await harness.pipeline(Self.full).status?.podIdentityAssociations?.isEmpty == false }
            _ = try await harness.client.patch(RAGPipeline.self, name: Self.full, namespace: "rag", patch: ["spec": ["aws": ["clusterName": .null]]])
            try await eventually("associations gone from status") {
                await harness.server.storedObject(RAGPipeline.resource, namespace: "rag", name: Self.full)?[path: ["status", "podIdentityAssociations"]] == nil
            }
            // Before, they were forgotten with the cluster name, and left in EKS.
            #expect(harness.podIdentity.all.isEmpty, "associations left in EKS: \(harness.podIdentity.all.map(\.associationId))")
            try await eventually("the finalizer goes with the last association") { (try await harness.pipeline(Self.full).metadata.finalizers ?? []).isEmpty }
        }
    }

    // MARK: removed fields reach children

    @Test func removingTheIngressHostRemovesItFromTheIngress() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            let ingress = "\(Self.full)-ui"
            try await eventually("ingress with host") {
                await harness.server.storedObject(Ingress.resource, namespace: "rag", name: ingress)?[path: ["spec", "rules"]]?.arrayValue?.first?["host"] != nil
            }
            _ = try await harness.client.patch(RAGPipeline.self, name: Self.full, namespace: "rag", patch: ["spec": ["ui": ["ingress": ["host": .null]]]])
            try await eventually("host removed from the ingress") {
                let rules = await harness.server.storedObject(Ingress.resource, namespace: "rag", name: ingress)?[path: ["spec", "rules"]]?.arrayValue
                return rules?.first?["host"] == nil
            }
        }
    }

    @Test func removingAUserAnnotationFromTheSpecRemovesItFromTheIngress() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.full)
            let ingress = "\(Self.full)-ui"
            let path = ["metadata", "annotations", "alb.ingress.kubernetes.io/group.name"]
            try await eventually("annotation on the ingress") { await harness.server.storedObject(Ingress.resource, namespace: "rag", name: ingress)?[path: path] != nil }
            _ = try await harness.client.patch(RAGPipeline.self, name: Self.full, namespace: "rag", patch: ["spec": ["ui": ["ingress": ["annotations": .null]]]])
            try await eventually("annotation removed") { await harness.server.storedObject(Ingress.resource, namespace: "rag", name: ingress)?[path: path] == nil }
        }
    }

    @Test func fieldsAnotherManagerOwnsAreLeftAloneAndCostNoWrites() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("Ready") { try await harness.condition("quickstart", "Ready")?.status == "True" }
            // A mutating webhook's annotation, written by its own field manager.
            let patch: JSONValue = ["metadata": ["annotations": ["webhook.example.com/injected": "yes"]]]
            _ = try await harness.client.patch(Deployment.self, name: "quickstart-backend", namespace: "rag", patch: patch, fieldManager: "webhook")
            try await settle(harness)
            await harness.server.resetRequestLog()
            await harness.controller.enqueue(ObjectKey(namespace: "rag", name: "quickstart"))
            try await settle(harness)
            let writes = await harness.server.requests.filter(\.isWrite)
            #expect(writes.isEmpty, "wrote: \(writes.map { "\($0.method) \($0.path)" })")
            let stored = await harness.server.storedObject(Deployment.resource, namespace: "rag", name: "quickstart-backend")
            #expect(stored?[path: ["metadata", "annotations", "webhook.example.com/injected"]] == "yes")
        }
    }

    // MARK: finalizer that never sticks

    @Test func withoutPodIdentityManagementNoFinalizerIsAddedAndDeletionCompletes() async throws {
        try await OperatorHarness(podIdentity: PodIdentityManagementDisabled()).run { harness in
            _ = try await harness.create(SamplePipelines.full)
            try await eventually("PodIdentityReady reports management off") {
                try await harness.condition(Self.full, "PodIdentityReady")?.reason == "NotManaged"
            }
            #expect((try await harness.pipeline(Self.full).metadata.finalizers ?? []).isEmpty)
            try await harness.client.delete(RAGPipeline.self, name: Self.full, namespace: "rag")
            try await eventually("pipeline gone") { try await harness.client.getIfPresent(RAGPipeline.self, name: Self.full, namespace: "rag") == nil }
        }
    }

    @Test func aFinalizerLeftByAnOperatorThatManagedPodIdentityIsRemovedWithAnEvent() async throws {
        try await OperatorHarness(podIdentity: PodIdentityManagementDisabled()).run(kubelet: false) { harness in
            var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
            pipeline.metadata.uid = nil
            pipeline.metadata.finalizers = ["rag.dev/pod-identity"]
            _ = try await harness.client.create(pipeline)
            try await harness.client.delete(RAGPipeline.self, name: Self.full, namespace: "rag")
            try await eventually("pipeline gone") { try await harness.client.getIfPresent(RAGPipeline.self, name: Self.full, namespace: "rag") == nil }
            let events = try await harness.client.list(Event.self, namespace: "rag").items
            // Removed on the first reconcile (before deletion) or by cleanup, but never silently.
            #expect(events.contains { ["PodIdentityCleanupSkipped", "PodIdentityNotManaged"].contains($0.reason) && $0.type == "Warning" }, "\(events.map(\.reason))")
        }
    }

    @Test func anEKSOutageDuringDeletionIsVisibleAndBounded() async throws {
        let associations = FlakyPodIdentityAssociations()
        let harness = OperatorHarness(podIdentity: associations) { $0.podIdentityCleanupTimeout = .seconds(3) }
        try await harness.run { harness in
            _ = try await harness.create(SamplePipelines.full)
            try await eventually("associations created") { try await harness.pipeline(Self.full).status?.podIdentityAssociations?.isEmpty == false }
            associations.failing = true
            try await harness.client.delete(RAGPipeline.self, name: Self.full, namespace: "rag")
            try await eventually("a condition names what deletion waits for") {
                let condition = try await harness.condition(Self.full, "Terminating")
                return condition?.reason == "PodIdentityCleanupFailed" && condition?.message?.contains("EKS is down") == true
            }
            try await eventually("deletion gives up after the timeout", timeout: .seconds(30)) {
                try await harness.client.getIfPresent(RAGPipeline.self, name: Self.full, namespace: "rag") == nil
            }
            let events = try await harness.client.list(Event.self, namespace: "rag").items
            #expect(events.contains { $0.reason == "PodIdentityCleanupAbandoned" && $0.type == "Warning" }, "\(events.map(\.reason))")
        }
    }

    @Test func theSkipCleanupAnnotationLetsAPersonDeleteOnPurposeWithoutCleanup() async throws {
        let associations = FlakyPodIdentityAssociations()
        try await OperatorHarness(podIdentity: associations).run { harness in
            _ = try await harness.create(SamplePipelines.full)
            try await eventually("associations created") { try await harness.pipeline(Self.full).status?.podIdentityAssociations?.isEmpty == false }
            associations.failing = true
            _ = try await harness.client.patch(RAGPipeline.self, name: Self.full, namespace: "rag", patch: ["metadata": ["annotations": ["rag.dev/skip-cleanup": "true"]]])
            try await harness.client.delete(RAGPipeline.self, name: Self.full, namespace: "rag")
            try await eventually("pipeline gone") { try await harness.client.getIfPresent(RAGPipeline.self, name: Self.full, namespace: "rag") == nil }
            #expect(!associations.inner.all.isEmpty, "the associations were left in place on purpose")
        }
    }

    // MARK: credentials before pods

    @Test func associationsExistBeforeTheWorkloadsThatNeedThemAndRollThem() async throws {
        let checking = OrderCheckingAssociations()
        try await OperatorHarness(podIdentity: checking).run { harness in
            checking.server.withLock { $0 = harness.server }
            _ = try await harness.create(SamplePipelines.full)
            try await eventually("Ready") { try await harness.condition(Self.full, "Ready")?.status == "True" }
            #expect(checking.violations.withLock { $0 }.isEmpty, "\(checking.violations.withLock { $0 })")
            let status = try await harness.pipeline(Self.full).status?.podIdentityAssociations ?? []
            #expect(!status.isEmpty)
            for association in status {
                let deployments = await harness.server.storedObjects(Deployment.resource, namespace: "rag")
                    .filter { $0[path: ["spec", "template", "spec", "serviceAccountName"]]?.stringValue == association.serviceAccount }
                for deployment in deployments {
                    #expect(deployment[path: ["spec", "template", "metadata", "annotations", "rag.dev/pod-identity-association"]]?.stringValue == association.associationId)
                }
            }
        }
    }

    /// Waits until the controller has been idle for a moment.
    func settle(_ harness: OperatorHarness) async throws {
        var last = -1
        try await eventually("quiet") {
            let count = harness.controller.reconcileCount
            defer { last = count }
            try await Task.sleep(for: .milliseconds(400))
            return count == last
        }
    }
}

/// In-memory associations that fail every call while `failing` is set, as the EKS API does in an outage.
/// With `numbered`, each failure's message differs (as AWS errors carry a new request id each time).
final class FlakyPodIdentityAssociations: PodIdentityAssociations {
    struct Down: Error, CustomStringConvertible {
        var request: Int?
        var description: String { request.map { "EKS is down (request \($0))" } ?? "EKS is down" }
    }
    let numbered: Bool
    let requests = Mutex(0)
    init(numbered: Bool = false) { self.numbered = numbered }
    let inner = InMemoryPodIdentityAssociations()
    private let state = Mutex(false)
    var failing: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }

    func check() throws {
        guard failing else { return }
        throw Down(request: numbered ? requests.withLock { $0 += 1; return $0 } : nil)
    }
    func list(clusterName: String, namespace: String) async throws -> [PodIdentityAssociation] {
        try check()
        return try await inner.list(clusterName: clusterName, namespace: namespace)
    }
    func create(clusterName: String, namespace: String, serviceAccount: String, roleArn: String, clientRequestToken: String) async throws -> PodIdentityAssociation {
        try check()
        return try await inner.create(clusterName: clusterName, namespace: namespace, serviceAccount: serviceAccount, roleArn: roleArn, clientRequestToken: clientRequestToken)
    }
    func update(clusterName: String, associationId: String, roleArn: String) async throws -> PodIdentityAssociation {
        try check()
        return try await inner.update(clusterName: clusterName, associationId: associationId, roleArn: roleArn)
    }
    func delete(clusterName: String, associationId: String) async throws {
        try check()
        try await inner.delete(clusterName: clusterName, associationId: associationId)
    }
}

/// In-memory associations that note every association created after a Deployment running as its
/// service account already existed (pods admitted without credentials).
final class OrderCheckingAssociations: PodIdentityAssociations {
    let inner = InMemoryPodIdentityAssociations()
    let server = Mutex<FakeAPIServer?>(nil)
    let violations = Mutex<[String]>([])

    func list(clusterName: String, namespace: String) async throws -> [PodIdentityAssociation] {
        try await inner.list(clusterName: clusterName, namespace: namespace)
    }
    func create(clusterName: String, namespace: String, serviceAccount: String, roleArn: String, clientRequestToken: String) async throws -> PodIdentityAssociation {
        if let server = server.withLock({ $0 }) {
            let early = await server.storedObjects(Deployment.resource, namespace: namespace)
                .filter { $0[path: ["spec", "template", "spec", "serviceAccountName"]]?.stringValue == serviceAccount }
                .compactMap { $0[path: ["metadata", "name"]]?.stringValue }
            if !early.isEmpty { violations.withLock { $0.append("\(early) ran as \(serviceAccount) before its association existed") } }
        }
        return try await inner.create(clusterName: clusterName, namespace: namespace, serviceAccount: serviceAccount, roleArn: roleArn, clientRequestToken: clientRequestToken)
    }
    func update(clusterName: String, associationId: String, roleArn: String) async throws -> PodIdentityAssociation {
        try await inner.update(clusterName: clusterName, associationId: associationId, roleArn: roleArn)
    }
    func delete(clusterName: String, associationId: String) async throws {
        try await inner.delete(clusterName: clusterName, associationId: associationId)
    }
}

/// Failures that say something (issue 17, item 6).
@Suite(.serialized) struct FailureReportingTests {
    @Test func aChildTheAPIServerRejectsSetsDegradedAndAWarningEventWithoutAHotLoop() async throws {
        try await OperatorHarness().run(kubelet: false) { harness in
            await harness.server.failNext(1000, withCode: 422, method: .PATCH, pathContains: "/deployments/quickstart-backend")
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("Degraded") { try await harness.condition("quickstart", "Degraded")?.status == "True" }
            let degraded = try await harness.condition("quickstart", "Degraded")
            #expect(degraded?.reason == "ReconcileFailed")
            #expect(degraded?.message?.contains("quickstart-backend") == true, "\(degraded?.message ?? "")")
            #expect(try await harness.condition("quickstart", "Ready")?.status == "False")
            let events = try await harness.client.list(Event.self, namespace: "rag").items
            #expect(events.contains { $0.reason == "ReconcileFailed" && $0.type == "Warning" }, "\(events.map(\.reason))")
            let count = harness.controller.reconcileCount
            try await Task.sleep(for: .seconds(1))
            #expect(harness.controller.reconcileCount <= count + 2, "a terminal failure is not retried in a loop")
        }
    }
}
