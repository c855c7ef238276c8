import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// JSON merge patch, JSON patch and strategic merge patch.
@Suite struct PatchTests {
    let server = FakeAPIServer()

    @Test func aMergePatchMergesMapsAndDeletesWhatItSetsToNull() async throws {
        let client = server.client()
        _ = try await client.create(ConfigMap.named("a", labels: ["app": "web", "tier": "front"], data: ["keep": "1", "drop": "2"]))

        let patched = try await client.patch(
            ConfigMap.self, name: "a", namespace: "default",
            patch: ["metadata": ["labels": ["tier": .null]], "data": ["drop": .null, "add": "3"]])

        #expect(patched.data == ["keep": "1", "add": "3"])
        #expect(patched.metadata.labels == ["app": "web"])
    }

    @Test func aMergePatchReplacesListsWhole() async throws {
        let client = server.client()
        _ = try await client.create(Deployment.named("api", containers: [("app", "app:1"), ("proxy", "envoy:1")]))
        let patched = try await client.patch(
            Deployment.self, name: "api", namespace: "default",
            patch: ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "app:2"]]]]]])
        #expect(patched.containerImages == ["app=app:2"])
    }

    @Test func aMergePatchWithAStaleResourceVersionIsAConflict() async throws {
        let client = server.client()
        let created = try await client.create(ConfigMap.named("a"))
        _ = try await client.patch(ConfigMap.self, name: "a", namespace: "default", patch: ["data": ["k": "1"]])
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.patch(ConfigMap.self, name: "a", namespace: "default", patch: ["metadata": ["resourceVersion": .string(created.metadata.resourceVersion ?? "")], "data": ["k": "2"]])
        }
        #expect(error.isConflict)
    }

    @Test func aJSONPatchAppliesEveryOperationInOrder() async throws {
        let client = server.client()
        _ = try await client.create(ConfigMap.named("a", data: ["k": "1"]))
        let patched = try await client.patch(ConfigMap.self, name: "a", namespace: "default", jsonPatch: JSONPatch([
            .test("/data/k", "1"), .replace("/data/k", "2"), .add("/metadata/labels", ["app": "web"]),
        ]))
        #expect(patched.data == ["k": "2"])
        #expect(patched.metadata.labels == ["app": "web"])
    }

    @Test func aJSONPatchWhoseTestFailsIsInvalidAndChangesNothing() async throws {
        let client = server.client()
        let created = try await client.create(ConfigMap.named("a", data: ["k": "1"]))

        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.patch(ConfigMap.self, name: "a", namespace: "default", jsonPatch: JSONPatch([
                .replace("/data/k", "2"), .test("/data/k", "1"),
            ]))
        }

        #expect(error.code == 422)
        let current = try await client.get(ConfigMap.self, name: "a", namespace: "default")
        #expect(current.data == ["k": "1"])
        #expect(current.metadata.resourceVersion == created.metadata.resourceVersion)
    }

    @Test func aStrategicMergePatchMergesContainersByName() async throws {
        let client = server.client()
        _ = try await client.create(Deployment.named("api", containers: [("app", "app:1"), ("proxy", "envoy:1")]))

        let patched = try await client.patch(
            Deployment.self, name: "api", namespace: "default",
            patch: ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "app:2"], ["name": "debug", "image": "busybox"]]]]]],
            patchType: .strategicMerge)

        #expect(patched.containerImages == ["app=app:2", "proxy=envoy:1", "debug=busybox"])
    }

    @Test func aStrategicMergePatchCanDeleteAContainerByName() async throws {
        let client = server.client()
        _ = try await client.create(Deployment.named("api", containers: [("app", "app:1"), ("proxy", "envoy:1")]))
        let patched = try await client.patch(
            Deployment.self, name: "api", namespace: "default",
            patch: ["spec": ["template": ["spec": ["containers": [["name": "proxy", "$patch": "delete"]]]]]],
            patchType: .strategicMerge)
        #expect(patched.containerImages == ["app=app:1"])
    }

    @Test func aStrategicMergePatchOfACustomResourceIsUnsupported() async throws {
        let client = try await server.clientServingWidgets()
        _ = try await client.create(Widget(name: "w"))
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.patch(Widget.self, name: "w", namespace: "default", patch: ["spec": ["size": 4]], patchType: .strategicMerge)
        }
        #expect(error.code == 415)
    }

    @Test func patchingAMissingObjectIsNotFound() async throws {
        let error = try await #require(throws: KubernetesClientError.self) {
            try await server.client().patch(ConfigMap.self, name: "missing", namespace: "default", patch: ["data": ["k": "v"]])
        }
        #expect(error.isNotFound)
    }

    @Test func aPatchThatBreaksTheSchemaIsRejected() async throws {
        let client = try await server.clientServingWidgets()
        _ = try await client.create(Widget(name: "w"))
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.patch(Widget.self, name: "w", namespace: "default", patch: ["spec": ["size": 0]])
        }
        #expect(error.isInvalid)
    }
}
