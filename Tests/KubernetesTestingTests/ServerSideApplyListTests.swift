import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Server-side apply of keyed lists and of the status subresource.
@Suite struct ServerSideApplyListTests {
    let server = FakeAPIServer()

    @Test func twoManagersOwningDifferentContainersKeepBoth() async throws {
        let client = server.client()
        _ = try await client.apply(Deployment.named("api", replicas: 2, containers: [("app", "app:1")]), fieldManager: "operator")

        let merged = try await client.apply(Deployment.named("api", containers: [("proxy", "envoy:1")]), fieldManager: "injector")

        #expect(merged.containerImages == ["app=app:1", "proxy=envoy:1"])
        #expect(merged.spec?.replicas == 2)
        let injected = try #require(merged.metadata.fields(of: "injector")?[path: ["f:spec", "f:template", "f:spec", "f:containers"]])
        #expect(injected[#"k:{"name":"proxy"}"#] != nil)
        #expect(injected[#"k:{"name":"app"}"#] == nil)
    }

    @Test func aManagerUpdatingItsContainerLeavesTheOtherManagersContainerAlone() async throws {
        let client = server.client()
        _ = try await client.apply(Deployment.named("api", containers: [("app", "app:1")]), fieldManager: "operator")
        _ = try await client.apply(Deployment.named("api", containers: [("proxy", "envoy:1")]), fieldManager: "injector")

        let updated = try await client.apply(Deployment.named("api", containers: [("app", "app:2")]), fieldManager: "operator")

        #expect(updated.containerImages == ["app=app:2", "proxy=envoy:1"])
    }

    @Test func aContainerItsOnlyManagerStopsApplyingIsRemoved() async throws {
        let client = server.client()
        _ = try await client.apply(Deployment.named("api", containers: [("app", "app:1"), ("debug", "busybox")]), fieldManager: "operator")
        _ = try await client.apply(Deployment.named("api", containers: [("proxy", "envoy:1")]), fieldManager: "injector")

        let updated = try await client.apply(Deployment.named("api", containers: [("app", "app:1")]), fieldManager: "operator")

        #expect(updated.containerImages == ["app=app:1", "proxy=envoy:1"])
    }

    @Test func anotherImageForAContainerSomeoneElseOwnsIsAConflict() async throws {
        let client = server.client()
        _ = try await client.apply(Deployment.named("api", containers: [("app", "app:1")]), fieldManager: "operator")
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.apply(Deployment.named("api", containers: [("app", "app:9")]), fieldManager: "intruder")
        }
        #expect(error.isConflict)
        #expect(error.status?.details?.causes?.map(\.field) == [#".spec.template.spec.containers[{"name":"app"}].image"#])
    }

    @Test func applyStatusTouchesOnlyStatus() async throws {
        let client = server.client()
        _ = try await client.apply(Deployment.named("api", replicas: 2, containers: [("app", "app:1")]), fieldManager: "operator")

        var report = Deployment.named("api", replicas: 9, containers: [("app", "hijacked")])
        var status = DeploymentStatus()
        status.readyReplicas = 2
        report.status = status
        let reported = try await client.applyStatus(report, fieldManager: "status-writer")

        #expect(reported.status?.readyReplicas == 2)
        #expect(reported.spec?.replicas == 2)
        #expect(reported.containerImages == ["app=app:1"])
        #expect(reported.metadata.managers == ["operator/Apply", "status-writer/Apply/status"])
        #expect(reported.metadata.fields(of: "status-writer") == ["f:status": ["f:readyReplicas": [:]]])
    }

    @Test func applyToTheMainResourceIgnoresStatus() async throws {
        let client = server.client()
        var deployment = Deployment.named("api", containers: [("app", "app:1")])
        var status = DeploymentStatus()
        status.readyReplicas = 5
        deployment.status = status
        let applied = try await client.apply(deployment, fieldManager: "operator")
        #expect(applied.status == nil)
        #expect(applied.metadata.fields(of: "operator")?["f:status"] == nil)
    }
}
