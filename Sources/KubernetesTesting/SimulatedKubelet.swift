import Foundation
import KubernetesClient
import KubernetesCore
import Logging
import Synchronization

/// Plays the cluster's own controllers for a fake API server: Deployments become available a moment
/// after they appear or change, and Ingresses get a load-balancer hostname, as the AWS Load Balancer
/// Controller would give them. For `rag-operator-dev dev`, end-to-end tests and the scale benchmark;
/// there are no Pods.
///
/// It lists once and then watches (resuming from the last version it saw, relisting on 410 Gone), so
/// its cost follows the changes, not the number of objects: the operator scale benchmark runs it over
/// tens of thousands of Deployments.
public struct SimulatedKubelet: Sendable {
    public let client: KubernetesClient
    /// How long a Deployment takes to become available.
    public var delay: Duration
    /// How often due status updates are written.
    public var interval: Duration

    public init(client: KubernetesClient, delay: Duration = .milliseconds(500), interval: Duration = .milliseconds(250)) {
        self.client = client
        self.delay = delay
        self.interval = interval
    }

    /// A status update the kubelet owes an object.
    struct Due: Sendable {
        var namespace: String?
        var name: String
        /// `nil` for an Ingress, which gets a hostname.
        var generation: Int64?
        var replicas: Int
        var since: ContinuousClock.Instant
    }

    /// The status updates owed, shared by the watches and the writer.
    final class Ledger: Sendable {
        private let entries = Mutex<[String: Due]>([:])
        func withLock<T>(_ body: (inout [String: Due]) -> T) -> T { entries.withLock { body(&$0) } }
    }

    /// Runs until cancelled.
    public func run() async {
        let pending = Ledger()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.follow(Deployment.self) { deployment in Self.track(deployment, in: pending) } }
            group.addTask { await self.follow(Ingress.self) { ingress in Self.track(ingress, in: pending) } }
            group.addTask { await self.writeDue(pending) }
            await group.waitForAll()
        }
    }

    /// Lists `type`, then watches it, calling `observe` with every object seen, until cancelled.
    func follow<R: KubernetesResource>(_ type: R.Type, observe: @Sendable (R) -> Void) async {
        var version: String?
        while !Task.isCancelled {
            do {
                if version == nil {
                    let list = try await client.listAll(type, options: ListOptions(limit: 500))
                    list.items.forEach(observe)
                    version = list.metadata.resourceVersion
                }
                let stream = try await client.watch(type, options: ListOptions(resourceVersion: version, allowWatchBookmarks: true, timeoutSeconds: 60))
                for try await event in stream {
                    switch event {
                    case .added(let object), .modified(let object):
                        observe(object)
                        version = object.metadata.resourceVersion ?? version
                    case .deleted(let object):
                        version = object.metadata.resourceVersion ?? version
                    case .bookmark(let resourceVersion):
                        version = resourceVersion
                    case .error:
                        version = nil   // 410 Gone and the like: start over from a list
                    }
                }
            } catch {
                // The fake may inject faults or close watches; start over after a pause.
                version = nil
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    static func track(_ deployment: Deployment, in pending: Ledger) {
        let generation = deployment.metadata.generation ?? 1
        let replicas = deployment.spec?.replicas ?? 1
        let key = "deployment/\(deployment.objectKey)"
        let settled = deployment.status?.observedGeneration == generation && deployment.status?.availableReplicas == replicas
        pending.withLock { pending in
            if settled {
                pending[key] = nil
            } else if pending[key]?.generation != generation || pending[key]?.replicas != replicas {
                pending[key] = Due(namespace: deployment.metadata.namespace, name: deployment.metadata.name ?? "", generation: generation, replicas: replicas, since: .now)
            }
        }
    }

    static func track(_ ingress: Ingress, in pending: Ledger) {
        let key = "ingress/\(ingress.objectKey)"
        let hasAddress = !(ingress.status?.loadBalancer?.ingress?.isEmpty ?? true)
        pending.withLock { pending in
            if hasAddress {
                pending[key] = nil
            } else if pending[key] == nil {
                pending[key] = Due(namespace: ingress.metadata.namespace, name: ingress.metadata.name ?? "ingress", generation: nil, replicas: 0, since: .now)
            }
        }
    }

    /// Every `interval`, writes the status of each object whose delay has passed.
    func writeDue(_ pending: Ledger) async {
        while !Task.isCancelled {
            let now = ContinuousClock.now
            let due = pending.withLock { pending in
                pending.filter { $0.value.generation == nil || $0.value.since.duration(to: now) >= delay }
            }
            for (key, entry) in due.sorted(by: { $0.value.since < $1.value.since }) {
                do {
                    try await write(entry)
                    pending.withLock { pending in
                        if pending[key]?.generation == entry.generation { pending[key] = nil }
                    }
                } catch {
                    if error.isNotFound { pending.withLock { $0[key] = nil } }
                    // Anything else (an injected fault): the next round retries.
                }
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    func write(_ entry: Due) async throws(KubernetesClientError) {
        guard let generation = entry.generation else {
            let hostname = "k8s-\(entry.namespace ?? "default")-\(entry.name)-0123456789.us-east-1.elb.amazonaws.com"
            _ = try await client.patch(Ingress.self, name: entry.name, namespace: entry.namespace, patch: ["status": ["loadBalancer": ["ingress": [["hostname": .string(hostname)]]]]], subresource: "status")
            return
        }
        let replicas = Int64(entry.replicas)
        let status: JSONValue = [
            "observedGeneration": .integer(generation), "replicas": .integer(replicas), "updatedReplicas": .integer(replicas),
            "readyReplicas": .integer(replicas), "availableReplicas": .integer(replicas),
            "conditions": [["type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "simulated"]],
        ]
        _ = try await client.patch(Deployment.self, name: entry.name, namespace: entry.namespace, patch: ["status": status], subresource: "status")
    }
}
