import Foundation
import Testing
@testable import KubernetesCore

/// What a cache keeps of an object: compacted bytes and the operator's own managedFields entry.
struct DynamicObjectTests {
    static let object: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": [
            "name": "web", "namespace": "rag", "uid": "u-1", "labels": ["app": "web"],
            "ownerReferences": [["apiVersion": "rag.dev/v1alpha1", "kind": "RAGPipeline", "name": "p", "uid": "u-0", "controller": true]],
            "managedFields": [
                ["manager": "rag-operator", "operation": "Apply", "fieldsV1": ["f:spec": ["f:replicas": [:]]]],
                ["manager": "kube-controller-manager", "operation": "Update", "subresource": "status", "fieldsV1": ["f:status": ["f:replicas": [:]]]],
            ],
        ],
        "spec": ["replicas": 2, "note": "caf\u{e9} \"quoted\""],
        "status": ["replicas": 2],
    ]

    @Test func aCompactedObjectReadsBackTheSameJSON() throws {
        let original = try DynamicObject(json: Self.object)
        let compact = original.compacted()
        #expect(compact.isCompact && !original.isCompact)
        #expect(compact.json == Self.object)
        #expect(compact == original)
        #expect(compact.metadata.name == "web" && compact.metadata.ownerReferences?.first?.uid == "u-0")
        #expect(compact.metadata.managedFields == nil && compact.metadata.labels == nil, "the decoded metadata drops them; the JSON keeps them")
        #expect(compact.json[path: ["metadata", "labels", "app"]] == "web")
        var edited = compact
        edited.json["spec"]?["replicas"] = 3
        #expect(!edited.isCompact && edited.json[path: ["spec", "replicas"]] == 3)
    }

    @Test func onlyTheNamedManagersEntriesAreKept() throws {
        let kept = try DynamicObject(json: Self.object).keepingManagedFields(of: "rag-operator")
        let entries = kept.json[path: ["metadata", "managedFields"]]?.arrayValue ?? []
        #expect(entries.map { $0["manager"]?.stringValue } == ["rag-operator"])
        #expect(kept.json["status"] == Self.object["status"], "nothing but managedFields changes")
        let none = try DynamicObject(json: Self.object).keepingManagedFields(of: "someone-else")
        #expect(none.json[path: ["metadata", "managedFields"]] == nil)
    }
}
