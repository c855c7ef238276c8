import CRDs
import Foundation
import KubernetesCore

extension PipelineStatusBuilder {
    /// `AutoscalingReady`'s reason when a KEDA autoscaler is asked for and KEDA is not installed.
    static let kedaNotInstalled = "KEDANotInstalled"

    /// Sets or removes `AutoscalingReady`: absent without autoscaling; False (`KEDANotInstalled`) when
    /// vLLM or consumer autoscaling is asked for and the cluster does not serve KEDA's ScaledObjects;
    /// False (`AutoscalerNotReady`) when an autoscaler's own status says it cannot scale
    /// (``trouble(of:kind:name:)``); otherwise True (`AutoscalersApplied`), naming each autoscaler. Never part of Ready: without
    /// KEDA the components still serve, with `minReplicas` fixed replicas.
    static func setAutoscalingCondition(_ conditions: inout [Condition], _ inputs: Inputs) {
        let context = BuildContext(pipeline: inputs.pipeline, kedaInstalled: inputs.kedaInstalled)
        func set(_ ok: Bool, _ reason: String, _ message: String) {
            conditions.set(Condition(
                type: RAGPipelineConditionType.autoscalingReady, status: ok ? "True" : "False", reason: reason, message: message,
                observedGeneration: inputs.pipeline.metadata.generation, lastTransitionTime: Timestamp(inputs.now)))
        }
        let requested = autoscaledComponents(context)
        guard !requested.isEmpty else {
            conditions.removeAll { $0.type == RAGPipelineConditionType.autoscalingReady }
            return
        }
        let waiting = requested.filter { component in
            guard case .fixed(let replicas) = context.replicaOwner(component) else { return false }
            return replicas > 0
        }
        if !waiting.isEmpty {
            let fields = waiting.map(field).joined(separator: " and ")
            let fixed = waiting.map { "\(context.childName($0)) runs \(context.appliedReplicas($0) ?? 0)" }.joined(separator: ", ")
            set(false, kedaNotInstalled, "\(fields) need\(waiting.count == 1 ? "s" : "") KEDA, and this cluster does not serve keda.sh/v1alpha1 ScaledObjects: install KEDA 2.12 or later (helm install keda kedacore/keda --namespace keda --create-namespace)\(waiting.contains(.consumer) ? " and give the keda-operator ServiceAccount an EKS Pod Identity role with cloudwatch:GetMetricData" : ""). Until then the replicas are fixed at minReplicas: \(fixed).")
            return
        }
        let autoscalers = requested.map { component -> (kind: ResourceDescriptor, name: String) in
            if case .horizontalPodAutoscaler = context.replicaOwner(component) { return (HorizontalPodAutoscaler.resource, context.childName(component)) }
            return (ScaledObject.resource, context.childName(component))
        }
        // What each autoscaler says of itself: an HPA that cannot read its metric, or a ScaledObject
        // whose trigger fails, leaves the replicas where they are, which the pipeline should say.
        let troubles = autoscalers.compactMap { autoscaler -> String? in
            guard let object = inputs.desired.first(where: { $0.descriptor == autoscaler.kind && $0.name == autoscaler.name }),
                  let live = inputs.live(object) else { return nil }
            return trouble(of: live, kind: autoscaler.kind, name: autoscaler.name)
        }
        if !troubles.isEmpty {
            set(false, "AutoscalerNotReady", troubles.joined(separator: "; "))
            return
        }
        set(true, "AutoscalersApplied", "replicas are owned by \(autoscalers.map { "\($0.kind.kind) \($0.name)" }.joined(separator: ", "))")
    }

    /// What keeps an autoscaler from scaling, from its own status conditions, or `nil`:
    /// - a HorizontalPodAutoscaler with `AbleToScale` or `ScalingActive` False (metrics unavailable,
    ///   a missing CPU request);
    /// - a ScaledObject with `Ready` False (a trigger that fails, missing credentials) or on its
    ///   `Fallback` replicas.
    static func trouble(of live: JSONValue, kind: ResourceDescriptor, name: String) -> String? {
        let conditions = live[path: ["status", "conditions"]]?.arrayValue ?? []
        func condition(_ type: String, is status: String) -> JSONValue? {
            conditions.first { $0["type"]?.stringValue == type && $0["status"]?.stringValue == status }
        }
        func describe(_ condition: JSONValue) -> String {
            let reason = condition["reason"]?.stringValue.map { "\($0): " } ?? ""
            return "\(kind.kind) \(name): \(reason)\(condition["message"]?.stringValue ?? "no message")"
        }
        if kind == HorizontalPodAutoscaler.resource {
            return (condition("AbleToScale", is: "False") ?? condition("ScalingActive", is: "False")).map(describe)
        }
        if let notReady = condition("Ready", is: "False") { return describe(notReady) }
        return condition("Fallback", is: "True").map { "\(kind.kind) \(name) runs its fallback replicas: \(describe($0))" }
    }

    /// Running components whose spec asks for autoscaling, in component order.
    static func autoscaledComponents(_ context: BuildContext) -> [PipelineComponent] {
        let spec = context.spec
        return PipelineComponent.allCases.filter { component in
            guard DesiredState.runs(component, context) else { return false }
            switch component {
            case .backend: return spec.backend?.autoscaling != nil
            case .ui: return spec.ui?.autoscaling != nil
            case .consumer: return spec.consumer?.autoscaling != nil
            case .vllm: return spec.llm.vllm?.autoscaling != nil
            case .producer: return false
            }
        }
    }

    /// The spec field of a component's autoscaling.
    static func field(_ component: PipelineComponent) -> String {
        component == .vllm ? "llm.vllm.autoscaling" : "\(component.rawValue).autoscaling"
    }
}
