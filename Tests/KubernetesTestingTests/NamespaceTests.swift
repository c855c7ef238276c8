import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Namespaces: objects need an existing, active namespace, and deleting a namespace empties it first.
@Suite struct NamespaceTests {
    let server = FakeAPIServer()
    var client: KubernetesClient { server.client() }

    func createNamespace(_ name: String) async throws {
        _ = try await client.create(Namespace(metadata: ObjectMeta(name: name)))
    }

    @Test func theDefaultNamespacesExist() async throws {
        let names = try await client.list(Namespace.self).items.compactMap(\.metadata.name)
        #expect(names == ["default", "kube-public", "kube-system"])
    }

    @Test func creatingAnObjectInAMissingNamespaceIsNotFound() async throws {
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.create(ConfigMap.named("lost", namespace: "nowhere"))
        }
        #expect(error.isNotFound)
        #expect(error.status?.message?.contains("nowhere") == true)
    }

    @Test func deletingANamespaceDeletesItsContentsAndThenItself() async throws {
        try await createNamespace("team")
        _ = try await client.create(ConfigMap.named("a", namespace: "team"))
        _ = try await client.create(Deployment.named("api", containers: [("app", "app:1")]).moved(to: "team"))
        _ = try await client.create(ConfigMap.named("untouched"))

        try await client.delete(Namespace.self, name: "team")

        #expect(try await client.list(ConfigMap.self, namespace: "team").items.isEmpty)
        #expect(try await client.list(Deployment.self, namespace: "team").items.isEmpty)
        #expect(try await client.getIfPresent(Namespace.self, name: "team") == nil)
        #expect(try await client.getIfPresent(ConfigMap.self, name: "untouched", namespace: "default") != nil)
    }

    @Test func aNamespaceWaitsForFinalizersOfItsContentsAndRefusesNewObjects() async throws {
        try await createNamespace("team")
        var guarded = ConfigMap.named("guarded", namespace: "team")
        guarded.metadata.finalizers = ["example.com/hold"]
        _ = try await client.create(guarded)

        try await client.delete(Namespace.self, name: "team")

        let terminating = try await client.get(Namespace.self, name: "team")
        #expect(terminating.metadata.deletionTimestamp != nil)
        #expect(terminating.status?["phase"] == "Terminating")
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.create(ConfigMap.named("late", namespace: "team"))
        }
        #expect(error.isForbidden)

        _ = try await client.patch(ConfigMap.self, name: "guarded", namespace: "team", patch: ["metadata": ["finalizers": .null]])

        #expect(try await client.getIfPresent(ConfigMap.self, name: "guarded", namespace: "team") == nil)
        #expect(try await client.getIfPresent(Namespace.self, name: "team") == nil)
    }

    @Test func aNamespaceCanBeCreatedAgainOnceItIsGone() async throws {
        try await createNamespace("team")
        try await client.delete(Namespace.self, name: "team")
        try await createNamespace("team")
        _ = try await client.create(ConfigMap.named("a", namespace: "team"))
        #expect(try await client.list(ConfigMap.self, namespace: "team").items.count == 1)
    }
}

extension Deployment {
    /// This Deployment in another namespace.
    func moved(to namespace: String) -> Deployment {
        var copy = self
        copy.metadata.namespace = namespace
        return copy
    }
}
