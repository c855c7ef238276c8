import Foundation
import KubernetesCore
import Testing

/// `FieldSet.of` must name an apply configuration's fields the way kube-apiserver records them in
/// `managedFields`, or the operator's ownership check would apply every child on every resync.
@Suite struct ManagedFieldsShapeTests {
    /// What kube-apiserver records for this Deployment apply (structured-merge-diff: `LabelSelector`,
    /// `OwnerReference` and `LocalObjectReference` are atomic structs, `nodeSelector` an atomic map).
    static let recorded = """
        {"f:metadata":{"f:labels":{".":{},"f:app":{}},"f:ownerReferences":{".":{},"k:{\\"uid\\":\\"u-1\\"}":{}}},
         "f:spec":{"f:replicas":{},"f:selector":{},
           "f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},
             "f:spec":{"f:imagePullSecrets":{".":{},"k:{\\"name\\":\\"pull\\"}":{}},"f:nodeSelector":{},
               "f:containers":{"k:{\\"name\\":\\"web\\"}":{".":{},"f:image":{},"f:name":{},
                 "f:env":{".":{},"k:{\\"name\\":\\"TOKEN\\"}":{".":{},"f:name":{},"f:valueFrom":{".":{},"f:secretKeyRef":{}}}},
                 "f:ports":{".":{},"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}}
        """

    static let applied: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": [
            "name": "web", "namespace": "rag", "labels": ["app": "web"],
            "ownerReferences": [["apiVersion": "rag.dev/v1alpha1", "kind": "RAGPipeline", "name": "p", "uid": "u-1", "controller": true]],
        ],
        "spec": [
            "replicas": 2, "selector": ["matchLabels": ["app": "web"]],
            "template": [
                "metadata": ["labels": ["app": "web"]],
                "spec": [
                    "imagePullSecrets": [["name": "pull"]], "nodeSelector": ["node.kubernetes.io/instance-type": "inf2.xlarge"],
                    "containers": [[
                        "name": "web", "image": "rag:1",
                        "env": [["name": "TOKEN", "valueFrom": ["secretKeyRef": ["name": "s", "key": "token"]]]],
                        "ports": [["containerPort": 80, "protocol": "TCP"]],
                    ]],
                ],
            ],
        ],
    ]

    @Test func anApplyConfigurationsFieldsAreTheOnesTheAPIServerRecords() throws {
        let recorded = FieldSet(fieldsV1: try JSONDecoder().decode(JSONValue.self, from: Data(Self.recorded.utf8)))
        let computed = FieldSet.of(Self.applied, lists: .builtIn)
        #expect(computed.leaves.map { $0.joined(separator: ".") } == recorded.leaves.map { $0.joined(separator: ".") })
    }

    @Test func atomicObjectsAreOneLeaf() {
        let leaves = Set(FieldSet.of(Self.applied, lists: .builtIn).leaves.map { $0.joined(separator: ".") })
        #expect(leaves.contains("f:spec.f:selector"))
        #expect(!leaves.contains { $0.hasPrefix("f:spec.f:selector.") })
        #expect(leaves.contains(#"f:metadata.f:ownerReferences.k:{"uid":"u-1"}"#))
    }
}
