import CRDs
import KubernetesCore

/// How a component's replica count is decided.
public enum ReplicaOwner: Sendable, Equatable {
    /// The operator applies `replicas` (the spec's, or `minReplicas` while KEDA is missing).
    case fixed(Int)
    /// A HorizontalPodAutoscaler owns `spec.replicas`.
    case horizontalPodAutoscaler(min: Int, max: Int)
    /// A KEDA ScaledObject (through the HPA KEDA makes) owns `spec.replicas`.
    case keda(min: Int, max: Int)
}

extension BuildContext {
    /// Who decides a running component's replicas.
    ///
    /// Backend and UI with `autoscaling` get an HPA; vLLM and the consumer with `autoscaling` get a
    /// ScaledObject when KEDA is installed (``kedaInstalled``), else `minReplicas` fixed replicas.
    public func replicaOwner(_ component: PipelineComponent) -> ReplicaOwner {
        let spec = self.spec
        switch component {
        case .backend:
            if let scaling = spec.backend?.autoscaling { return .horizontalPodAutoscaler(min: scaling.minReplicas ?? RAGPipelineDefaults.autoscalingMinReplicas, max: scaling.maxReplicas) }
            return .fixed(spec.backend?.replicas ?? RAGPipelineDefaults.backendReplicas)
        case .ui:
            if let scaling = spec.ui?.autoscaling { return .horizontalPodAutoscaler(min: scaling.minReplicas ?? RAGPipelineDefaults.autoscalingMinReplicas, max: scaling.maxReplicas) }
            return .fixed(spec.ui?.replicas ?? RAGPipelineDefaults.replicas)
        case .consumer:
            if let scaling = spec.consumer?.autoscaling { return keda(min: scaling.minReplicas, max: scaling.maxReplicas) }
            return .fixed(spec.consumer?.replicas ?? RAGPipelineDefaults.replicas)
        case .vllm:
            if let scaling = spec.llm.vllm?.autoscaling { return keda(min: scaling.minReplicas, max: scaling.maxReplicas) }
            return .fixed(spec.llm.vllm?.replicas ?? RAGPipelineDefaults.replicas)
        case .producer:
            return .fixed(1)
        }
    }

    private func keda(min: Int?, max: Int) -> ReplicaOwner {
        let min = min ?? RAGPipelineDefaults.autoscalingMinReplicas
        return kedaInstalled ? .keda(min: min, max: max) : .fixed(min)
    }

    /// The `spec.replicas` the operator applies to a component's Deployment: `nil` when an autoscaler
    /// owns the field, so server-side apply leaves it to the autoscaler's field manager.
    ///
    /// A Deployment created without `replicas` starts at the API server's default of 1, and the
    /// autoscaler raises it to `minReplicas` on its first sync (15 s for an HPA, KEDA's polling
    /// interval for a ScaledObject). Applying `minReplicas` on creation instead would make the
    /// operator an owner of the field, and its next apply (without it) would remove the value.
    public func appliedReplicas(_ component: PipelineComponent) -> Int? {
        if case .fixed(let replicas) = replicaOwner(component) { return replicas }
        return nil
    }

    /// The most replicas a component may run: the autoscaler's maximum, else its fixed count. A
    /// PodDisruptionBudget is made when this exceeds 1 (its `maxUnavailable: 1` never blocks a
    /// drain of a single Pod, and keeps all but one up once the autoscaler has scaled out).
    public func mostReplicas(_ component: PipelineComponent) -> Int {
        switch replicaOwner(component) {
        case .fixed(let replicas): replicas
        case .horizontalPodAutoscaler(_, let max), .keda(_, let max): max
        }
    }

    /// Whether any KEDA autoscaler is asked for (vLLM or a running consumer), installed or not.
    public var wantsKEDA: Bool {
        spec.llm.vllm?.autoscaling != nil || (spec.consumer?.autoscaling != nil && spec.source?.kinesis != nil)
    }
}
