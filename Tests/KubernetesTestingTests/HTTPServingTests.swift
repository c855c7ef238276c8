import Foundation
import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// The same fake served over loopback HTTP to the real AsyncHTTPClient transport.
@Suite(.timeLimit(.minutes(1))) struct HTTPServingTests {
    let server = FakeAPIServer()

    /// Runs `body` with a client over HTTP, shutting the client down whether `body` throws or not.
    func withHTTPClient(_ body: @Sendable @escaping (KubernetesClient) async throws -> Void) async throws {
        try await server.withHTTPServer { url in
            let client = try KubernetesClient(configuration: ClientConfiguration(server: url))
            do {
                try await body(client)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test func aGetOverHTTPReturnsWhatTheServerHolds() async throws {
        _ = try await server.client().create(ConfigMap.named("settings", data: ["mode": "fast"]))
        try await withHTTPClient { client in
            let fetched = try await client.get(ConfigMap.self, name: "settings", namespace: "default")
            #expect(fetched.data == ["mode": "fast"])
            let error = try await #require(throws: KubernetesClientError.self) {
                try await client.get(ConfigMap.self, name: "missing", namespace: "default")
            }
            #expect(error.isNotFound)
        }
    }

    @Test func writesOverHTTPReachTheServer() async throws {
        let server = self.server
        try await withHTTPClient { client in
            _ = try await client.create(ConfigMap.named("a"))
            _ = try await client.apply(ConfigMap.named("a", data: ["k": "v"]), fieldManager: "http-test")
            let stored = try await server.client().get(ConfigMap.self, name: "a", namespace: "default")
            #expect(stored.data == ["k": "v"])
        }
    }

    @Test func aWatchOverHTTPDeliversEventsWhileTheStreamIsOpen() async throws {
        let server = self.server
        try await withHTTPClient { client in
            let start = await server.currentResourceVersion
            let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: start))
            var iterator = watch.makeAsyncIterator()
            let local = server.client()

            var created = try await local.create(ConfigMap.named("live"))
            #expect(try await iterator.next()?.summary == "ADDED live")

            created.data = ["k": "v"]
            _ = try await local.replace(created)
            #expect(try await iterator.next()?.summary == "MODIFIED live")

            await server.closeAllWatches()
            #expect(try await iterator.next() == nil)
        }
    }
}
