import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// With a status subresource, the main resource and `/status` each write only their half.
@Suite struct StatusSubresourceTests {
    let server = FakeAPIServer()

    @Test func createIgnoresTheStatusOfTheNewObject() async throws {
        let client = try await server.clientServingWidgets()
        let created = try await client.create(Widget(name: "w", status: ["phase": "Forged"]))
        #expect(created.status == nil)
    }

    @Test func writesToTheMainResourceIgnoreStatus() async throws {
        let client = try await server.clientServingWidgets()
        var widget = try await client.create(Widget(name: "w"))
        widget = try await client.replaceStatus(Widget(name: "w", status: ["phase": "Ready"]).withVersion(of: widget))

        widget.spec?["size"] = 7
        widget.status = ["phase": "Overwritten"]
        let updated = try await client.replace(widget)
        #expect(updated.spec?["size"] == 7)
        #expect(updated.status == ["phase": "Ready"])

        let patched = try await client.patch(Widget.self, name: "w", namespace: "default", patch: ["status": ["phase": "Patched"]])
        #expect(patched.status == ["phase": "Ready"])
    }

    @Test func writesToStatusChangeOnlyStatus() async throws {
        let client = try await server.clientServingWidgets()
        var widget = try await client.create(Widget(name: "w", spec: ["size": 2]))
        widget.spec?["size"] = 9
        widget.metadata.labels = ["sneaky": "label"]
        widget.status = ["phase": "Ready"]

        let updated = try await client.replaceStatus(widget)
        #expect(updated.status == ["phase": "Ready"])
        #expect(updated.spec?["size"] == 2)
        #expect(updated.metadata.labels == nil)

        let patched = try await client.patch(Widget.self, name: "w", namespace: "default", patch: ["spec": ["size": 8], "status": ["phase": "Done"]], subresource: "status")
        #expect(patched.spec?["size"] == 2)
        #expect(patched.status == ["phase": "Done"])
    }

    @Test func statusOfADeploymentIsWrittenOnlyThroughTheSubresource() async throws {
        let client = server.client()
        var deployment = try await client.create(Deployment.named("api", replicas: 1, containers: [("app", "app:1")]))
        var status = DeploymentStatus()
        status.readyReplicas = 1
        deployment.status = status
        #expect(try await client.replace(deployment).status == nil)

        deployment = try await client.get(Deployment.self, name: "api", namespace: "default")
        deployment.status = status
        deployment.spec?.replicas = 3
        let updated = try await client.replaceStatus(deployment)
        #expect(updated.status?.readyReplicas == 1)
        #expect(updated.spec?.replicas == 1)
    }

    @Test func withoutTheSubresourceStatusIsPartOfTheMainResource() async throws {
        let client = try await server.clientServingWidgets(statusSubresource: false)
        let created = try await client.create(Widget(name: "w", status: ["phase": "Stored"]))
        #expect(created.status == ["phase": "Stored"])
        let error = try await #require(throws: KubernetesClientError.self) { try await client.replaceStatus(created) }
        #expect(error.isNotFound)
    }
}

extension Widget {
    /// This widget carrying another's resourceVersion, for an update of an object fetched earlier.
    func withVersion(of other: Widget) -> Widget {
        var copy = self
        copy.metadata.resourceVersion = other.metadata.resourceVersion
        return copy
    }
}
