import KubernetesCore
import Testing
@testable import Operator

/// When a child needs an apply, decided without a server.
@Suite struct ChildApplyDecisionTests {
    static let desired: JSONValue = [
        "spec": ["template": ["spec": ["containers": [["name": "app", "image": "rag:1", "env": [["name": "A", "value": "1"]]]]]],
                 "selector": ["matchLabels": ["app": "x"]]],
    ]

    /// Before: lists compared by position and length, so an env var another manager added (a sidecar
    /// injector, say) made every resync an apply.
    @Test func anItemAnotherManagerAddedToAKeyedListIsNoDifference() {
        var live = Self.desired
        live.set(.array([["name": "app", "image": "rag:1", "env": [["name": "A", "value": "1"], ["name": "INJECTED", "value": "y"]]],
                         ["name": "sidecar", "image": "proxy:2"]]), at: ["spec", "template", "spec", "containers"])
        #expect(ObjectContainment.contains(live, Self.desired))
    }

    @Test func aChangedOrMissingKeyedItemIsADifference() {
        var live = Self.desired
        live.set(.array([["name": "app", "image": "rag:0", "env": [["name": "A", "value": "1"]]]]), at: ["spec", "template", "spec", "containers"])
        #expect(!ObjectContainment.contains(live, Self.desired))
        live.set(.array([["name": "other", "image": "rag:1"]]), at: ["spec", "template", "spec", "containers"])
        #expect(!ObjectContainment.contains(live, Self.desired))
    }

    @Test func anAtomicSelectorMustMatchExactly() {
        var live = Self.desired
        live.set(["matchLabels": ["app": "x"], "matchExpressions": []], at: ["spec", "selector"])
        #expect(!ObjectContainment.contains(live, Self.desired), "a selector with an extra member is a different selector")
    }

    @Test func theDigestChangesWithAnyDesiredChangeAndIgnoresItself() throws {
        let object = DesiredObject(component: "ui", descriptor: Deployment.resource, name: "x", namespace: "rag", body: Self.desired)
        let stamped = try ChildApplyDecision.stamped(object)
        #expect(try ChildApplyDecision.stamped(stamped) == stamped, "stamping a stamped body changes nothing")
        var changed = object
        changed.body.set(.string("rag:2"), at: ["spec", "template", "spec", "replicas"])
        let digest = stamped.body[path: ["metadata", "annotations", ChildApplyDecision.appliedHashAnnotation]]
        #expect(try ChildApplyDecision.stamped(changed).body[path: ["metadata", "annotations", ChildApplyDecision.appliedHashAnnotation]] != digest)
    }
}
