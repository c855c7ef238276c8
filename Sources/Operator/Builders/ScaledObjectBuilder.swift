import CRDs
import KubernetesCore

/// KEDA ScaledObjects for vLLM (Prometheus, waiting requests) and the consumer (CloudWatch, Kinesis
/// iterator age), and the consumer's TriggerAuthentication. Built only when KEDA is installed
/// (``BuildContext/kedaInstalled``); without it the components run `minReplicas` fixed replicas.
///
/// Every trigger `metadata` value is a string, as KEDA's schema requires; no `metricName` (removed
/// from the prometheus scaler in KEDA 2.12).
public enum ScaledObjectBuilder {
    /// The Kinesis metric and its CloudWatch settings: the per-minute maximum iterator age, read over
    /// three minutes (CloudWatch publishes Kinesis metrics a minute or two late).
    static let iteratorAgeMetric = "GetRecords.IteratorAgeMilliseconds"
    static let metricStatPeriod = "60", metricCollectionTime = "180"
    /// CloudWatch is polled once a minute (its period), not KEDA's default 30 s: half the GetMetricData calls.
    static let consumerPollingInterval = 60

    /// The vLLM ScaledObject `<pipeline>-vllm`, or `nil` without `llm.vllm.autoscaling` or KEDA.
    public static func vllm(_ context: BuildContext) -> ScaledObject? {
        guard DesiredState.runs(.vllm, context), case .keda(let min, let max) = context.replicaOwner(.vllm),
              let scaling = context.spec.llm.vllm?.autoscaling else { return nil }
        let target = scaling.waitingRequestsTarget ?? RAGPipelineDefaults.waitingRequestsTarget
        let trigger = ScaledObject.Trigger(type: "prometheus", name: "waiting-requests", metadata: [
            "serverAddress": scaling.prometheusServerAddress,
            "query": waitingRequestsQuery(context),
            "threshold": String(target),
        ])
        return scaledObject(context, for: .vllm, min: min, max: max, triggers: [trigger])
    }

    /// `sum(vllm:num_requests_waiting{namespace="<ns>",service="<pipeline>-vllm"})`: the queue of every
    /// replica behind the vLLM Service; KEDA divides by the replicas (`AverageValue`).
    public static func waitingRequestsQuery(_ context: BuildContext) -> String {
        #"sum(vllm:num_requests_waiting{namespace="\#(context.namespace)",service="\#(context.childName(.vllm))"})"#
    }

    /// The consumer ScaledObject `<pipeline>-consumer`, or `nil` without `consumer.autoscaling`, a
    /// Kinesis source or KEDA. KEDA asks for `ceil(iterator age / target)` replicas.
    public static func consumer(_ context: BuildContext) -> ScaledObject? {
        guard DesiredState.runs(.consumer, context), case .keda(let min, let max) = context.replicaOwner(.consumer),
              let scaling = context.spec.consumer?.autoscaling, let stream = context.spec.source?.kinesis?.streamName else { return nil }
        let target = (scaling.iteratorAgeTargetSeconds ?? RAGPipelineDefaults.iteratorAgeTargetSeconds) * 1000
        var metadata = [
            "namespace": "AWS/Kinesis", "metricName": iteratorAgeMetric,
            "dimensionName": "StreamName", "dimensionValue": stream,
            "metricStat": "Maximum", "metricStatPeriod": metricStatPeriod, "metricCollectionTime": metricCollectionTime,
            "targetMetricValue": String(target), "minMetricValue": "0",
        ]
        metadata["awsRegion"] = context.spec.aws?.region
        let trigger = ScaledObject.Trigger(
            type: "aws-cloudwatch", name: "iterator-age", metadata: metadata,
            authenticationRef: ScaledObject.AuthenticationRef(name: triggerAuthenticationName(context)))
        var object = scaledObject(context, for: .consumer, min: min, max: max, triggers: [trigger])
        object.spec?.pollingInterval = consumerPollingInterval
        return object
    }

    /// `<pipeline>-consumer-keda`: KEDA's operator calls CloudWatch with its own EKS Pod Identity
    /// (`provider: aws`), assuming `consumer.autoscaling.roleArn` when set. Not `identityOwner:
    /// workload`, which needs IRSA annotations on the consumer's ServiceAccount; not the deprecated
    /// `aws-eks`/`aws-kiam` providers.
    public static func triggerAuthentication(_ context: BuildContext) -> TriggerAuthentication? {
        guard consumer(context) != nil else { return nil }
        let identity = TriggerAuthentication.PodIdentity(provider: "aws", roleArn: context.spec.consumer?.autoscaling?.roleArn)
        return TriggerAuthentication(
            metadata: context.metadata(triggerAuthenticationName(context), component: .consumer),
            spec: .init(podIdentity: identity))
    }

    static func triggerAuthenticationName(_ context: BuildContext) -> String { context.childName("consumer-keda") }

    private static func scaledObject(_ context: BuildContext, for component: PipelineComponent, min: Int, max: Int, triggers: [ScaledObject.Trigger]) -> ScaledObject {
        let name = context.childName(component)
        return ScaledObject(
            metadata: context.metadata(name, component: component),
            spec: .init(
                scaleTargetRef: .init(apiVersion: Deployment.apiVersion, kind: Deployment.kind, name: name),
                minReplicaCount: min, maxReplicaCount: max, triggers: triggers))
    }
}
