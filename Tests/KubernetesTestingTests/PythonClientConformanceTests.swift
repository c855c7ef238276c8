import Foundation
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// The fake API server driven by the official Python `kubernetes` client, which nobody here wrote:
/// a check that the fake speaks the wire protocol as real clients expect it (JSON bodies, list
/// metadata, watch framing, Status errors, CRDs and custom objects).
@Suite(.timeLimit(.minutes(2))) struct PythonClientConformanceTests {
    @Test func theOfficialPythonClientCreatesListsWatchesAndUsesCustomResources() async throws {
        let python = try PythonProcess()
        defer { try? python.remove() }  // cleanup only: a leftover temporary directory is harmless
        let probe = try await python.run(["-c", "import kubernetes"])
        let reason = probe.stderr.split(separator: "\n").last.map(String.init) ?? ""
        try #require(probe.status == 0, """
            python3 cannot import the official `kubernetes` client (exit \(probe.status): \(reason)). \
            Run the README's test command (bash .ci/run), which installs it (pip install kubernetes), then run this test again.
            """)
        let script = try python.write("conformance.py", Self.script)

        let server = FakeAPIServer()
        let outcome = try await server.withHTTPServer { url in try await python.run([script, url.absoluteString]) }

        try #require(outcome.status == 0, "the script failed (exit \(outcome.status)):\n\(outcome.stderr)\n\(outcome.stdout)")
        let lastLine = try #require(outcome.stdout.split(separator: "\n").last, "the script printed nothing")
        let results = try JSONValue(data: Data(lastLine.utf8))
        #expect(results["namespace"] == "py")
        #expect(results["selected"] == ["settings"])
        #expect(results["missingStatus"] == 404)
        #expect(results["conflictStatus"] == 409)
        #expect(results["established"] == true)
        #expect(results["gizmo"] == ["name": "g1", "spec": ["size": 2, "color": "red"]])
        #expect(results["patchedGizmo"] == ["size": 5, "color": "red"])
        #expect(results["gizmos"] == ["g1"])
        #expect(results["events"] == [
            ["type": "MODIFIED", "name": "settings", "mode": "slow"],
            ["type": "MODIFIED", "name": "settings", "mode": "live"],
        ])

        let stored = try await server.client().get(ConfigMap.self, name: "settings", namespace: "py")
        #expect(stored.data == ["mode": "live"])
    }

    /// Creates a namespace and ConfigMaps, lists by label, creates a CRD and a custom object, then
    /// watches ConfigMaps from the list's resourceVersion: one change made before the watch is
    /// replayed, one made while it is open arrives live. Prints one JSON line of results.
    static let script = #"""
        import json
        import sys

        from kubernetes import client, watch

        TIMEOUT = 10


        def main(url):
            api_client = client.ApiClient(client.Configuration(host=url))
            core = client.CoreV1Api(api_client)
            extensions = client.ApiextensionsV1Api(api_client)
            custom = client.CustomObjectsApi(api_client)
            results = {}

            namespace = core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name="py")), _request_timeout=TIMEOUT)
            results["namespace"] = namespace.metadata.name
            for name, app in [("settings", "web"), ("other", "db")]:
                body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name=name, labels={"app": app}), data={"mode": "fast"})
                core.create_namespaced_config_map("py", body, _request_timeout=TIMEOUT)
            selected = core.list_namespaced_config_map("py", label_selector="app=web", _request_timeout=TIMEOUT)
            results["selected"] = [item.metadata.name for item in selected.items]
            resource_version = selected.metadata.resource_version

            try:
                core.read_namespaced_config_map("missing", "py", _request_timeout=TIMEOUT)
            except client.ApiException as error:
                results["missingStatus"] = error.status
            try:
                stale = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="settings", resource_version="1"), data={})
                core.replace_namespaced_config_map("settings", "py", stale, _request_timeout=TIMEOUT)
            except client.ApiException as error:
                results["conflictStatus"] = error.status

            extensions.create_custom_resource_definition(CRD, _request_timeout=TIMEOUT)
            crd = extensions.read_custom_resource_definition("gizmos.example.com", _request_timeout=TIMEOUT)
            results["established"] = any(c.type == "Established" and c.status == "True" for c in crd.status.conditions)
            gizmo = {"apiVersion": "example.com/v1", "kind": "Gizmo", "metadata": {"name": "g1"}, "spec": {"size": 2}}
            created = custom.create_namespaced_custom_object("example.com", "v1", "py", "gizmos", gizmo, _request_timeout=TIMEOUT)
            results["gizmo"] = {"name": created["metadata"]["name"], "spec": created["spec"]}
            patched = custom.patch_namespaced_custom_object("example.com", "v1", "py", "gizmos", "g1", {"spec": {"size": 5}}, _request_timeout=TIMEOUT)
            results["patchedGizmo"] = patched["spec"]
            listed = custom.list_namespaced_custom_object("example.com", "v1", "py", "gizmos", _request_timeout=TIMEOUT)
            results["gizmos"] = [item["metadata"]["name"] for item in listed["items"]]

            # Changed before the watch starts: replayed from the list's resourceVersion.
            core.patch_namespaced_config_map("settings", "py", {"data": {"mode": "slow"}}, _request_timeout=TIMEOUT)
            events = []
            stream = watch.Watch()
            for event in stream.stream(core.list_namespaced_config_map, "py", resource_version=resource_version, timeout_seconds=2):
                data = event["object"].data or {}
                events.append({"type": event["type"], "name": event["object"].metadata.name, "mode": data.get("mode")})
                if len(events) == 1:
                    # Changed while the watch is open: arrives live on the same stream.
                    core.patch_namespaced_config_map("settings", "py", {"data": {"mode": "live"}}, _request_timeout=TIMEOUT)
                if len(events) == 2:
                    stream.stop()
            results["events"] = events
            print(json.dumps(results, sort_keys=True))


        CRD = {
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": {"name": "gizmos.example.com"},
            "spec": {
                "group": "example.com",
                "scope": "Namespaced",
                "names": {"plural": "gizmos", "singular": "gizmo", "kind": "Gizmo"},
                "versions": [{
                    "name": "v1", "served": True, "storage": True,
                    "subresources": {"status": {}},
                    "schema": {"openAPIV3Schema": {
                        "type": "object",
                        "properties": {
                            "spec": {"type": "object", "required": ["size"], "properties": {
                                "size": {"type": "integer", "minimum": 1},
                                "color": {"type": "string", "default": "red"},
                            }},
                            "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
                        },
                    }},
                }],
            },
        }

        if __name__ == "__main__":
            main(sys.argv[1])
        """#
}
