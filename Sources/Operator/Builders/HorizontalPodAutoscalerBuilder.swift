import CRDs
import KubernetesCore

/// CPU HorizontalPodAutoscalers (`autoscaling/v2`) for the backend and the UI.
public enum HorizontalPodAutoscalerBuilder {
    /// `<pipeline>-<component>`, scaling the Deployment of the same name between `minReplicas` and
    /// `maxReplicas` on average CPU utilization; `nil` without `autoscaling` or for a component that
    /// does not run. The Deployment then carries no `replicas` (``BuildContext/appliedReplicas(_:)``).
    public static func autoscaler(_ context: BuildContext, for component: PipelineComponent) -> HorizontalPodAutoscaler? {
        guard DesiredState.runs(component, context), case .horizontalPodAutoscaler(let min, let max) = context.replicaOwner(component) else { return nil }
        let target: Int
        switch component {
        case .backend: target = context.spec.backend?.autoscaling?.targetCPUUtilizationPercentage ?? RAGPipelineDefaults.targetCPUUtilizationPercentage
        case .ui: target = context.spec.ui?.autoscaling?.targetCPUUtilizationPercentage ?? RAGPipelineDefaults.targetCPUUtilizationPercentage
        default: return nil
        }
        let name = context.childName(component)
        return HorizontalPodAutoscaler(
            metadata: context.metadata(name, component: component),
            spec: .init(
                scaleTargetRef: CrossVersionObjectReference(apiVersion: Deployment.apiVersion, kind: Deployment.kind, name: name),
                minReplicas: min, maxReplicas: max, metrics: [.cpuUtilization(target)]))
    }
}
