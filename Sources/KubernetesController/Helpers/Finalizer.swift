import KubernetesClient
import KubernetesCore

/// Runs cleanup before an object goes away (kube-rs `finalizer`).
///
/// - Guarantees: the cleanup runs to success before the finalizer is removed; the add and the
///   removal are JSON patches guarded by a `test` operation, so a concurrent edit of the finalizer
///   list makes the patch fail (and the reconcile retry) instead of overwriting it.
/// - Caveats: cleanup must be idempotent; it may run more than once if removing the finalizer fails.
public struct Finalizer: Sendable {
    public let name: String
    public let client: KubernetesClient

    public init(name: String, client: KubernetesClient) {
        self.name = name
        self.client = client
    }

    /// What the handler is asked to do.
    public enum Event<R: KubernetesResource>: Sendable {
        /// The object lives: reconcile it (the finalizer is in place).
        case apply(R)
        /// The object is being deleted: release what it holds outside the cluster.
        case cleanup(R)
    }

    public func reconcile<R: KubernetesResource>(_ object: R, handler: (Event<R>) async throws -> ReconcileAction) async throws -> ReconcileAction {
        let finalizers = object.metadata.finalizers ?? []
        if object.metadata.deletionTimestamp != nil {
            guard finalizers.contains(self.name) else { return .done }
            let action = try await handler(.cleanup(object))
            try await remove(from: object)
            return action
        }
        guard finalizers.contains(self.name) else {
            try await add(to: object)
            // The change comes back through the watch and triggers the next reconcile.
            return .done
        }
        return try await handler(.apply(object))
    }

    /// Adds the finalizer (a no-op when present), guarded by a `test` of the list as last seen.
    public func add<R: KubernetesResource>(to object: R) async throws(KubernetesClientError) {
        let finalizers = object.metadata.finalizers ?? []
        guard !finalizers.contains(name) else { return }
        let patch: JSONPatch = finalizers.isEmpty
            ? JSONPatch([.test("/metadata/finalizers", .null), .add("/metadata/finalizers", [.string(name)])])
            : JSONPatch([.test("/metadata/finalizers", .array(finalizers.map(JSONValue.string))), .add("/metadata/finalizers/-", .string(name))])
        _ = try await client.patch(R.self, name: object.metadata.name ?? "", namespace: object.metadata.namespace, jsonPatch: patch)
    }

    /// Removes the finalizer (a no-op when absent); an object already gone counts as done.
    public func remove<R: KubernetesResource>(from object: R) async throws(KubernetesClientError) {
        guard let index = (object.metadata.finalizers ?? []).firstIndex(of: name) else { return }
        let patch = JSONPatch([.test("/metadata/finalizers/\(index)", .string(name)), .remove("/metadata/finalizers/\(index)")])
        do {
            _ = try await client.patch(R.self, name: object.metadata.name ?? "", namespace: object.metadata.namespace, jsonPatch: patch)
        } catch {
            if !error.isNotFound { throw error }
        }
    }
}
