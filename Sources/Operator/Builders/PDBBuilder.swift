import CRDs
import KubernetesCore

/// PodDisruptionBudgets for components that may run more than one replica: at most one Pod down at a
/// time during node drains and upgrades. With one replica a PDB would protect nothing, so none is made.
///
/// An autoscaled component counts its `maxReplicas` (``BuildContext/mostReplicas(_:)``): while the
/// autoscaler holds it at one Pod, `maxUnavailable: 1` still lets that Pod be evicted, and once it has
/// scaled out, a drain keeps all but one up.
public enum PDBBuilder {
    /// `<pipeline>-<component>` with `maxUnavailable: 1`, or `nil` when `replicas` (the most the component may run) `<= 1`.
    public static func podDisruptionBudget(_ context: BuildContext, for component: PipelineComponent, replicas: Int) -> PodDisruptionBudget? {
        guard replicas > 1 else { return nil }
        return PodDisruptionBudget(
            metadata: context.metadata(context.childName(component), component: component),
            spec: .init(selector: LabelSelector(matchLabels: context.selectorLabels(component)), maxUnavailable: 1))
    }
}
