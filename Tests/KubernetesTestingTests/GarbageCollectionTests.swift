import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Owner-reference garbage collection: background, foreground and orphan propagation.
@Suite struct GarbageCollectionTests {
    let server = FakeAPIServer()
    var client: KubernetesClient { server.client() }

    /// Creates a ConfigMap owned by every one of `owners`.
    @discardableResult
    func create(_ name: String, ownedBy owners: [ConfigMap] = [], finalizers: [String]? = nil) async throws -> ConfigMap {
        var object = ConfigMap.named(name)
        object.metadata.finalizers = finalizers
        if !owners.isEmpty {
            object.metadata.ownerReferences = owners.map {
                OwnerReference(apiVersion: "v1", kind: "ConfigMap", name: $0.metadata.name ?? "", uid: $0.metadata.uid ?? "", controller: $0 == owners.first, blockOwnerDeletion: true)
            }
        }
        return try await client.create(object)
    }

    func exists(_ name: String) async throws -> Bool {
        try await client.getIfPresent(ConfigMap.self, name: name, namespace: "default") != nil
    }

    func current(_ name: String) async throws -> ConfigMap {
        try await client.get(ConfigMap.self, name: name, namespace: "default")
    }

    @Test func backgroundDeletionDeletesDependentsAndTheirDependents() async throws {
        let owner = try await create("owner")
        let child = try await create("child", ownedBy: [owner])
        try await create("grandchild", ownedBy: [child])
        try await create("bystander")

        try await client.delete(ConfigMap.self, name: "owner", namespace: "default")

        #expect(try await client.list(ConfigMap.self, namespace: "default").items.map(\.metadata.name) == ["bystander"])
    }

    @Test func backgroundIsTheDefaultAndCanBeAskedForExplicitly() async throws {
        let owner = try await create("owner")
        try await create("child", ownedBy: [owner])
        try await client.delete(ConfigMap.self, name: "owner", namespace: "default", options: .background)
        #expect(try await exists("child") == false)
    }

    @Test func foregroundDeletionRemovesDependentsBeforeTheOwner() async throws {
        let owner = try await create("owner")
        try await create("child", ownedBy: [owner])
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion))

        try await client.delete(ConfigMap.self, name: "owner", namespace: "default", options: .foreground)

        #expect(try await exists("owner") == false)
        #expect(try await exists("child") == false)
        await server.closeAllWatches()
        let events = try await watch.summaries()
        let childGone = try #require(events.firstIndex(of: "DELETED child"))
        let ownerGone = try #require(events.firstIndex(of: "DELETED owner"))
        #expect(childGone < ownerGone)
    }

    @Test func aDependentWithItsOwnFinalizerHoldsAForegroundDeletedOwner() async throws {
        let owner = try await create("owner")
        try await create("child", ownedBy: [owner], finalizers: ["example.com/hold"])

        try await client.delete(ConfigMap.self, name: "owner", namespace: "default", options: .foreground)

        let waiting = try await current("owner")
        #expect(waiting.metadata.deletionTimestamp != nil)
        #expect(waiting.metadata.finalizers == ["foregroundDeletion"])
        #expect(try await current("child").metadata.deletionTimestamp != nil)

        _ = try await client.patch(ConfigMap.self, name: "child", namespace: "default", jsonPatch: JSONPatch([.remove("/metadata/finalizers")]))

        #expect(try await exists("child") == false)
        #expect(try await exists("owner") == false)
    }

    @Test func orphanDeletionKeepsDependentsAndRemovesTheirOwnerReference() async throws {
        let owner = try await create("owner")
        try await create("child", ownedBy: [owner])

        try await client.delete(ConfigMap.self, name: "owner", namespace: "default", options: .orphan)

        #expect(try await exists("owner") == false)
        #expect(try await current("child").metadata.ownerReferences == nil)
    }

    @Test func aDependentWithTwoOwnersSurvivesOneAndLosesTheDanglingReference() async throws {
        let first = try await create("first")
        let second = try await create("second")
        try await create("shared", ownedBy: [first, second])

        try await client.delete(ConfigMap.self, name: "first", namespace: "default")

        let shared = try await current("shared")
        #expect(shared.metadata.ownerReferences?.map(\.name) == ["second"])

        try await client.delete(ConfigMap.self, name: "second", namespace: "default")
        #expect(try await exists("shared") == false)
    }

    @Test func aDependentWhoseOwnerNeverExistedIsCollected() async throws {
        var orphan = ConfigMap.named("orphan")
        orphan.metadata.ownerReferences = [OwnerReference(apiVersion: "v1", kind: "ConfigMap", name: "ghost", uid: "no-such-uid")]
        // The real collector deletes it soon after the create; the fake does so before answering.
        _ = try await client.create(orphan)
        #expect(try await exists("orphan") == false)
    }
}
