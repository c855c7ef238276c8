/// A KEDA `ScaledObject` for the Kinesis consumer on how far behind it reads: the stream's
/// `GetRecords.IteratorAgeMilliseconds` (maximum) in CloudWatch.
///
/// ```yaml
/// consumer:
///   autoscaling: {maxReplicas: 4, iteratorAgeTargetSeconds: 60}
/// ```
///
/// KEDA reads CloudWatch with its own identity (EKS Pod Identity on the KEDA operator's
/// ServiceAccount, which needs `cloudwatch:GetMetricData`), optionally assuming `roleArn`.
///
/// ## Shard count
/// A shard is read by one replica at a time (leases in `source.kinesis.leaseTable`), so replicas
/// beyond the stream's shard count only stand by. Set `maxReplicas` to at most the shard count;
/// the operator cannot read it (it has no Kinesis access), and the consumer keeps extra replicas idle.
///
/// Defaults: `minReplicas` 1, `iteratorAgeTargetSeconds` 60 (``RAGPipelineDefaults``).
public struct ConsumerAutoscalingSpec: Codable, Sendable, Equatable {
    /// The fewest replicas; at least 1 (at zero nobody reads, so no iterator age is reported). Defaults: 1.
    public var minReplicas: Int?
    /// The most replicas; at least `minReplicas`, at most the stream's shard count. Required.
    public var maxReplicas: Int
    /// The iterator age, in seconds, KEDA aims for. Defaults: 60.
    public var iteratorAgeTargetSeconds: Int?
    /// A role KEDA's operator assumes to read CloudWatch; without it KEDA uses its own Pod Identity role.
    public var roleArn: String?

    public init(minReplicas: Int? = nil, maxReplicas: Int, iteratorAgeTargetSeconds: Int? = nil, roleArn: String? = nil) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.iteratorAgeTargetSeconds = iteratorAgeTargetSeconds
        self.roleArn = roleArn
    }

    static var schema: JSONSchemaProperty {
        .object("Scale the consumer on how far behind it reads (the stream's GetRecords.IteratorAgeMilliseconds, maximum, from CloudWatch) with a KEDA ScaledObject named <pipeline>-consumer, an aws-cloudwatch trigger and a TriggerAuthentication <pipeline>-consumer-keda using KEDA's EKS Pod Identity (the KEDA operator's role needs cloudwatch:GetMetricData). Needs KEDA 2.12 or later; without it the pipeline reports AutoscalingReady=False (KEDANotInstalled) and the consumer runs minReplicas pods. Replicas split the shards, so set maxReplicas to at most the stream's shard count: extra replicas stand by. KEDA then owns the Deployment's replicas; replicas cannot be set as well.", properties: [
            "minReplicas": .integer("The fewest consumer pods. At least 1: with none, nobody reads and no iterator age is reported. Defaults to 1.", minimum: 1, maximum: 100, default: RAGPipelineDefaults.autoscalingMinReplicas),
            "maxReplicas": .integer("The most consumer pods; at least minReplicas and at most the stream's shard count (a shard is read by one replica at a time).", minimum: 1, maximum: 100),
            "iteratorAgeTargetSeconds": .integer("Iterator age, in seconds, KEDA aims for (the trigger's targetMetricValue, in milliseconds). Defaults to 60.", minimum: 1, maximum: 86400, default: RAGPipelineDefaults.iteratorAgeTargetSeconds),
            "roleArn": .string("IAM role the KEDA operator assumes to read CloudWatch (TriggerAuthentication podIdentity.roleArn). Omit to use the KEDA operator's own Pod Identity role.", minLength: 20, maxLength: 2048),
        ], required: ["maxReplicas"])
        .validated(by: AutoscalingRules.minWithinMax, message: "consumer.autoscaling.minReplicas must not exceed maxReplicas")
    }
}
