import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Server-side apply: field ownership, conflicts, force, and removal of fields a manager stops applying.
@Suite struct ServerSideApplyTests {
    let server = FakeAPIServer()

    @Test func applyCreatesAMissingObjectAndRecordsTheManager() async throws {
        let client = server.client()
        let created = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "alice")
        #expect(created.data == ["mode": "fast"])
        #expect(created.metadata.uid != nil)
        #expect(created.metadata.managers == ["alice/Apply"])
        #expect(created.metadata.fields(of: "alice") == ["f:data": ["f:mode": [:]]])
    }

    @Test func applyRequiresAFieldManager() async throws {
        let body = try JSONValue(encoding: ConfigMap.named("settings")).data()
        let request = KubernetesRequest.patch(ConfigMap.resource, name: "settings", namespace: "default", type: .apply, body: body)
        #expect(try await server.answer(request).code == 400)
    }

    @Test func applyingAnotherValueForAFieldSomeoneElseOwnsIsAConflict() async throws {
        let client = server.client()
        _ = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "alice")

        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.apply(ConfigMap.named("settings", data: ["mode": "slow"]), fieldManager: "bob")
        }
        #expect(error.isConflict)
        let cause = try #require(error.status?.details?.causes?.first)
        #expect(cause.reason == "FieldManagerConflict")
        #expect(cause.field == ".data.mode")
        #expect(cause.message?.contains("alice") == true)
        #expect(try await client.get(ConfigMap.self, name: "settings", namespace: "default").data == ["mode": "fast"])
    }

    @Test func forcingAConflictingApplyMovesOwnership() async throws {
        let client = server.client()
        _ = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast", "size": "s"]), fieldManager: "alice")

        let forced = try await client.apply(ConfigMap.named("settings", data: ["mode": "slow"]), fieldManager: "bob", force: true)

        #expect(forced.data == ["mode": "slow", "size": "s"])
        #expect(forced.metadata.fields(of: "bob") == ["f:data": ["f:mode": [:]]])
        #expect(forced.metadata.fields(of: "alice") == ["f:data": ["f:size": [:]]])
    }

    @Test func applyingTheSameValueSharesOwnershipWithoutConflict() async throws {
        let client = server.client()
        _ = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "alice")

        let shared = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "bob")

        #expect(shared.metadata.managers == ["alice/Apply", "bob/Apply"])
        #expect(shared.metadata.fields(of: "alice") == shared.metadata.fields(of: "bob"))
    }

    @Test func aFieldTheManagerStopsApplyingIsRemoved() async throws {
        let client = server.client()
        _ = try await client.apply(ConfigMap.named("settings", labels: ["team": "a"], data: ["mode": "fast", "size": "s"]), fieldManager: "alice")

        let reapplied = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "alice")

        #expect(reapplied.data == ["mode": "fast"])
        #expect(reapplied.metadata.labels == nil)
        #expect(reapplied.metadata.fields(of: "alice") == ["f:data": ["f:mode": [:]]])
    }

    @Test func aFieldAnotherManagerStillOwnsStaysWhenOneManagerStopsApplyingIt() async throws {
        let client = server.client()
        _ = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast", "size": "s"]), fieldManager: "alice")
        _ = try await client.apply(ConfigMap.named("settings", data: ["size": "s"]), fieldManager: "bob")

        let reapplied = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "alice")

        #expect(reapplied.data == ["mode": "fast", "size": "s"])
        #expect(reapplied.metadata.fields(of: "bob") == ["f:data": ["f:size": [:]]])
    }

    @Test func anUpdateByAnotherManagerTakesOwnershipOfTheFieldsItChanged() async throws {
        let client = server.client()
        _ = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast", "size": "s"]), fieldManager: "alice")

        let patched = try await client.patch(ConfigMap.self, name: "settings", namespace: "default", patch: ["data": ["mode": "slow"]], fieldManager: "carol")

        #expect(patched.metadata.managers == ["alice/Apply", "carol/Update"])
        #expect(patched.metadata.fields(of: "carol", operation: "Update") == ["f:data": ["f:mode": [:]]])
        #expect(patched.metadata.fields(of: "alice") == ["f:data": ["f:size": [:]]])
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.apply(ConfigMap.named("settings", data: ["mode": "fast", "size": "s"]), fieldManager: "alice")
        }
        #expect(error.status?.details?.causes?.first?.message?.contains("carol") == true)
    }

    @Test func reapplyingTheSameConfigurationIsANoOp() async throws {
        let client = server.client()
        let first = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "alice")
        let second = try await client.apply(ConfigMap.named("settings", data: ["mode": "fast"]), fieldManager: "alice")
        #expect(second.metadata.resourceVersion == first.metadata.resourceVersion)
    }
}
