import KubernetesCore

extension RAGPipelineSpec {
    /// The autoscaling rules, for `backend`, `ui`, `consumer` and `llm.vllm`:
    /// - `replicas` and `autoscaling` exclude each other: the autoscaler owns the Deployment's replicas,
    ///   and a `replicas` the operator no longer applies would read as if it did something;
    /// - `1 <= minReplicas <= maxReplicas` (no scale to zero: nothing would report the metric that
    ///   scales back up), targets at least 1;
    /// - a CPU autoscaler (backend, UI) needs `resources.requests.cpu`, since utilization is a
    ///   percentage of it;
    /// - the backend cannot autoscale with the embedded store (one ReadWriteOnce volume);
    /// - the consumer autoscales only with `source.kinesis`, `roleArn` is a role ARN;
    /// - consumer replicas (fixed, or `maxReplicas`) never exceed `source.kinesis.shardCount` when set;
    /// - vLLM's `prometheusServerAddress` is an http(s) URL.
    ///
    /// The CRD checks the exclusions, the bounds and the CPU request at admission (CEL) too.
    func validateAutoscaling() -> [SpecProblem] {
        var problems: [SpecProblem] = []
        if let autoscaling = backend?.autoscaling {
            problems += Self.validateCPU(autoscaling, replicas: backend?.replicas, resources: backend?.resources, field: "spec.backend")
            if vectorStore.embedded != nil {
                problems.append(SpecProblem(field: "spec.backend.autoscaling", message: "the embedded vector store's ReadWriteOnce volume allows one backend replica; use vectorStore.opensearch to autoscale the backend"))
            }
        }
        if let autoscaling = ui?.autoscaling {
            problems += Self.validateCPU(autoscaling, replicas: ui?.replicas, resources: ui?.resources, field: "spec.ui")
        }
        if let shards = source?.kinesis?.shardCount {
            if let replicas = consumer?.replicas, replicas > shards {
                problems.append(SpecProblem(field: "spec.consumer.replicas", message: "\(replicas) exceeds source.kinesis.shardCount (\(shards)): a shard is read by one replica, the others would stand by"))
            }
            if let maximum = consumer?.autoscaling?.maxReplicas, maximum > shards {
                problems.append(SpecProblem(field: "spec.consumer.autoscaling.maxReplicas", message: "\(maximum) exceeds source.kinesis.shardCount (\(shards)): a shard is read by one replica, the others would stand by"))
            }
        }
        if let autoscaling = consumer?.autoscaling {
            problems += Self.validateBounds(min: autoscaling.minReplicas, max: autoscaling.maxReplicas, replicas: consumer?.replicas, field: "spec.consumer")
            if let target = autoscaling.iteratorAgeTargetSeconds, target < 1 {
                problems.append(SpecProblem(field: "spec.consumer.autoscaling.iteratorAgeTargetSeconds", message: "must be at least 1"))
            }
            if source?.kinesis == nil {
                problems.append(SpecProblem(field: "spec.consumer.autoscaling", message: "the consumer runs only with source.kinesis, which is not set"))
            }
            if let arn = autoscaling.roleArn, !SpecPatterns.matches(arn, SpecPatterns.roleArn) {
                problems.append(SpecProblem(field: "spec.consumer.autoscaling.roleArn", message: "\"\(arn)\" is not an IAM role ARN; expected arn:aws:iam::<12-digit account id>:role/<name>"))
            }
        }
        if let vllm = llm.vllm, let autoscaling = vllm.autoscaling {
            problems += Self.validateBounds(min: autoscaling.minReplicas, max: autoscaling.maxReplicas, replicas: vllm.replicas, field: "spec.llm.vllm")
            if let target = autoscaling.waitingRequestsTarget, target < 1 {
                problems.append(SpecProblem(field: "spec.llm.vllm.autoscaling.waitingRequestsTarget", message: "must be at least 1"))
            }
            problems += Self.validateURL(autoscaling.prometheusServerAddress, field: "spec.llm.vllm.autoscaling.prometheusServerAddress")
        }
        return problems
    }

    private static func validateCPU(_ autoscaling: CPUAutoscalingSpec, replicas: Int?, resources: ResourceRequirements?, field: String) -> [SpecProblem] {
        var problems = validateBounds(min: autoscaling.minReplicas, max: autoscaling.maxReplicas, replicas: replicas, field: field)
        if let target = autoscaling.targetCPUUtilizationPercentage, !(1...100).contains(target) {
            problems.append(SpecProblem(field: "\(field).autoscaling.targetCPUUtilizationPercentage", message: "\(target) must be between 1 and 100"))
        }
        if let resources, resources.requests?["cpu"] == nil {
            problems.append(SpecProblem(field: "\(field).resources.requests.cpu", message: "is required with autoscaling: the HorizontalPodAutoscaler scales on CPU use as a percentage of the request"))
        }
        return problems
    }

    private static func validateBounds(min: Int?, max: Int, replicas: Int?, field: String) -> [SpecProblem] {
        var problems: [SpecProblem] = []
        if replicas != nil {
            problems.append(SpecProblem(field: "\(field).replicas", message: "cannot be set with autoscaling, which owns the replicas; remove it (autoscaling.minReplicas is the floor)"))
        }
        let min = min ?? RAGPipelineDefaults.autoscalingMinReplicas
        if min < 1 {
            problems.append(SpecProblem(field: "\(field).autoscaling.minReplicas", message: "must be at least 1: at zero nothing reports the metric that would scale the component up again"))
        }
        if max < 1 {
            problems.append(SpecProblem(field: "\(field).autoscaling.maxReplicas", message: "must be at least 1"))
        } else if min > max {
            problems.append(SpecProblem(field: "\(field).autoscaling.minReplicas", message: "\(min) exceeds maxReplicas (\(max))"))
        }
        return problems
    }
}
