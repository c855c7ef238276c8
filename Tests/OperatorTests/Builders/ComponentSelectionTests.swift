import CRDs
import KubernetesCore
import Operator
import Testing

@Suite struct ComponentSelectionTests {
    @Test func anExternalLLMMeansNoVLLMObjects() throws {
        let objects = try SamplePipelines.children(SamplePipelines.minimal)
        #expect(objects.filter { $0.component == "vllm" }.isEmpty)
        #expect(objects.body("Deployment", "quickstart-backend")?.firstContainer?.env("LLM_URL") == "http://vllm.llm.svc.cluster.local:8000")
    }

    @Test func switchingToAnExternalLLMRemovesTheVLLMObjects() throws {
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
        pipeline.spec.llm = LLMSpec(external: ExternalLLMSpec(url: "http://llm:8000", model: "m"))
        let objects = try DesiredState.children(of: pipeline)
        #expect(!objects.contains { $0.component == "vllm" })
        #expect(!objects.contains { $0.name == "vehicle-logs-vllm" })
    }

    @Test func aDisabledProducerHasNoObjects() throws {
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.producer)
        #expect(try DesiredState.children(of: pipeline).contains { $0.component == "producer" })
        pipeline.spec.producer?.enabled = false
        #expect(try !DesiredState.children(of: pipeline).contains { $0.component == "producer" })
    }

    @Test func noKinesisSourceMeansNoConsumer() throws {
        #expect(try !SamplePipelines.children(SamplePipelines.minimal).contains { $0.component == "consumer" })
    }

    @Test func disabledNetworkPolicyMeansNoNetworkPolicies() throws {
        #expect(try SamplePipelines.children(SamplePipelines.noNetworkPolicy).names("NetworkPolicy") == [])
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
        pipeline.spec.networkPolicy = NetworkPolicySettings(enabled: false)
        #expect(try DesiredState.children(of: pipeline).names("NetworkPolicy") == [])
    }

    @Test func disabledIngressMeansNoIngress() throws {
        #expect(try SamplePipelines.children(SamplePipelines.minimal).names("Ingress") == [])
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
        pipeline.spec.ui?.ingress?.enabled = false
        #expect(try DesiredState.children(of: pipeline).names("Ingress") == [])
    }

    @Test func singleReplicasGetNoPodDisruptionBudget() throws {
        #expect(try SamplePipelines.children(SamplePipelines.minimal).names("PodDisruptionBudget") == [])
        let pdb = try #require(try SamplePipelines.children(SamplePipelines.full).body("PodDisruptionBudget", "vehicle-logs-backend"))
        #expect(pdb["spec"]?["maxUnavailable"] == 1)
    }

    @Test func anInvalidSpecProducesNoObjects() throws {
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
        pipeline.spec.llm.vllm?.tensorParallelSize = 8
        #expect {
            try DesiredState.children(of: pipeline)
        } throws: { error in
            guard case DesiredStateError.invalidSpec(let problems) = error else { return false }
            return problems.map(\.field) == ["spec.llm.vllm.tensorParallelSize"]
        }
    }

    @Test func componentsNeedingAWSHaveTheirRoles() throws {
        let full = DesiredState.componentsNeedingAWS(of: try SamplePipelines.pipeline(SamplePipelines.full))
        #expect(full == [
            PodIdentityBinding(component: "backend", serviceAccount: "vehicle-logs-backend", roleArn: "arn:aws:iam::123456789012:role/rag-pipeline"),
            PodIdentityBinding(component: "consumer", serviceAccount: "vehicle-logs-consumer", roleArn: "arn:aws:iam::123456789012:role/rag-consumer"),
        ])
        let demo = DesiredState.componentsNeedingAWS(of: try SamplePipelines.pipeline(SamplePipelines.producer))
        #expect(demo.map(\.component) == ["consumer", "producer"], "the backend uses neither Bedrock nor OpenSearch")
        #expect(DesiredState.componentsNeedingAWS(of: try SamplePipelines.pipeline(SamplePipelines.minimal)) == [])
    }

    @Test func theRuntimeImageComesFromTheOptionsWhenTheSpecHasNone() throws {
        let objects = try DesiredState.children(of: try SamplePipelines.pipeline(SamplePipelines.minimal), options: BuildOptions(runtimeImage: "rag:2", defaultNamespace: "demo"))
        #expect(objects.body("Deployment", "quickstart-ui")?.firstContainer?["image"] == "rag:2")
        #expect(Set(objects.map(\.namespace)) == ["demo"])
    }
}
