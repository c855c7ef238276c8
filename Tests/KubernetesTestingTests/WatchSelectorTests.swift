import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Watches with selectors: objects entering the selector are ADDED, objects leaving it are DELETED.
@Suite(.timeLimit(.minutes(1))) struct WatchSelectorTests {
    let server = FakeAPIServer()

    @Test func anObjectThatStartsAndStopsMatchingIsAddedAndThenDeleted() async throws {
        let client = server.client()
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(labelSelector: "app=web", resourceVersion: await server.currentResourceVersion))

        var object = try await client.create(ConfigMap.named("a", labels: ["app": "db"]))
        object.metadata.labels = ["app": "web"]
        object = try await client.replace(object)
        object.data = ["k": "v"]
        object = try await client.replace(object)
        object.metadata.labels = ["app": "db"]
        object = try await client.replace(object)
        object.data = ["k": "w"]
        _ = try await client.replace(object)

        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED a", "MODIFIED a", "DELETED a"])
    }

    @Test func theDeletedEventOfAnObjectLeavingTheSelectorCarriesItsNewState() async throws {
        let client = server.client()
        var object = try await client.create(ConfigMap.named("a", labels: ["app": "web"]))
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(labelSelector: "app=web", resourceVersion: object.metadata.resourceVersion))
        object.metadata.labels = ["app": "db"]
        let moved = try await client.replace(object)
        var iterator = watch.makeAsyncIterator()
        #expect(try await iterator.next() == .deleted(moved))
    }

    @Test func replayedHistoryIsFilteredBySelectorToo() async throws {
        let client = server.client()
        let start = await server.currentResourceVersion
        var object = try await client.create(ConfigMap.named("a", labels: ["app": "db"]))
        _ = try await client.create(ConfigMap.named("b", labels: ["app": "web"]))
        object.metadata.labels = ["app": "web"]
        _ = try await client.replace(object)

        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(labelSelector: "app=web", resourceVersion: start))
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED b", "ADDED a"])
    }

    @Test func aFieldSelectorWatchSeesOnlyTheNamedObject() async throws {
        let client = server.client()
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(fieldSelector: "metadata.name=b", resourceVersion: await server.currentResourceVersion))
        _ = try await client.create(ConfigMap.named("a"))
        _ = try await client.create(ConfigMap.named("b"))
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED b"])
    }

    @Test func aNamespacedWatchIgnoresOtherNamespaces() async throws {
        let client = server.client()
        _ = try await client.create(Namespace(metadata: ObjectMeta(name: "other")))
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion))
        _ = try await client.create(ConfigMap.named("elsewhere", namespace: "other"))
        _ = try await client.create(ConfigMap.named("here"))
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED here"])
    }
}
