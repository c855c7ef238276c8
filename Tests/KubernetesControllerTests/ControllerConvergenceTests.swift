import Foundation
import KubernetesClient
import KubernetesController
import KubernetesCore
import KubernetesTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// Marks each ConfigMap with the annotation `reconciled = data.want`.
final class WriteCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

struct MarkingReconciler: Reconciler {
    let client: KubernetesClient
    let writes = WriteCounter()

    func reconcile(_ object: ConfigMap, context: ReconcileContext) async throws -> ReconcileAction {
        let want = object.data?["want"] ?? ""
        guard object.metadata.annotations?["reconciled"] != want else { return .done }
        writes.increment()
        _ = try await client.patch(ConfigMap.self, name: context.key.name, namespace: context.key.namespace, patch: ["metadata": ["annotations": ["reconciled": .string(want)]]])
        return .done
    }
}

@Suite(.serialized) struct ControllerConvergenceTests {
    static let objects = 200

    func converged(_ server: FakeAPIServer) async -> Int {
        await server.storedObjects(ConfigMap.resource, namespace: "test").filter { object in
            object[path: ["metadata", "annotations", "reconciled"]] == object[path: ["data", "want"]]
        }.count
    }

    /// Retries a setup write through injected faults.
    func write(_ body: @Sendable () async throws -> Void) async throws {
        for attempt in 1...50 {
            do { return try await body() } catch where attempt < 50 { try await Task.sleep(for: .milliseconds(10)) }
        }
    }

    @Test func twoHundredObjectsConvergeThroughInjectedFaultsWithoutAHotLoop() async throws {
        let server = FakeAPIServer()
        let setup = server.client()
        _ = try await setup.create(Namespace(metadata: ObjectMeta(name: "test")))
        for index in 0..<Self.objects {
            _ = try await setup.create(ConfigMap(metadata: ObjectMeta(name: "cm-\(index)", namespace: "test"), data: ["want": "v1"]))
        }
        try await server.withHTTPServer { url in
            let client = try KubernetesClient(configuration: ClientConfiguration(server: url))
            let reconciler = MarkingReconciler(client: client)
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let controller = Controller(name: "marker", client: client, reconciler: reconciler, namespace: "test", concurrency: 4, logger: logger,
                                        backoff: ExponentialBackoff(base: .milliseconds(5), cap: .milliseconds(500)))
            // 20% of requests fail with 500 or 429 from the start, and watches are cut every second.
            await server.setFailureRate(0.2, codes: [500, 429], seed: 7)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await controller.run() }
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(1))
                        await server.closeAllWatches()
                    }
                }
                let deadline = ContinuousClock.now + .seconds(60)
                while await converged(server) < Self.objects, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
                #expect(await converged(server) == Self.objects, "every object reconciled after the first round")

                // Change a quarter of them; each must be reconciled after its last change.
                for index in stride(from: 0, to: Self.objects, by: 4) {
                    try await write { _ = try await setup.patch(ConfigMap.self, name: "cm-\(index)", namespace: "test", patch: ["data": ["want": "v2"]]) }
                }
                while await converged(server) < Self.objects, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
                #expect(await converged(server) == Self.objects, "every changed object reconciled after its last change")
                group.cancelAll()
            }
            // 250 changes; each costs the reconcile that writes plus the one its own write triggers,
            // and faults add retries. A hot loop would run into the thousands.
            let changes = Self.objects + Self.objects / 4
            let reconciles = controller.reconcileCount
            #expect(reconciles <= 4 * changes, "\(reconciles) reconciles for \(changes) changes")
            #expect(reconciler.writes.value >= changes)
            print("convergence: \(changes) changes, \(reconciles) reconciles, \(reconciler.writes.value) writes through 20% faults")
            try await client.shutdown()
        }
    }
}

@Suite(.serialized) struct LeaderElectionTests {
    func elector(_ identity: String, _ server: FakeAPIServer) -> LeaderElector {
        Self.elector(identity, client: server.client(), renewDeadline: .milliseconds(1500), retryPeriod: .milliseconds(200))
    }

    /// A quiet elector on a 2 s lease.
    static func elector(_ identity: String, client: KubernetesClient, renewDeadline: Duration, retryPeriod: Duration) -> LeaderElector {
        var configuration = LeaderElector.Configuration(leaseName: "rag-operator", namespace: "default", identity: identity)
        configuration.leaseDuration = .seconds(2)
        configuration.renewDeadline = renewDeadline
        configuration.retryPeriod = retryPeriod
        var logger = Logger(label: identity)
        logger.logLevel = .critical
        return LeaderElector(configuration: configuration, client: client, logger: logger)
    }

    @Test func exactlyOneOfTwoInstancesLeadsAndAKilledLeaderIsReplacedWithinTheLeaseDuration() async throws {
        let server = FakeAPIServer()
        let a = elector("a", server)
        let b = elector("b", server)
        let runA = Task { try await a.run() }
        let runB = Task { try await b.run() }
        let deadline = ContinuousClock.now + .seconds(5)
        while !a.gate.isLeading && !b.gate.isLeading && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(600))
        #expect(a.gate.isLeading != b.gate.isLeading, "exactly one leads")
        let (leader, follower, leaderTask, followerTask) = a.gate.isLeading ? (a, b, runA, runB) : (b, a, runB, runA)

        leaderTask.cancel()  // killed: no release
        _ = await leaderTask.result
        let killed = ContinuousClock.now
        while !follower.gate.isLeading && ContinuousClock.now < killed + .seconds(6) { try await Task.sleep(for: .milliseconds(50)) }
        let handover = killed.duration(to: .now)
        #expect(follower.gate.isLeading)
        #expect(handover <= .milliseconds(2600), "hand-over took \(handover); lease duration is 2 s, retry period 0.2 s")
        let lease = try await server.client().get(Lease.self, name: "rag-operator", namespace: "default")
        #expect(lease.spec?.holderIdentity == follower.configuration.identity)
        #expect(lease.spec?.leaseTransitions == 1)
        _ = leader
        followerTask.cancel()
        _ = await followerTask.result
    }

    @Test func aGracefullyStoppedLeaderReleasesTheLeaseAtOnce() async throws {
        let server = FakeAPIServer()
        let a = elector("a", server)
        var logger = Logger(label: "group")
        logger.logLevel = .critical
        let group = ServiceGroup(configuration: .init(services: [.init(service: a)], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + .seconds(5)
            while !a.gate.isLeading && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(a.gate.isLeading)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let lease = try await server.client().get(Lease.self, name: "rag-operator", namespace: "default")
        #expect(lease.spec?.holderIdentity == nil, "released on graceful shutdown")
        // A second instance takes it on its first try, without waiting for expiry.
        let b = elector("b", server)
        let runB = Task { try await b.run() }
        let started = ContinuousClock.now
        while !b.gate.isLeading && ContinuousClock.now < started + .seconds(3) { try await Task.sleep(for: .milliseconds(20)) }
        #expect(b.gate.isLeading)
        #expect(started.duration(to: .now) < .seconds(1))
        runB.cancel()
        _ = await runB.result
    }
}
