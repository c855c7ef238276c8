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
        let name = object.metadata.name ?? ""
        if object.metadata.deletionTimestamp != nil {
            guard let index = finalizers.firstIndex(of: self.name) else { return .done }
            let action = try await handler(.cleanup(object))
            let patch = JSONPatch([
                .test("/metadata/finalizers/\(index)", .string(self.name)),
                .remove("/metadata/finalizers/\(index)"),
            ])
            try await removeFinalizer(R.self, name: name, namespace: object.metadata.namespace, patch: patch)
            return action
        }
        guard finalizers.contains(self.name) else {
            let patch: JSONPatch = finalizers.isEmpty
                ? JSONPatch([.test("/metadata/finalizers", .null), .add("/metadata/finalizers", [.string(self.name)])])
                : JSONPatch([.test("/metadata/finalizers", .array(finalizers.map(JSONValue.string))), .add("/metadata/finalizers/-", .string(self.name))])
            _ = try await client.patch(R.self, name: name, namespace: object.metadata.namespace, jsonPatch: patch)
            // The change comes back through the watch and triggers the next reconcile.
            return .done
        }
        return try await handler(.apply(object))
    }

    /// Removes the finalizer; an object already gone counts as done.
    private func removeFinalizer<R: KubernetesResource>(_ type: R.Type, name: String, namespace: String?, patch: JSONPatch) async throws(KubernetesClientError) {
        do {
            _ = try await client.patch(type, name: name, namespace: namespace, jsonPatch: patch)
        } catch {
            if !error.isNotFound { throw error }
        }
    }
}
