import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// resourceVersion, optimistic concurrency, generation, uid and creationTimestamp.
@Suite struct ResourceVersionTests {
    let server = FakeAPIServer()

    @Test func everyWriteGetsAHigherResourceVersion() async throws {
        let client = server.client()
        let first = try await client.create(ConfigMap.named("a"))
        let second = try await client.create(ConfigMap.named("b"))
        var changed = first
        changed.data = ["k": "v"]
        let third = try await client.replace(changed)
        let versions = try [first, second, third].map { try Int64(resourceVersion: $0.metadata.resourceVersion) }
        #expect(versions == versions.sorted() && Set(versions).count == 3)
        #expect(try await Int64(resourceVersion: server.currentResourceVersion) == versions.last)
    }

    @Test func replacingWithAStaleResourceVersionIsAConflict() async throws {
        let client = server.client()
        let original = try await client.create(ConfigMap.named("a", data: ["k": "1"]))
        var winner = original
        winner.data = ["k": "2"]
        _ = try await client.replace(winner)

        var loser = original
        loser.data = ["k": "3"]
        let error = try await #require(throws: KubernetesClientError.self) { try await client.replace(loser) }
        #expect(error.isConflict)
        #expect(error.status?.reason == "Conflict")
        #expect(try await client.get(ConfigMap.self, name: "a", namespace: "default").data == ["k": "2"])
    }

    @Test func aCustomObjectUpdateWithoutAResourceVersionIsInvalid() async throws {
        let client = try await server.clientServingWidgets()
        var widget = try await client.create(Widget(name: "w"))
        widget.metadata.resourceVersion = nil
        let error = try await #require(throws: KubernetesClientError.self) { try await client.replace(widget) }
        #expect(error.isInvalid)
        #expect(error.status?.details?.causes?.map(\.field) == ["metadata.resourceVersion"])
    }

    @Test func createSetsUIDCreationTimestampAndGenerationOne() async throws {
        let created = try await server.clientServingWidgets().create(Widget(name: "w")).metadata
        #expect(created.uid?.isEmpty == false)
        #expect(created.creationTimestamp != nil)
        #expect(created.generation == 1)
        #expect(created.deletionTimestamp == nil)
    }

    @Test func theServerKeepsUIDAndCreationTimestampAgainstWhatAClientSends() async throws {
        let client = try await server.clientServingWidgets()
        let created = try await client.create(Widget(name: "w"))
        var forged = created
        forged.metadata.uid = "forged"
        forged.metadata.labels = ["touched": "yes"]
        let updated = try await client.replace(forged)
        #expect(updated.metadata.uid == created.metadata.uid)
        #expect(updated.metadata.creationTimestamp == created.metadata.creationTimestamp)
    }

    @Test func generationBumpsOnSpecChangesOnly() async throws {
        let client = try await server.clientServingWidgets()
        var widget = try await client.create(Widget(name: "w"))

        widget.spec?["size"] = 4
        widget = try await client.replace(widget)
        #expect(widget.metadata.generation == 2)

        widget.metadata.labels = ["tier": "gold"]
        widget.metadata.annotations = ["note": "metadata only"]
        widget = try await client.replace(widget)
        #expect(widget.metadata.generation == 2)

        widget.status = ["phase": "Ready", "observedGeneration": 2]
        widget = try await client.replaceStatus(widget)
        #expect(widget.metadata.generation == 2)
        #expect(widget.status?["phase"] == "Ready")

        widget.spec?["size"] = 5
        #expect(try await client.replace(widget).metadata.generation == 3)
    }

    @Test func aNoOpUpdateKeepsTheResourceVersionAndSendsNoEvent() async throws {
        let client = server.client()
        let created = try await client.create(ConfigMap.named("a", labels: ["app": "web"], data: ["k": "v"]))
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: created.metadata.resourceVersion))

        let unchanged = try await client.replace(created)
        _ = try await client.patch(ConfigMap.self, name: "a", namespace: "default", patch: ["data": ["k": "v"]])

        #expect(unchanged.metadata.resourceVersion == created.metadata.resourceVersion)
        #expect(try await server.currentResourceVersion == created.metadata.resourceVersion)
        var changed = unchanged
        changed.data = ["k": "w"]
        _ = try await client.replace(changed)
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["MODIFIED a"])
    }
}
