import CRDs
import KubernetesCore

/// PodDisruptionBudgets for components with more than one replica: at most one Pod down at a time
/// during node drains and upgrades. With one replica a PDB would block drains, so none is made.
public enum PDBBuilder {
    /// `<pipeline>-<component>` with `maxUnavailable: 1`, or `nil` when `replicas <= 1`.
    public static func podDisruptionBudget(_ context: BuildContext, for component: PipelineComponent, replicas: Int) -> PodDisruptionBudget? {
        guard replicas > 1 else { return nil }
        return PodDisruptionBudget(
            metadata: context.metadata(context.childName(component), component: component),
            spec: .init(selector: LabelSelector(matchLabels: context.selectorLabels(component)), maxUnavailable: 1))
    }
}
