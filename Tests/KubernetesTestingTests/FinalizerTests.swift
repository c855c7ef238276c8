import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Finalizers hold a deleted object, marked with a deletionTimestamp, until they are all removed.
@Suite(.timeLimit(.minutes(1))) struct FinalizerTests {
    let server = FakeAPIServer()
    static let finalizer = "example.com/cleanup"

    func createGuarded(_ name: String, finalizers: [String] = [finalizer]) async throws -> ConfigMap {
        var object = ConfigMap.named(name)
        object.metadata.finalizers = finalizers
        return try await server.client().create(object)
    }

    @Test func deletingAnObjectWithFinalizersOnlyMarksIt() async throws {
        let client = server.client()
        let created = try await createGuarded("guarded")
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: created.metadata.resourceVersion))

        try await client.delete(ConfigMap.self, name: "guarded", namespace: "default")

        let marked = try await client.get(ConfigMap.self, name: "guarded", namespace: "default")
        #expect(marked.metadata.deletionTimestamp != nil)
        #expect(marked.metadata.finalizers == [Self.finalizer])
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["MODIFIED guarded"])
    }

    @Test func deletingAgainKeepsTheFirstDeletionTimestamp() async throws {
        let client = server.client()
        _ = try await createGuarded("guarded")
        try await client.delete(ConfigMap.self, name: "guarded", namespace: "default")
        let first = try await client.get(ConfigMap.self, name: "guarded", namespace: "default")
        try await client.delete(ConfigMap.self, name: "guarded", namespace: "default")
        let second = try await client.get(ConfigMap.self, name: "guarded", namespace: "default")
        #expect(second.metadata.resourceVersion == first.metadata.resourceVersion)
    }

    @Test func removingTheLastFinalizerDeletesTheObject() async throws {
        let client = server.client()
        _ = try await createGuarded("guarded")
        try await client.delete(ConfigMap.self, name: "guarded", namespace: "default")
        var marked = try await client.get(ConfigMap.self, name: "guarded", namespace: "default")
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: marked.metadata.resourceVersion))

        marked.metadata.finalizers = nil
        _ = try await client.replace(marked)

        #expect(try await client.getIfPresent(ConfigMap.self, name: "guarded", namespace: "default") == nil)
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["DELETED guarded"])
    }

    @Test func removingOneOfTwoFinalizersKeepsTheObject() async throws {
        let client = server.client()
        _ = try await createGuarded("guarded", finalizers: [Self.finalizer, "example.com/other"])
        try await client.delete(ConfigMap.self, name: "guarded", namespace: "default")

        _ = try await client.patch(ConfigMap.self, name: "guarded", namespace: "default", jsonPatch: JSONPatch([
            .test("/metadata/finalizers", [.string(Self.finalizer), "example.com/other"]),
            .replace("/metadata/finalizers", ["example.com/other"]),
        ]))

        let remaining = try await client.get(ConfigMap.self, name: "guarded", namespace: "default")
        #expect(remaining.metadata.finalizers == ["example.com/other"])
        #expect(remaining.metadata.deletionTimestamp != nil)
    }

    @Test func addingAFinalizerToAnObjectBeingDeletedIsRejected() async throws {
        let client = server.client()
        _ = try await createGuarded("guarded")
        try await client.delete(ConfigMap.self, name: "guarded", namespace: "default")

        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.patch(ConfigMap.self, name: "guarded", namespace: "default", patch: ["metadata": ["finalizers": [.string(Self.finalizer), "example.com/late"]]])
        }

        #expect(error.code == 422)
        #expect(try await client.get(ConfigMap.self, name: "guarded", namespace: "default").metadata.finalizers == [Self.finalizer])
    }

    @Test func anObjectWithoutFinalizersIsDeletedAtOnce() async throws {
        let client = server.client()
        _ = try await client.create(ConfigMap.named("plain"))
        try await client.delete(ConfigMap.self, name: "plain", namespace: "default")
        #expect(try await client.getIfPresent(ConfigMap.self, name: "plain", namespace: "default") == nil)
    }

    @Test func aDeletePreconditionOnAnOldResourceVersionIsAConflict() async throws {
        let client = server.client()
        let created = try await client.create(ConfigMap.named("a"))
        _ = try await client.patch(ConfigMap.self, name: "a", namespace: "default", patch: ["data": ["k": "v"]])
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.delete(ConfigMap.self, name: "a", namespace: "default", options: DeleteOptions(preconditions: .init(resourceVersion: created.metadata.resourceVersion)))
        }
        #expect(error.isConflict)
    }
}
