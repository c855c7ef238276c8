import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Lists: label and field selectors, namespaces, and pagination with `limit`/`continue`.
@Suite struct ListTests {
    let server = FakeAPIServer()

    /// `web-front` (app=web, tier=front), `web-back` (app=web, tier=back), `db` (app=db), `bare` (no labels).
    func seed() async throws -> KubernetesClient {
        let client = server.client()
        _ = try await client.create(ConfigMap.named("web-front", labels: ["app": "web", "tier": "front"]))
        _ = try await client.create(ConfigMap.named("web-back", labels: ["app": "web", "tier": "back"]))
        _ = try await client.create(ConfigMap.named("db", labels: ["app": "db"]))
        _ = try await client.create(ConfigMap.named("bare"))
        return client
    }

    @Test(arguments: [
        ("app=web", ["web-back", "web-front"]),
        ("app==web", ["web-back", "web-front"]),
        ("app!=web", ["bare", "db"]),
        ("tier in (front,back)", ["web-back", "web-front"]),
        ("tier notin (front)", ["bare", "db", "web-back"]),
        ("tier", ["web-back", "web-front"]),
        ("!tier", ["bare", "db"]),
        ("app=web,tier=back", ["web-back"]),
    ])
    func aLabelSelectorListsExactlyTheMatchingObjects(selector: String, expected: [String]) async throws {
        let client = try await seed()
        let list = try await client.list(ConfigMap.self, namespace: "default", options: .init(labelSelector: selector))
        #expect(list.items.compactMap(\.metadata.name).sorted() == expected)
    }

    @Test func aFieldSelectorOnMetadataNameListsOneObject() async throws {
        let client = try await seed()
        let list = try await client.list(ConfigMap.self, namespace: "default", options: .init(fieldSelector: "metadata.name=db"))
        #expect(list.items.map(\.metadata.name) == ["db"])
        let others = try await client.list(ConfigMap.self, namespace: "default", options: .init(fieldSelector: "metadata.name!=db"))
        #expect(others.items.count == 3)
    }

    @Test func aNamespacedListSeesOnlyItsNamespaceAndAnAllNamespacesListSeesEvery() async throws {
        let client = try await seed()
        _ = try await client.create(Namespace(metadata: ObjectMeta(name: "other")))
        _ = try await client.create(ConfigMap.named("elsewhere", namespace: "other"))
        #expect(try await client.list(ConfigMap.self, namespace: "other").items.map(\.metadata.name) == ["elsewhere"])
        #expect(try await client.list(ConfigMap.self).items.count == 5)
    }

    @Test(arguments: ["app in web", "!", "=web", "app in (web"])
    func anInvalidLabelSelectorIsABadRequest(selector: String) async throws {
        let client = try await seed()
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.list(ConfigMap.self, namespace: "default", options: .init(labelSelector: selector))
        }
        #expect(error.code == 400)
        #expect(error.status?.reason == "BadRequest")
    }

    @Test func pagesFollowContinueTokensUntilTheLastPage() async throws {
        let client = server.client()
        for index in 1...5 { _ = try await client.create(ConfigMap.named("cm-\(index)")) }

        var names: [String] = []
        var options = ListOptions(limit: 2)
        var pageSizes: [Int] = []
        while true {
            let page = try await client.list(ConfigMap.self, namespace: "default", options: options)
            pageSizes.append(page.items.count)
            names += page.items.compactMap(\.metadata.name)
            guard let token = page.metadata.continue, !token.isEmpty else { break }
            options.continue = token
        }
        #expect(pageSizes == [2, 2, 1])
        #expect(names == ["cm-1", "cm-2", "cm-3", "cm-4", "cm-5"])
    }

    @Test func laterPagesReportTheFirstPagesResourceVersion() async throws {
        let client = server.client()
        for index in 1...3 { _ = try await client.create(ConfigMap.named("cm-\(index)")) }
        let first = try await client.list(ConfigMap.self, namespace: "default", options: .init(limit: 2))
        _ = try await client.create(Namespace(metadata: ObjectMeta(name: "unrelated-write")))

        let second = try await client.list(ConfigMap.self, namespace: "default", options: .init(limit: 2, continue: first.metadata.continue))
        #expect(second.metadata.resourceVersion == first.metadata.resourceVersion)
        #expect(second.items.map(\.metadata.name) == ["cm-3"])
    }

    @Test func listAllReturnsEveryObjectAndTheFirstPagesResourceVersion() async throws {
        let client = server.client()
        for index in 1...5 { _ = try await client.create(ConfigMap.named("cm-\(index)")) }
        await server.resetRequestLog()

        let all = try await client.listAll(ConfigMap.self, namespace: "default", options: .init(limit: 2))
        #expect(all.items.count == 5)
        #expect(all.metadata.resourceVersion == (await server.currentResourceVersion))
        #expect(await server.requests.count == 3)
    }

    @Test func anInvalidContinueTokenIsABadRequest() async throws {
        let error = try await #require(throws: KubernetesClientError.self) {
            try await server.client().list(ConfigMap.self, namespace: "default", options: .init(limit: 1, continue: "not a token"))
        }
        #expect(error.code == 400)
    }
}
