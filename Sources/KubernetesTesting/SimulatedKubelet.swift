import Foundation
import KubernetesClient
import KubernetesCore
import Logging

/// Plays the cluster's own controllers for a fake API server: Deployments become available a moment
/// after they appear or change, and Ingresses get a load-balancer hostname, as the AWS Load Balancer
/// Controller would give them. For `rag-operator-dev dev` and end-to-end tests; there are no Pods.
public struct SimulatedKubelet: Sendable {
    public let client: KubernetesClient
    /// How long a Deployment takes to become available.
    public var delay: Duration
    public var interval: Duration

    public init(client: KubernetesClient, delay: Duration = .milliseconds(500), interval: Duration = .milliseconds(250)) {
        self.client = client
        self.delay = delay
        self.interval = interval
    }

    /// Runs until cancelled.
    public func run() async {
        var firstSeen: [String: ContinuousClock.Instant] = [:]
        while !Task.isCancelled {
            do {
                try await pass(&firstSeen)
            } catch {
                // The fake may inject faults; the next pass retries.
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    func pass(_ firstSeen: inout [String: ContinuousClock.Instant]) async throws {
        for deployment in try await client.listAll(Deployment.self).items {
            let generation = deployment.metadata.generation ?? 1
            let replicas = deployment.spec?.replicas ?? 1
            let key = "\(deployment.objectKey)@\(generation)"
            if deployment.status?.observedGeneration == generation && deployment.status?.availableReplicas == replicas { continue }
            let seen = firstSeen[key] ?? ContinuousClock.now
            firstSeen[key] = seen
            guard seen.duration(to: .now) >= delay else { continue }
            let status: JSONValue = [
                "observedGeneration": .integer(generation), "replicas": .integer(Int64(replicas)), "updatedReplicas": .integer(Int64(replicas)),
                "readyReplicas": .integer(Int64(replicas)), "availableReplicas": .integer(Int64(replicas)),
                "conditions": [["type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "simulated"]],
            ]
            _ = try await client.patch(Deployment.self, name: deployment.metadata.name ?? "", namespace: deployment.metadata.namespace, patch: ["status": status], subresource: "status")
        }
        for ingress in try await client.listAll(Ingress.self).items where ingress.status?.loadBalancer?.ingress?.isEmpty ?? true {
            let name = ingress.metadata.name ?? "ingress"
            let hostname = "k8s-\(ingress.metadata.namespace ?? "default")-\(name)-0123456789.us-east-1.elb.amazonaws.com"
            _ = try await client.patch(Ingress.self, name: name, namespace: ingress.metadata.namespace, patch: ["status": ["loadBalancer": ["ingress": [["hostname": .string(hostname)]]]]], subresource: "status")
        }
    }
}
