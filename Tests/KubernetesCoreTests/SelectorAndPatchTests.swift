import Foundation
import KubernetesCore
import Testing

@Suite struct SelectorAndPatchTests {
    @Test(arguments: [
        ("app=web", ["app": "web"], true),
        ("app==web", ["app": "db"], false),
        ("app!=web", ["app": "db"], true),
        ("app!=web", [:], true),
        ("env in (prod, staging)", ["env": "staging"], true),
        ("env notin (prod)", ["env": "prod"], false),
        ("env notin (prod)", [:], true),
        ("release", ["release": "x"], true),
        ("!release", ["release": "x"], false),
        ("app=web,tier in (front),!legacy", ["app": "web", "tier": "front"], true),
        ("", ["anything": "x"], true),
    ] as [(String, [String: String], Bool)])
    func labelSelectorsMatchAsTheAPIServerDoes(selector: String, labels: [String: String], expected: Bool) throws {
        #expect(try LabelSelectorExpression(parsing: selector).matches(labels) == expected)
    }

    @Test(arguments: ["app=(x", "bad key=1", "env in prod", "env foo (a)"])
    func malformedLabelSelectorsThrow(selector: String) {
        #expect(throws: KubernetesCoreError.self) { try LabelSelectorExpression(parsing: selector) }
    }

    @Test func objectSelectorsRenderTheQueryStringForm() {
        let selector = LabelSelector(matchLabels: ["b": "2", "a": "1"], matchExpressions: [.init(key: "env", operator: "In", values: ["prod", "dev"])])
        #expect(selector.queryString == "a=1,b=2,env in (dev,prod)")
        #expect(selector.matches(["a": "1", "b": "2", "env": "dev"]))
        #expect(!selector.matches(["a": "1", "b": "2"]))
    }

    @Test func fieldSelectorsCompareDottedPaths() throws {
        let object: JSONValue = ["metadata": ["name": "w1", "namespace": "rag"], "status": ["phase": "Running"]]
        #expect(try FieldSelectorExpression(parsing: "metadata.name=w1,status.phase!=Failed").matches(object))
        #expect(try !FieldSelectorExpression(parsing: "metadata.namespace==other").matches(object))
    }

    @Test func mergePatchNullDeletesAndObjectsMerge() {
        let target: JSONValue = ["a": 1, "b": ["c": 2, "d": 3]]
        let result = JSONMergePatch.apply(["a": .null, "b": ["c": 9]], to: target)
        #expect(result == ["b": ["c": 9, "d": 3]])
        #expect(JSONMergePatch.diff(from: target, to: result) == ["a": .null, "b": ["c": 9]])
        #expect(JSONMergePatch.diff(from: target, to: target) == nil)
    }

    @Test func jsonPatchAppliesAllOrNothingGuardedByTest() throws {
        let object: JSONValue = ["metadata": ["finalizers": ["a", "b"]]]
        let remove = JSONPatch([.test("/metadata/finalizers", ["a", "b"]), .remove("/metadata/finalizers/0")])
        #expect(try remove.apply(to: object) == ["metadata": ["finalizers": ["b"]]])
        let stale = JSONPatch([.test("/metadata/finalizers", ["a"]), .remove("/metadata/finalizers/0")])
        #expect(throws: JSONPatch.Failure.self) { try stale.apply(to: object) }
        let append = JSONPatch([.add("/metadata/finalizers/-", "c")])
        #expect(try append.apply(to: object) == ["metadata": ["finalizers": ["a", "b", "c"]]])
    }

    @Test func jsonPatchPointersEscapeSlashesAndTildes() throws {
        let object: JSONValue = ["metadata": ["annotations": ["rag.dev/hash": "1", "a~b": "2"]]]
        let patch = JSONPatch([.replace("/metadata/annotations/rag.dev~1hash", "9"), .remove("/metadata/annotations/a~0b")])
        #expect(try patch.apply(to: object) == ["metadata": ["annotations": ["rag.dev/hash": "9"]]])
    }
}
