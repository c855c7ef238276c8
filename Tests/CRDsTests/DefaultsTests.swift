import CRDs
import KubernetesCore
import Testing

@Suite struct DefaultsTests {
    @Test func aManifestWithoutAWSGetsTheLocalModelAndOneBackend() {
        let spec = PipelineFixtures.local.spec.withDefaults()
        #expect(spec.image == RAGPipelineDefaults.runtimeImage)
        #expect(spec.imagePullPolicy == "IfNotPresent")
        #expect(spec.embedding == EmbeddingSpec(local: LocalEmbeddingSpec(model: "all-MiniLM-L6-v2", dimensions: 384)))
        #expect(spec.vectorStore.embedded?.storage == "10Gi")
        #expect(spec.backend?.replicas == 1)
        #expect(spec.ui?.replicas == 1)
        #expect(spec.networkPolicy?.enabled == true)
        #expect(spec.producer?.enabled == false)
        #expect(spec.producer?.recordsPerMinute == 100)
    }

    @Test func aManifestWithARegionGetsBedrockCohereAndTwoBackends() {
        var pipeline = PipelineFixtures.aws
        pipeline.spec.embedding = nil
        let spec = pipeline.spec.withDefaults(runtimeImage: "rag:1")
        #expect(spec.image == "rag:1")
        #expect(spec.embedding?.bedrock == BedrockEmbeddingSpec(modelId: "cohere.embed-english-v3", dimensions: 1024))
        #expect(spec.backend?.replicas == 2)
        #expect(spec.vectorStore.opensearch?.index == "rag-telemetry")
        #expect(spec.vectorStore.opensearch?.serverless == true)
        #expect(spec.source?.kinesis?.startingPosition == .trimHorizon)
        #expect(spec.source?.kinesis?.batchSize == 100)
    }

    @Test func vLLMDefaultsTargetAnInf2XLarge() throws {
        let vllm = try #require(PipelineFixtures.aws.spec.withDefaults().llm.vllm)
        #expect(vllm.image == RAGPipelineDefaults.vllmImage)
        #expect(vllm.replicas == 1)
        #expect(vllm.neuronCores == 2)
        #expect(vllm.tensorParallelSize == 2)
        #expect(vllm.maxModelLen == 4096)
        #expect(vllm.maxNumSeqs == 8)
        #expect(vllm.nodeSelector == ["node.kubernetes.io/instance-type": "inf2.xlarge"])
        #expect(vllm.tolerations == [Toleration(key: "aws.amazon.com/neuron", operator: "Exists", effect: "NoSchedule")])
    }

    @Test func explicitValuesAreKept() {
        var pipeline = PipelineFixtures.aws
        pipeline.spec.backend = ComponentSpec(replicas: 5)
        pipeline.spec.llm.vllm?.neuronCores = 24
        pipeline.spec.vectorStore.opensearch?.serverless = false
        let spec = pipeline.spec.withDefaults()
        #expect(spec.backend?.replicas == 5)
        #expect(spec.llm.vllm?.neuronCores == 24)
        #expect(spec.vectorStore.opensearch?.serverless == false)
    }

    @Test func defaultingTwiceChangesNothing() {
        let once = PipelineFixtures.aws.spec.withDefaults()
        #expect(once.withDefaults() == once)
    }

    @Test func quantitiesMayBeWrittenAsNumbers() throws {
        let json: JSONValue = ["requests": ["cpu": 1, "memory": "1Gi"]]
        #expect(try json.decode(ResourceRequirements.self).requests == ["cpu": "1", "memory": "1Gi"])
    }
}
