import CRDs
import KubernetesCore
import Testing

/// The autoscaling rules: each InvalidSpec problem names its field, the defaults fill the targets and
/// leave the replicas to the autoscaler, and the CRD refuses the same at admission.
@Suite struct AutoscalingValidationTests {
    private func problems(_ change: (inout RAGPipelineSpec) -> Void) -> [String] {
        var pipeline = PipelineFixtures.aws
        change(&pipeline.spec)
        return pipeline.validate().map(\.field)
    }

    private static let prometheus = "http://prometheus-server.monitoring.svc:80"

    @Test func validAutoscalersPass() {
        #expect(problems {
            $0.backend = BackendSpec(autoscaling: CPUAutoscalingSpec(minReplicas: 2, maxReplicas: 10))
            $0.ui = UIComponentSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 3))
            $0.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(maxReplicas: 4, roleArn: PipelineFixtures.role))
            $0.llm.vllm?.autoscaling = VLLMAutoscalingSpec(maxReplicas: 4, prometheusServerAddress: Self.prometheus)
        } == [])
    }

    @Test func replicasAndAutoscalingExcludeEachOther() {
        #expect(problems { $0.backend = BackendSpec(replicas: 3, autoscaling: CPUAutoscalingSpec(maxReplicas: 5)) } == ["spec.backend.replicas"])
        #expect(problems { $0.ui = UIComponentSpec(replicas: 2, autoscaling: CPUAutoscalingSpec(maxReplicas: 5)) } == ["spec.ui.replicas"])
        #expect(problems { $0.consumer = ConsumerSpec(replicas: 2, autoscaling: ConsumerAutoscalingSpec(maxReplicas: 2)) } == ["spec.consumer.replicas"])
        #expect(problems {
            $0.llm.vllm?.replicas = 1
            $0.llm.vllm?.autoscaling = VLLMAutoscalingSpec(maxReplicas: 2, prometheusServerAddress: Self.prometheus)
        } == ["spec.llm.vllm.replicas"])
    }

    @Test func minReplicasIsAtLeastOneAndAtMostMax() {
        #expect(problems { $0.backend = BackendSpec(autoscaling: CPUAutoscalingSpec(minReplicas: 0, maxReplicas: 5)) } == ["spec.backend.autoscaling.minReplicas"])
        #expect(problems { $0.ui = UIComponentSpec(autoscaling: CPUAutoscalingSpec(minReplicas: 4, maxReplicas: 3)) } == ["spec.ui.autoscaling.minReplicas"])
        #expect(problems { $0.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(minReplicas: 0, maxReplicas: 2)) } == ["spec.consumer.autoscaling.minReplicas"])
        #expect(problems { $0.llm.vllm?.autoscaling = VLLMAutoscalingSpec(minReplicas: 3, maxReplicas: 2, prometheusServerAddress: Self.prometheus) }
                == ["spec.llm.vllm.autoscaling.minReplicas"])
        #expect(problems { $0.ui = UIComponentSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 0)) } == ["spec.ui.autoscaling.maxReplicas"])
    }

    @Test func aCPUAutoscalerNeedsACPURequest() {
        let memoryOnly = ResourceRequirements(requests: ["memory": "256Mi"], limits: ["memory": "1Gi"])
        #expect(problems { $0.backend = BackendSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 5), resources: memoryOnly) } == ["spec.backend.resources.requests.cpu"])
        #expect(problems { $0.ui = UIComponentSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 5), resources: ResourceRequirements(limits: ["cpu": "1"])) }
                == ["spec.ui.resources.requests.cpu"])
        #expect(problems { $0.backend = BackendSpec(resources: memoryOnly) } == [], "without autoscaling a CPU request is optional")
        #expect(problems { $0.ui = UIComponentSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 5, targetCPUUtilizationPercentage: 150)) }
                == ["spec.ui.autoscaling.targetCPUUtilizationPercentage"])
    }

    @Test func theBackendCannotAutoscaleOnTheEmbeddedStore() {
        var pipeline = PipelineFixtures.local
        pipeline.spec.backend = BackendSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 1))
        #expect(pipeline.validate().map(\.field) == ["spec.backend.autoscaling"])
    }

    @Test func consumerAutoscalingNeedsAStreamAndARoleARN() {
        #expect(problems {
            $0.source = nil
            $0.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(maxReplicas: 2))
        } == ["spec.consumer.autoscaling"])
        #expect(problems { $0.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(maxReplicas: 2, roleArn: "arn:aws:iam::1:role/x")) }
                == ["spec.consumer.autoscaling.roleArn"])
    }

    @Test func vLLMAutoscalingNeedsAPrometheusURLAndASharedCache() {
        #expect(problems { $0.llm.vllm?.autoscaling = VLLMAutoscalingSpec(maxReplicas: 2, prometheusServerAddress: "prometheus:9090") }
                == ["spec.llm.vllm.autoscaling.prometheusServerAddress"])
        #expect(problems {
            $0.llm.vllm?.autoscaling = VLLMAutoscalingSpec(maxReplicas: 2, prometheusServerAddress: Self.prometheus)
            $0.llm.vllm?.compileCache = CompileCacheSpec(persistentVolumeClaim: .init(accessMode: "ReadWriteOnce"))
        } == ["spec.llm.vllm.compileCache.persistentVolumeClaim.accessMode"])
    }

    @Test func defaultsFillTheTargetsAndLeaveReplicasToTheAutoscaler() throws {
        var spec = PipelineFixtures.aws.spec
        spec.backend = BackendSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 6))
        spec.ui = UIComponentSpec(autoscaling: CPUAutoscalingSpec(maxReplicas: 3))
        spec.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(maxReplicas: 4))
        spec.llm.vllm?.autoscaling = VLLMAutoscalingSpec(maxReplicas: 3, prometheusServerAddress: Self.prometheus)
        spec.llm.vllm?.compileCache = CompileCacheSpec(persistentVolumeClaim: .init())
        let defaulted = spec.withDefaults()
        #expect(defaulted.backend?.replicas == nil && defaulted.ui?.replicas == nil && defaulted.consumer?.replicas == nil && defaulted.llm.vllm?.replicas == nil)
        #expect(defaulted.backend?.autoscaling == CPUAutoscalingSpec(minReplicas: 1, maxReplicas: 6, targetCPUUtilizationPercentage: 70))
        #expect(defaulted.ui?.autoscaling?.targetCPUUtilizationPercentage == 70)
        #expect(defaulted.consumer?.autoscaling == ConsumerAutoscalingSpec(minReplicas: 1, maxReplicas: 4, iteratorAgeTargetSeconds: 60))
        #expect(defaulted.llm.vllm?.autoscaling?.waitingRequestsTarget == 5)
        #expect(defaulted.llm.vllm?.compileCache?.persistentVolumeClaim?.accessMode == "ReadWriteMany", "an autoscaler that may add replicas needs a shared cache")
        #expect(defaulted.backend?.resources?.requests?["cpu"] != nil, "the default resources request CPU")
        #expect(defaulted.withDefaults() == defaulted)
    }

    /// A shard is read by one consumer replica: with the shard count known, more replicas are refused.
    @Test func consumerReplicasNeverExceedAKnownShardCount() throws {
        let fourShards = { (spec: inout RAGPipelineSpec) in spec.source?.kinesis?.shardCount = 4 }
        #expect(problems { fourShards(&$0); $0.consumer = ConsumerSpec(replicas: 4) } == [])
        #expect(problems { fourShards(&$0); $0.consumer = ConsumerSpec(replicas: 5) } == ["spec.consumer.replicas"])
        #expect(problems { fourShards(&$0); $0.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(maxReplicas: 4)) } == [])
        #expect(problems { fourShards(&$0); $0.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(maxReplicas: 8)) } == ["spec.consumer.autoscaling.maxReplicas"])
        #expect(problems { $0.consumer = ConsumerSpec(autoscaling: ConsumerAutoscalingSpec(maxReplicas: 8)) } == [], "an unknown shard count is not checked")
        let rules = (try RAGPipelineCRD.openAPIV3Schema()[path: ["properties", "spec", "x-kubernetes-validations"]]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
        #expect(rules.contains { $0.contains("self.consumer.autoscaling.maxReplicas <= self.source.kinesis.shardCount") })
    }

    @Test func theCRDRefusesTheSameAtAdmission() throws {
        let spec = try #require(RAGPipelineCRD.openAPIV3Schema()[path: ["properties", "spec", "properties"]])
        for (path, field) in [(["backend"], "backend"), (["ui"], "ui"), (["consumer"], "consumer"), (["llm", "properties", "vllm"], "llm.vllm")] {
            var component = try #require(spec[path: [path[0]]])
            if path.count > 1 { component = try #require(component[path: Array(path.dropFirst())]) }
            let rules = (component["x-kubernetes-validations"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
            #expect(rules.contains("!has(self.replicas) || !has(self.autoscaling)"), "\(field)")
            let autoscaling = try #require(component[path: ["properties", "autoscaling"]])
            #expect(autoscaling[path: ["properties", "minReplicas", "minimum"]] == 1, "\(field)")
            #expect(autoscaling["required"]?.arrayValue?.contains("maxReplicas") == true, "\(field)")
            #expect(autoscaling["x-kubernetes-validations"]?.arrayValue?.first?["rule"] == "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas", "\(field)")
            #expect(component[path: ["properties", "replicas", "default"]] == nil, "\(field): a schema default would always collide with autoscaling")
        }
        let backendRules = (spec[path: ["backend", "x-kubernetes-validations"]]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
        #expect(backendRules.contains { $0.contains("'cpu' in self.resources.requests") })
        #expect(spec[path: ["llm", "properties", "vllm", "properties", "autoscaling", "required"]] == ["maxReplicas", "prometheusServerAddress"])
        #expect(spec[path: ["consumer", "properties", "autoscaling", "properties", "iteratorAgeTargetSeconds", "default"]] == 60)
    }
}
