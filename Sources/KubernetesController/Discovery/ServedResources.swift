import Foundation
import KubernetesClient
import KubernetesCore
import Synchronization

/// Whether the API server serves a resource (a CRD's kind, such as KEDA's ScaledObjects), asked through
/// discovery (`GET /apis/<group>/<version>`) and cached, so reconciles do not ask every time.
///
/// ```swift
/// let served = ServedResources(client: client)
/// if try await served.isServed(ScaledObject.resource) { … }
/// ```
///
/// ## Refresh
/// An answer is reused while it is fresh (``Policy``): "served" for 5 minutes, "not served" for 30
/// seconds, so a CRD installed later is seen by the next reconcile that needs it within 30 s, and
/// one that is removed within 5 minutes. A failed discovery request reuses the last answer, however
/// old; with none it throws, because guessing "absent" would prune autoscalers and reset replicas.
public final class ServedResources: Sendable {
    /// How long answers stay fresh.
    public struct Policy: Sendable {
        /// Defaults: 5 minutes. An uninstalled CRD's objects are gone anyway; this only bounds how
        /// long the operator keeps applying them (and failing).
        public var servedFor: Duration = .seconds(300)
        /// Defaults: 30 s, so installing a CRD is picked up quickly at one request per 30 s.
        public var absentFor: Duration = .seconds(30)

        public init() {}
    }

    /// One answer and when it was given.
    public struct Answer: Sendable, Equatable {
        public var served: Bool
        public var at: Date

        public init(served: Bool, at: Date) {
            self.served = served
            self.at = at
        }

        /// Whether the answer can still be used at `now`.
        public func isFresh(at now: Date, policy: Policy) -> Bool {
            let lifetime = served ? policy.servedFor : policy.absentFor
            return now.timeIntervalSince(at) < lifetime.timeInterval
        }
    }

    let client: KubernetesClient
    let policy: Policy
    let now: @Sendable () -> Date
    /// The plurals each group-version served when last asked (`[]` when it was not served), so the
    /// kinds of one group (ScaledObjects and TriggerAuthentications) cost one request.
    let answers = Mutex<[String: (plurals: Set<String>, at: Date)]>([:])

    public init(client: KubernetesClient, policy: Policy = Policy(), now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.policy = policy
        self.now = now
    }

    /// Whether `resource` is served, from a fresh cached answer or by asking discovery.
    ///
    /// - Throws: ``KubernetesClientError`` when discovery fails and there is no earlier answer.
    public func isServed(_ resource: ResourceDescriptor) async throws(KubernetesClientError) -> Bool {
        let time = now()
        if let cached = lastAnswer(for: resource), cached.isFresh(at: time, policy: policy) { return cached.served }
        let plurals: Set<String>
        do {
            plurals = Set(try await client.resources(in: resource.apiVersion)?.resources.map(\.name) ?? [])
        } catch {
            if let cached = lastAnswer(for: resource) { return cached.served }
            throw error
        }
        answers.withLock { $0[resource.apiVersion] = (plurals, time) }
        return plurals.contains(resource.plural)
    }

    /// The last answer for `resource`, fresh or not.
    public func lastAnswer(for resource: ResourceDescriptor) -> Answer? {
        answers.withLock { $0[resource.apiVersion] }.map { Answer(served: $0.plurals.contains(resource.plural), at: $0.at) }
    }
}
