import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// `dryRun=All`: the request is validated and answered as if it happened, and nothing is stored.
@Suite struct DryRunTests {
    let server = FakeAPIServer()

    func dryRun(_ request: KubernetesRequest) -> KubernetesRequest {
        var request = request
        request.query.append("dryRun", "All")
        return request
    }

    @Test func aDryRunCreateAnswersTheObjectButStoresNothing() async throws {
        let request = try dryRun(.create(ConfigMap.named("ghost", data: ["k": "v"])))
        let answer = try await server.answer(request)
        #expect(answer.code == 201)
        #expect(answer.body[path: ["data", "k"]] == "v")
        #expect(try await server.client().getIfPresent(ConfigMap.self, name: "ghost", namespace: "default") == nil)
        #expect(await server.currentResourceVersion == "1")
    }

    @Test func aDryRunCreateIsStillValidated() async throws {
        _ = try await server.clientServingWidgets()
        let answer = try await server.answer(dryRun(.create(Widget(name: "bad", spec: ["size": 0]))))
        #expect(answer.code == 422)
    }

    @Test func aDryRunCRDIsNotServed() async throws {
        let answer = try await server.answer(dryRun(.create(Widget.definition())))
        #expect(answer.code == 201)
        #expect(try await server.get("/apis/example.com/v1").code == 404)
    }

    @Test func aDryRunApplyOrDeleteChangesNothing() async throws {
        let client = server.client()
        let created = try await client.create(ConfigMap.named("a", data: ["k": "1"]))
        _ = try await server.answer(dryRun(.apply(ConfigMap.named("a", data: ["k": "2"]), options: .init(fieldManager: "test", force: true))))
        _ = try await server.answer(dryRun(.delete(ConfigMap.self, name: "a", namespace: "default")))
        let current = try await client.get(ConfigMap.self, name: "a", namespace: "default")
        #expect(current.data == ["k": "1"])
        #expect(current.metadata.resourceVersion == created.metadata.resourceVersion)
    }
}
