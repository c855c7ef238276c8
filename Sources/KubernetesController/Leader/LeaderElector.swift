import Foundation
import KubernetesClient
import KubernetesCore
import Logging
import Metrics
import ServiceLifecycle

/// Leader election on a `coordination.k8s.io/v1` Lease. A `Service`: run it before the controllers.
///
/// - Defaults: lease duration 15 s, renew deadline 10 s, retry period 2 s (controller-runtime's).
/// - Guarantees: controllers gated on ``gate`` start only after this instance acquired the lease.
///   While leading, every round must succeed within the renew deadline of the last successful renew:
///   each API call is bounded (a quarter of the renew deadline) and the round races a timer set to the
///   deadline, so a hung request cannot stretch it. At the deadline the gate closes (controllers stop
///   taking work) and ``run()`` throws ``LeaderElectionError/leadershipLost``, which ends the service
///   group (and the process). The renew deadline is shorter than the lease duration, and other
///   instances judge expiry from when *they* saw the lease last change, so a former leader has stopped
///   before anyone else can acquire.
/// - On graceful shutdown the lease is released (holder cleared), so another instance takes over at once.
public final class LeaderElector: ServiceLifecycle.Service {
    public struct Configuration: Sendable {
        public var leaseName: String
        public var namespace: String
        public var identity: String
        /// Whole seconds: the Lease records `leaseDurationSeconds`.
        public var leaseDuration: Duration = .seconds(15)
        public var renewDeadline: Duration = .seconds(10)
        public var retryPeriod: Duration = .seconds(2)

        public init(leaseName: String, namespace: String, identity: String) {
            self.leaseName = leaseName
            self.namespace = namespace
            self.identity = identity
        }
    }

    public let configuration: Configuration
    public let gate = LeadershipGate()
    let client: KubernetesClient
    let logger: Logger
    let now: @Sendable () -> Date

    public init(configuration: Configuration, client: KubernetesClient, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        // Each call well inside the renew deadline, so a slow answer is an error the next round can retry.
        self.client = client.timingOut(after: configuration.renewDeadline / 4)
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        let status = Gauge(label: "leader_election_master_status", dimensions: [("name", configuration.leaseName)])
        var machine = LeaderElectionStateMachine(identity: configuration.identity, leaseDuration: configuration.leaseDuration.timeInterval)
        var renewDeadline: ContinuousClock.Instant?
        defer {
            gate.end()
            status.record(0)
        }
        guard configuration.renewDeadline + configuration.renewDeadline / 4 < configuration.leaseDuration,
              configuration.retryPeriod < configuration.renewDeadline else {
            throw LeaderElectionError.invalidConfiguration(
                "renew deadline \(configuration.renewDeadline) (plus a quarter for the last request) must be below the lease duration \(configuration.leaseDuration), and the retry period \(configuration.retryPeriod) below the renew deadline")
        }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                if gate.isLeading, let renewDeadline, ContinuousClock.now >= renewDeadline {
                    throw LeaderElectionError.leadershipLost(identity: configuration.identity)
                }
                let leading = try await round(&machine, deadline: gate.isLeading ? renewDeadline : nil)
                if leading {
                    if !gate.isLeading { logger.info("acquired lease \(configuration.namespace)/\(configuration.leaseName) as \(configuration.identity)") }
                    renewDeadline = .now + configuration.renewDeadline
                    gate.set(leading: true)
                    status.record(1)
                } else if gate.isLeading {
                    throw LeaderElectionError.leadershipLost(identity: configuration.identity)
                }
            } catch let error as LeaderElectionError {
                logger.error("lost lease \(configuration.namespace)/\(configuration.leaseName): stopping")
                throw error
            } catch {
                logger.warning("lease update failed: \(error)")
                if gate.isLeading, let renewDeadline, ContinuousClock.now >= renewDeadline {
                    throw LeaderElectionError.leadershipLost(identity: configuration.identity)
                }
            }
            // While leading, never sleep past the renew deadline: the gate must close on time.
            var wake = ContinuousClock.now + configuration.retryPeriod
            if gate.isLeading, let renewDeadline { wake = min(wake, renewDeadline) }
            do { try await Task.sleep(until: wake) } catch { break }
            if Task.isShuttingDownGracefully { break }
        }
        // Release only on graceful shutdown: a cancelled (killed) instance leaves the lease to expire.
        if gate.isLeading && Task.isShuttingDownGracefully { await release() }
    }

    /// One ``attempt(_:)``; while leading it races the renew deadline and loses leadership if the
    /// deadline comes first, however long the request would have hung.
    func round(_ machine: inout LeaderElectionStateMachine, deadline: ContinuousClock.Instant?) async throws -> Bool {
        guard let deadline else { return try await attempt(&machine) }
        let start = machine
        let outcome = try await withThrowingTaskGroup(of: (Bool, LeaderElectionStateMachine)?.self) { group in
            group.addTask {
                var copy = start
                let leading = try await self.attempt(&copy)
                return (leading, copy)
            }
            group.addTask {
                try await Task.sleep(until: deadline)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let (leading, updated) = outcome else { throw LeaderElectionError.leadershipLost(identity: configuration.identity) }
        machine = updated
        return leading
    }

    /// One round: read the lease and acquire or renew it when allowed. Returns whether this instance leads.
    func attempt(_ machine: inout LeaderElectionStateMachine) async throws -> Bool {
        let current = try await client.getIfPresent(Lease.self, name: configuration.leaseName, namespace: configuration.namespace)
        let time = now()
        let decision = machine.decide(current?.spec, now: time)
        if case .follow = decision { return false }
        let spec = machine.spec(for: decision, current: current?.spec, now: time)
        if var lease = current {
            lease.spec = spec
            _ = try await client.replace(lease)  // 409 if someone else wrote first: retried next round
        } else {
            _ = try await client.create(Lease(metadata: ObjectMeta(name: configuration.leaseName, namespace: configuration.namespace), spec: spec))
        }
        return true
    }

    /// Gives the lease up so that another instance can take it without waiting for expiry.
    func release() async {
        do {
            guard var lease = try await client.getIfPresent(Lease.self, name: configuration.leaseName, namespace: configuration.namespace),
                lease.spec?.holderIdentity == configuration.identity
            else { return }
            lease.spec?.holderIdentity = nil
            lease.spec?.leaseDurationSeconds = 1
            lease.spec?.renewTime = Timestamp(now(), microseconds: true)
            _ = try await client.replace(lease)
            logger.info("released lease \(configuration.namespace)/\(configuration.leaseName)")
        } catch {
            logger.warning("could not release lease \(configuration.leaseName): \(error)")
        }
    }

}

/// Why leader election ended the process.
public enum LeaderElectionError: Error, Sendable, Equatable {
    /// The lease could not be renewed within the renew deadline, or someone else took it.
    case leadershipLost(identity: String)
    /// The durations cannot keep one leader: the renew deadline must end before the lease can expire.
    case invalidConfiguration(String)
}
