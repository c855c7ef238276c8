/// A KEDA `ScaledObject` for vLLM on the requests waiting in its queue (`vllm:num_requests_waiting`),
/// read from Prometheus.
///
/// ```yaml
/// llm:
///   vllm:
///     autoscaling:
///       maxReplicas: 4
///       prometheusServerAddress: http://prometheus-server.monitoring.svc:80
/// ```
///
/// Needs KEDA (2.12 or later) in the cluster and a Prometheus that scrapes vLLM's `/metrics` with a
/// `service` label (the ServiceMonitor or scrape config's default). Without KEDA the pipeline reports
/// `AutoscalingReady=False` (reason `KEDANotInstalled`) and vLLM runs `minReplicas` fixed replicas.
///
/// Defaults: `minReplicas` 1, `waitingRequestsTarget` 5 (``RAGPipelineDefaults``).
public struct VLLMAutoscalingSpec: Codable, Sendable, Equatable {
    /// The fewest replicas; at least 1 (at zero nothing would report the queue). Defaults: 1.
    public var minReplicas: Int?
    /// The most replicas; at least `minReplicas`. Required.
    public var maxReplicas: Int
    /// Waiting requests per replica KEDA aims for. Defaults: 5.
    public var waitingRequestsTarget: Int?
    /// The Prometheus KEDA queries, such as `http://prometheus-server.monitoring.svc:80`. Required.
    public var prometheusServerAddress: String

    public init(minReplicas: Int? = nil, maxReplicas: Int, waitingRequestsTarget: Int? = nil, prometheusServerAddress: String) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.waitingRequestsTarget = waitingRequestsTarget
        self.prometheusServerAddress = prometheusServerAddress
    }

    static var schema: JSONSchemaProperty {
        .object("Scale vLLM on the requests waiting in its queue (vllm:num_requests_waiting) with a KEDA ScaledObject named <pipeline>-vllm and a prometheus trigger. Needs KEDA 2.12 or later (keda.sh/v1alpha1) and a Prometheus scraping vLLM's /metrics with a service label; without KEDA the pipeline reports AutoscalingReady=False (KEDANotInstalled) and vLLM runs minReplicas pods. KEDA then owns the Deployment's replicas; replicas cannot be set as well. Each new replica loads (and without a compile cache, compiles) the model, so scaling out takes minutes.", properties: [
            "minReplicas": .integer("The fewest vLLM pods. At least 1: with none, nothing reports the queue. Defaults to 1.", minimum: 1, maximum: 64, default: RAGPipelineDefaults.autoscalingMinReplicas),
            "maxReplicas": .integer("The most vLLM pods; at least minReplicas. Each needs its NeuronCores.", minimum: 1, maximum: 64),
            "waitingRequestsTarget": .integer("Requests waiting per replica KEDA aims for (the trigger's threshold). Defaults to 5.", minimum: 1, maximum: 10000, default: RAGPipelineDefaults.waitingRequestsTarget),
            "prometheusServerAddress": .string("URL of the Prometheus KEDA queries, such as http://prometheus-server.monitoring.svc:80.", pattern: "^https?://", minLength: 8, maxLength: 2048),
        ], required: ["maxReplicas", "prometheusServerAddress"])
        .validated(by: AutoscalingRules.minWithinMax, message: "llm.vllm.autoscaling.minReplicas must not exceed maxReplicas")
    }
}
