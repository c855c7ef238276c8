import CRDs
import KubernetesCore
import Operator
import Testing

/// What the autoscaling sample renders, with and without KEDA: the autoscalers, the Deployments'
/// replicas (left to an autoscaler, or fixed at minReplicas) and the PodDisruptionBudgets.
@Suite struct AutoscalingBuilderTests {
    static let sample = "rag_v1alpha1_ragpipeline_autoscaling.yaml"

    static func children(keda: Bool) throws -> [DesiredObject] {
        try DesiredState.children(of: try SamplePipelines.pipeline(sample), options: BuildOptions(runtimeImage: "ghcr.io/rag-dev/rag-runtime:test"), kedaInstalled: keda)
    }

    @Test func backendAndUIGetCPUHorizontalPodAutoscalers() throws {
        let objects = try Self.children(keda: false)
        #expect(objects.names("HorizontalPodAutoscaler") == ["elastic-logs-backend", "elastic-logs-ui"])
        let backend = try #require(objects.body("HorizontalPodAutoscaler", "elastic-logs-backend"))
        #expect(backend["apiVersion"] == "autoscaling/v2")
        #expect(backend["spec"] == [
            "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "elastic-logs-backend"],
            "minReplicas": 2, "maxReplicas": 10,
            "metrics": [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 70]]]],
        ])
        #expect(backend[path: ["metadata", "ownerReferences"]]?.arrayValue?.first?["kind"] == "RAGPipeline")
        let ui = try #require(objects.body("HorizontalPodAutoscaler", "elastic-logs-ui"))
        #expect(ui[path: ["spec", "minReplicas"]] == 1 && ui[path: ["spec", "maxReplicas"]] == 4)
    }

    @Test func anAutoscaledDeploymentCarriesNoReplicas() throws {
        for keda in [false, true] {
            let objects = try Self.children(keda: keda)
            for name in ["elastic-logs-backend", "elastic-logs-ui"] {
                let deployment = try #require(objects.body("Deployment", name))
                #expect(deployment[path: ["spec", "replicas"]] == nil, "\(name): the HPA owns replicas")
            }
            for name in ["elastic-logs-consumer", "elastic-logs-vllm"] {
                let replicas = try #require(objects.body("Deployment", name))[path: ["spec", "replicas"]]
                #expect(replicas == (keda ? nil : .integer(1)), "\(name): KEDA owns replicas, or minReplicas fixed without it")
            }
        }
    }

    @Test func withoutKEDAThereAreNoKEDAObjects() throws {
        let objects = try Self.children(keda: false)
        #expect(objects.names("ScaledObject").isEmpty && objects.names("TriggerAuthentication").isEmpty)
    }

    @Test func vLLMScalesOnWaitingRequestsFromPrometheus() throws {
        let scaled = try #require(try Self.children(keda: true).body("ScaledObject", "elastic-logs-vllm"))
        #expect(scaled["apiVersion"] == "keda.sh/v1alpha1")
        #expect(scaled[path: ["spec", "scaleTargetRef"]] == ["apiVersion": "apps/v1", "kind": "Deployment", "name": "elastic-logs-vllm"])
        #expect(scaled[path: ["spec", "minReplicaCount"]] == 1 && scaled[path: ["spec", "maxReplicaCount"]] == 4)
        let trigger = try #require(scaled[path: ["spec", "triggers"]]?.arrayValue?.first)
        #expect(trigger["type"] == "prometheus")
        #expect(trigger["metadata"] == [
            "serverAddress": "http://prometheus-server.monitoring.svc:80",
            "query": #"sum(vllm:num_requests_waiting{namespace="rag",service="elastic-logs-vllm"})"#,
            "threshold": "5",
        ], "every value a string; no metricName (removed in KEDA 2.12)")
        #expect(trigger["authenticationRef"] == nil)
    }

    @Test func theConsumerScalesOnKinesisIteratorAgeWithKEDAsPodIdentity() throws {
        let objects = try Self.children(keda: true)
        let scaled = try #require(objects.body("ScaledObject", "elastic-logs-consumer"))
        #expect(scaled[path: ["spec", "maxReplicaCount"]] == 4)
        #expect(scaled[path: ["spec", "pollingInterval"]] == 60)
        let trigger = try #require(scaled[path: ["spec", "triggers"]]?.arrayValue?.first)
        #expect(trigger["type"] == "aws-cloudwatch")
        #expect(trigger["metadata"] == [
            "namespace": "AWS/Kinesis", "metricName": "GetRecords.IteratorAgeMilliseconds",
            "dimensionName": "StreamName", "dimensionValue": "elastic-logs",
            "metricStat": "Maximum", "metricStatPeriod": "60", "metricCollectionTime": "180",
            "targetMetricValue": "60000", "minMetricValue": "0", "awsRegion": "eu-west-1",
        ])
        #expect(trigger["authenticationRef"] == ["name": "elastic-logs-consumer-keda"])
        let authentication = try #require(objects.body("TriggerAuthentication", "elastic-logs-consumer-keda"))
        #expect(authentication["spec"] == ["podIdentity": ["provider": "aws"]], "KEDA's own identity: no identityOwner, no deprecated aws-eks")
    }

    @Test func aRoleARNIsAssumedByKEDA() throws {
        var pipeline = try SamplePipelines.pipeline(Self.sample)
        pipeline.spec.consumer?.autoscaling?.roleArn = "arn:aws:iam::123456789012:role/keda-cloudwatch"
        let objects = try DesiredState.children(of: pipeline, kedaInstalled: true)
        #expect(objects.body("TriggerAuthentication", "elastic-logs-consumer-keda")?[path: ["spec", "podIdentity"]]
                == ["provider": "aws", "roleArn": "arn:aws:iam::123456789012:role/keda-cloudwatch"])
    }

    @Test func podDisruptionBudgetsFollowTheMostReplicasAComponentMayRun() throws {
        #expect(try Self.children(keda: true).names("PodDisruptionBudget") == ["elastic-logs-backend", "elastic-logs-consumer", "elastic-logs-ui", "elastic-logs-vllm"])
        // Without KEDA, vLLM and the consumer run minReplicas (1) fixed: nothing to protect.
        #expect(try Self.children(keda: false).names("PodDisruptionBudget") == ["elastic-logs-backend", "elastic-logs-ui"])
        var pipeline = try SamplePipelines.pipeline(Self.sample)
        pipeline.spec.ui?.autoscaling?.maxReplicas = 1
        #expect(!(try DesiredState.children(of: pipeline).names("PodDisruptionBudget").contains("elastic-logs-ui")))
    }

    @Test func turningAutoscalingOffRestoresReplicasAndDropsTheAutoscalers() throws {
        var pipeline = try SamplePipelines.pipeline(Self.sample)
        pipeline.spec.backend = BackendSpec(replicas: 3)
        pipeline.spec.llm.vllm?.autoscaling = nil
        let objects = try DesiredState.children(of: pipeline, kedaInstalled: true)
        #expect(objects.names("HorizontalPodAutoscaler") == ["elastic-logs-ui"])
        #expect(objects.names("ScaledObject") == ["elastic-logs-consumer"])
        #expect(objects.body("Deployment", "elastic-logs-backend")?[path: ["spec", "replicas"]] == 3)
        #expect(objects.body("Deployment", "elastic-logs-vllm")?[path: ["spec", "replicas"]] == 1)
    }
}
