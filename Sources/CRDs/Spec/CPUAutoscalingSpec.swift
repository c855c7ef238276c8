/// A HorizontalPodAutoscaler (`autoscaling/v2`) on CPU for the backend or the UI.
///
/// ```yaml
/// backend:
///   autoscaling: {minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70}
/// ```
///
/// The HPA `<pipeline>-<component>` then owns the Deployment's `spec.replicas`: the operator stops
/// applying it, so the two never fight. `replicas` cannot be set beside `autoscaling`.
///
/// Defaults: `minReplicas` 1, `targetCPUUtilizationPercentage` 70 (``RAGPipelineDefaults``).
public struct CPUAutoscalingSpec: Codable, Sendable, Equatable {
    /// The fewest Pods; at least 1. Defaults: 1.
    public var minReplicas: Int?
    /// The most Pods; at least `minReplicas`. Required.
    public var maxReplicas: Int
    /// Average CPU use, as a percentage of the containers' CPU request, the HPA aims for. Defaults: 70.
    public var targetCPUUtilizationPercentage: Int?

    public init(minReplicas: Int? = nil, maxReplicas: Int, targetCPUUtilizationPercentage: Int? = nil) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage
    }

    static func schema(_ component: String) -> JSONSchemaProperty {
        .object("Scale the \(component) between minReplicas and maxReplicas on CPU with a HorizontalPodAutoscaler (autoscaling/v2) named <pipeline>-\(component). The HPA then owns the Deployment's replicas and the operator stops setting them; replicas cannot be set as well. Needs a CPU request on the container (the default resources have one) and the metrics server in the cluster.", properties: [
            "minReplicas": .integer("The fewest pods. Defaults to 1; use 2 or more to survive a node drain.", minimum: 1, maximum: 100, default: RAGPipelineDefaults.autoscalingMinReplicas),
            "maxReplicas": .integer("The most pods; at least minReplicas.", minimum: 1, maximum: 100),
            "targetCPUUtilizationPercentage": .integer("Average CPU use the HPA aims for, as a percentage of the container's CPU request. Defaults to 70.", minimum: 1, maximum: 100, default: RAGPipelineDefaults.targetCPUUtilizationPercentage),
        ], required: ["maxReplicas"])
        .validated(by: AutoscalingRules.minWithinMax, message: "\(component).autoscaling.minReplicas must not exceed maxReplicas")
    }
}

/// CEL rules shared by the autoscaling schemas.
enum AutoscalingRules {
    /// `minReplicas <= maxReplicas`, when both are set.
    static let minWithinMax = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas"
    /// `replicas` and `autoscaling` exclude each other on a component.
    static let replicasOrAutoscaling = "!has(self.replicas) || !has(self.autoscaling)"
    /// A CPU autoscaler needs a CPU request: the default resources have one; given resources must too.
    static let cpuRequest = "!has(self.autoscaling) || !has(self.resources) || (has(self.resources.requests) && 'cpu' in self.resources.requests)"
}
