import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// Injected failures, and the request log tests use to count writes.
@Suite struct FaultInjectionTests {
    let server = FakeAPIServer()
    var client: KubernetesClient { server.client() }

    func getDefaultNamespace() async throws(KubernetesClientError) {
        _ = try await client.get(Namespace.self, name: "default")
    }

    @Test func failNextFailsExactlyThatManyRequestsThenRecovers() async throws {
        await server.failNext(2, withCode: 500)

        for _ in 1...2 {
            let error = try await #require(throws: KubernetesClientError.self) { try await getDefaultNamespace() }
            #expect(error.code == 500)
            #expect(error.status?.reason == "InternalError")
            #expect(error.isRetryable)
        }
        try await getDefaultNamespace()
    }

    @Test func aPathFilterFailsOnlyMatchingRequests() async throws {
        _ = try await client.create(ConfigMap.named("a"))
        await server.failNext(1, withCode: 503, pathContains: "/configmaps")

        try await getDefaultNamespace()
        let error = try await #require(throws: KubernetesClientError.self) {
            try await client.get(ConfigMap.self, name: "a", namespace: "default")
        }
        #expect(error.code == 503)
        _ = try await client.get(ConfigMap.self, name: "a", namespace: "default")
    }

    @Test func aMethodFilterFailsOnlyThatMethod() async throws {
        await server.failNext(1, withCode: 409, method: .POST)
        try await getDefaultNamespace()
        let error = try await #require(throws: KubernetesClientError.self) { try await client.create(ConfigMap.named("a")) }
        #expect(error.isConflict)
        #expect(try await client.getIfPresent(ConfigMap.self, name: "a", namespace: "default") == nil)
        _ = try await client.create(ConfigMap.named("a"))
    }

    @Test func anInjected429CarriesRetryAfter() async throws {
        await server.failNext(1, withCode: 429)
        let error = try await #require(throws: KubernetesClientError.self) { try await getDefaultNamespace() }
        #expect(error.status?.details?.retryAfterSeconds == 1)
    }

    @Test func aFailureRateOfOneFailsEveryRequestUntilReset() async throws {
        await server.setFailureRate(1, codes: [503])
        for _ in 1...3 {
            let error = try await #require(throws: KubernetesClientError.self) { try await getDefaultNamespace() }
            #expect(error.code == 503)
        }
        await server.setFailureRate(0)
        try await getDefaultNamespace()
    }

    @Test func aSeededFailureRateFailsTheSameRequestsEveryRun() async throws {
        func pattern() async -> [Int] {
            let server = FakeAPIServer()
            await server.setFailureRate(0.5, seed: 42)
            var codes: [Int] = []
            for _ in 1...20 { codes.append(await server.handle(.get(Namespace.self, name: "default")).statusCode) }
            return codes
        }
        let first = await pattern()
        #expect(first == (await pattern()))
        #expect(first.contains(500) && first.contains(200))
    }

    @Test func writeCountCountsOnlyWrites() async throws {
        _ = try await client.create(ConfigMap.named("before"))
        await server.resetRequestLog()

        _ = try await client.get(ConfigMap.self, name: "before", namespace: "default")
        _ = try await client.list(ConfigMap.self, namespace: "default")
        _ = try await client.create(ConfigMap.named("a"))
        _ = try await client.patch(ConfigMap.self, name: "a", namespace: "default", patch: ["data": ["k": "v"]])
        _ = try await client.apply(ConfigMap.named("b"), fieldManager: "test")
        try await client.delete(ConfigMap.self, name: "a", namespace: "default")

        #expect(await server.writeCount == 4)
        #expect(await server.requests.map(\.method) == [.GET, .GET, .POST, .PATCH, .PATCH, .DELETE])
        #expect(await server.requests.last?.path == "/api/v1/namespaces/default/configmaps/a")
    }
}
