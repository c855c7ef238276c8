import CRDs
import KubernetesCore

/// One ServiceAccount per component, so each gets its own EKS Pod Identity association and nothing more.
public enum ServiceAccountBuilder {
    /// `<pipeline>-<component>`, with token automounting off (the runtime never calls the Kubernetes API;
    /// EKS Pod Identity injects its own token).
    public static func serviceAccount(_ context: BuildContext, for component: PipelineComponent) -> ServiceAccount {
        ServiceAccount(metadata: context.metadata(context.childName(component), component: component), automountServiceAccountToken: false)
    }
}
