import KubernetesCore
import Testing
@testable import Operator

/// When the operator must hand a Deployment's `spec.replicas` to another of its managers before it
/// stops applying the field (an autoscaler takes over), decided from `managedFields` alone.
@Suite struct ReplicaHandoverTests {
    static func entry(_ manager: String, _ operation: String, subresource: String? = nil, replicas: Bool) -> JSONValue {
        var fields: JSONValue = ["f:spec": ["f:template": [:]]]
        if replicas { fields.set(.object([:]), at: ["f:spec", "f:replicas"]) }
        var entry: JSONValue = ["manager": .string(manager), "operation": .string(operation), "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "fieldsV1": fields]
        if let subresource { entry["subresource"] = .string(subresource) }
        return entry
    }

    static func live(_ entries: [JSONValue]) -> JSONValue {
        ["metadata": ["name": "x", "managedFields": .array(entries)], "spec": ["replicas": 3, "template": [:]]]
    }

    static let withoutReplicas: JSONValue = ["spec": ["template": [:]]]

    @Test func replicasTheOperatorAloneAppliedAreHandedOver() {
        let live = Self.live([Self.entry("rag-operator", "Apply", replicas: true)])
        #expect(ChildApplyDecision.replicasToHandOver(live: live, desired: Self.withoutReplicas, fieldManager: "rag-operator") == 3)
    }

    @Test func nothingIsHandedOverWhenSomeoneElseAlreadyOwnsThem() {
        let scaled = Self.live([Self.entry("rag-operator", "Apply", replicas: true), Self.entry("horizontal-pod-autoscaler", "Update", subresource: "scale", replicas: true)])
        #expect(ChildApplyDecision.replicasToHandOver(live: scaled, desired: Self.withoutReplicas, fieldManager: "rag-operator") == nil)
        let handedOver = Self.live([Self.entry("rag-operator", "Apply", replicas: true), Self.entry("rag-operator-replica-handover", "Apply", replicas: true)])
        #expect(ChildApplyDecision.replicasToHandOver(live: handedOver, desired: Self.withoutReplicas, fieldManager: "rag-operator") == nil)
    }

    @Test func nothingIsHandedOverWhileTheOperatorStillAppliesReplicasOrNeverDid() {
        let live = Self.live([Self.entry("rag-operator", "Apply", replicas: true)])
        #expect(ChildApplyDecision.replicasToHandOver(live: live, desired: ["spec": ["replicas": 2]], fieldManager: "rag-operator") == nil)
        let autoscaled = Self.live([Self.entry("rag-operator", "Apply", replicas: false), Self.entry("horizontal-pod-autoscaler", "Update", subresource: "scale", replicas: true)])
        #expect(ChildApplyDecision.replicasToHandOver(live: autoscaled, desired: Self.withoutReplicas, fieldManager: "rag-operator") == nil)
    }

    /// Why no hand-over is needed in steady state: the autoscaler's field is in neither the operator's
    /// owned set nor its desired fields, and containment ignores what the operator does not want.
    @Test func anAutoscalersReplicasNeedNoApply() {
        var live = Self.live([Self.entry("rag-operator", "Apply", replicas: false), Self.entry("horizontal-pod-autoscaler", "Update", subresource: "scale", replicas: true)])
        live.set(.integer(7), at: ["spec", "replicas"])
        #expect(!ChildApplyDecision.needsApply(live: live, desired: Self.withoutReplicas, fieldManager: "rag-operator"))
    }
}
