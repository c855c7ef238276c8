import CRDs
import KubernetesClient
import KubernetesCore

extension RAGPipelineReconciler {
    /// The field manager that holds a Deployment's `spec.replicas` while it passes from the operator
    /// to an autoscaler (``handOverReplicas(_:of:)``).
    static let replicaHandoverManager = "rag-operator-replica-handover"

    /// Whether the cluster serves KEDA's ScaledObjects and TriggerAuthentications, asked only when the
    /// pipeline wants KEDA autoscaling (discovery, cached by ``ServedResources``).
    ///
    /// - Throws: when discovery fails with no earlier answer: guessing "absent" would reset replicas
    ///   an autoscaler set and prune the ScaledObjects.
    func isKEDAInstalled(for pipeline: RAGPipeline) async throws -> Bool {
        guard BuildContext(pipeline: pipeline, options: configuration.buildOptions).wantsKEDA else { return false }
        let scaledObjects = try await served.isServed(ScaledObject.resource)
        let triggerAuthentications = try await served.isServed(TriggerAuthentication.resource)
        return scaledObjects && triggerAuthentications
    }

    /// Before the operator stops applying a Deployment's `replicas` (an autoscaler takes over), another
    /// field manager of the operator's applies the live value, so the field is co-owned when the
    /// operator's own apply drops it: server-side apply then keeps the value instead of removing it
    /// (which would reset the Deployment to 1 replica until the autoscaler's next sync). The
    /// autoscaler's first write takes the field over. Kubernetes documents this hand-over for HPAs
    /// ("Transferring ownership").
    func handOverReplicas(_ object: DesiredObject, of pipeline: RAGPipeline) async throws(KubernetesClientError) {
        guard object.descriptor == Deployment.resource, let live = live(object),
              let replicas = ChildApplyDecision.replicasToHandOver(live: live, desired: object.body, fieldManager: configuration.fieldManager)
        else { return }
        let body: JSONValue = [
            "apiVersion": .string(Deployment.apiVersion), "kind": .string(Deployment.kind),
            "metadata": ["name": .string(object.name), "namespace": .string(object.namespace)],
            "spec": ["replicas": .integer(replicas)],
        ]
        _ = try await client.apply(Deployment.resource, body: body, namespace: object.namespace, fieldManager: Self.replicaHandoverManager, force: true)
    }
}
