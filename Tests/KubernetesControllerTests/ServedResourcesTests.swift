import Foundation
import KubernetesClient
import KubernetesController
import KubernetesCore
import KubernetesTesting
import Logging
import Synchronization
import Testing

/// Discovery of optional kinds (a CRD installed or not), cached, and watches of a kind that is not
/// served (yet).
@Suite struct ServedResourcesTests {
    static let gadgets = ResourceDescriptor(apiVersion: "example.com/v1", kind: "Gadget", plural: "gadgets", namespaced: true)

    static var definition: CustomResourceDefinition {
        CustomResourceDefinition(
            metadata: ObjectMeta(name: "gadgets.example.com"),
            spec: .init(group: "example.com", names: .init(plural: "gadgets", kind: "Gadget"), scope: "Namespaced",
                        versions: [.init(name: "v1", schema: .init(openAPIV3Schema: ["type": "object", "x-kubernetes-preserve-unknown-fields": true]))]))
    }

    @Test func servedAnswersLastLongerThanAbsentOnes() {
        let start = Date(timeIntervalSince1970: 0), policy = ServedResources.Policy()
        #expect(ServedResources.Answer(served: true, at: start).isFresh(at: start + 299, policy: policy))
        #expect(!ServedResources.Answer(served: true, at: start).isFresh(at: start + 300, policy: policy))
        #expect(ServedResources.Answer(served: false, at: start).isFresh(at: start + 29, policy: policy))
        #expect(!ServedResources.Answer(served: false, at: start).isFresh(at: start + 30, policy: policy))
    }

    @Test func aCRDInstalledLaterIsSeenOnceTheAbsentAnswerIsStale() async throws {
        let server = FakeAPIServer()
        let clock = Mutex(Date(timeIntervalSince1970: 1000))
        let served = ServedResources(client: server.client(), now: { clock.withLock { $0 } })
        #expect(try await served.isServed(Self.gadgets) == false)
        _ = try await server.client().create(Self.definition)
        await server.resetRequestLog()
        #expect(try await served.isServed(Self.gadgets) == false, "a fresh answer is reused")
        #expect(await server.requests.isEmpty, "without asking the server")
        clock.withLock { $0 += 31 }
        #expect(try await served.isServed(Self.gadgets) == true)
        #expect(served.lastAnswer(for: Self.gadgets)?.served == true)
    }

    @Test func aFailedDiscoveryReusesTheLastAnswerAndThrowsWithoutOne() async throws {
        let server = FakeAPIServer()
        _ = try await server.client().create(Self.definition)
        let clock = Mutex(Date(timeIntervalSince1970: 1000))
        let served = ServedResources(client: server.client(), now: { clock.withLock { $0 } })
        let other = ServedResources(client: server.client(), now: { clock.withLock { $0 } })
        #expect(try await served.isServed(Self.gadgets) == true)
        await server.failNext(3, withCode: 503, pathContains: "/apis/example.com")
        clock.withLock { $0 += 600 }
        #expect(try await served.isServed(Self.gadgets) == true, "a stale answer beats guessing")
        await #expect(throws: KubernetesClientError.self) { try await other.isServed(Self.gadgets) }
    }

    /// An optional watch of an unserved kind is synced (empty), so readiness does not wait for a CRD
    /// that may never come; once the CRD exists the watch lists and caches its objects.
    @Test func anOptionalWatchOfAnUnservedKindIsSyncedAndPicksTheKindUpLater() async throws {
        let server = FakeAPIServer()
        let (store, writer) = Store<DynamicObject>.make()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var reflector = Reflector(resource: Self.gadgets, client: server.client(), namespace: "default", writer: writer, logger: logger)
        reflector.absentIsEmpty = true
        let running = reflector
        let task = Task { await running.run() }
        defer { task.cancel() }
        try await waitUntil("synced while not served") { store.hasSynced }
        #expect(store.count == 0)
        _ = try await server.client().create(Self.definition)
        let gadget: JSONValue = ["apiVersion": "example.com/v1", "kind": "Gadget", "metadata": ["name": "g1", "namespace": "default"]]
        _ = try await server.client().apply(Self.gadgets, body: gadget, namespace: "default", fieldManager: "test")
        try await waitUntil("the gadget is cached", timeout: .seconds(10)) { store.count == 1 }
    }

    func waitUntil(_ what: String, timeout: Duration = .seconds(5), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting until \(what)")
    }
}
