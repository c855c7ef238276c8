import CRDs
import KubernetesCore
import Testing

@Suite struct ValidationTests {
    private func problems(_ change: (inout RAGPipeline) -> Void, from base: RAGPipeline = PipelineFixtures.aws) -> [String] {
        var pipeline = base
        change(&pipeline)
        return pipeline.validate().map(\.field)
    }

    @Test func theFixturesAreValid() {
        #expect(PipelineFixtures.aws.validate() == [])
        #expect(PipelineFixtures.local.validate() == [])
    }

    @Test(arguments: [
        "arn:aws:iam::12345678901:role/short-account", "arn:aws:iam::123456789012:user/not-a-role", "arn:aws:s3:::bucket",
        "arn:aws:iam::123456789012:role/", "role/name", "arn:aws-cn:iam::123456789012:role/has space",
    ])
    func aRoleARNInTheWrongFormatIsRejected(_ arn: String) {
        #expect(problems { $0.spec.aws?.podIdentity = PodIdentitySpec(roleArn: arn) } == ["spec.aws.podIdentity.roleArn"])
        #expect(problems { $0.spec.consumer = ComponentSpec(podIdentity: PodIdentitySpec(roleArn: arn)) } == ["spec.consumer.podIdentity.roleArn"])
    }

    @Test(arguments: ["arn:aws:iam::123456789012:role/rag", "arn:aws-cn:iam::123456789012:role/path/to/rag", "arn:aws-us-gov:iam::123456789012:role/a+b=c,d.e@f-g_h"])
    func roleARNsInEveryPartitionAndWithPathsAreAccepted(_ arn: String) {
        #expect(problems { $0.spec.aws?.podIdentity = PodIdentitySpec(roleArn: arn) } == [])
    }

    @Test func tensorParallelSizeMayNotExceedNeuronCores() {
        let found = problems { $0.spec.llm.vllm?.neuronCores = 2; $0.spec.llm.vllm?.tensorParallelSize = 4 }
        #expect(found == ["spec.llm.vllm.tensorParallelSize"])
        var pipeline = PipelineFixtures.aws
        pipeline.spec.llm.vllm?.tensorParallelSize = 4
        #expect(pipeline.validate().first?.message.contains("exceeds neuronCores (2)") == true, "the default of 2 cores applies")
    }

    @Test func topKMayNotExceedMaxTopKWithTheDefaultsApplied() {
        #expect(problems { $0.spec.retrieval = RetrievalSpec(topK: 20, maxTopK: 10) } == ["spec.retrieval.topK"])
        #expect(problems { $0.spec.retrieval = RetrievalSpec(topK: 80) } == ["spec.retrieval.topK"], "the default maxTopK of 50 applies")
        #expect(problems { $0.spec.retrieval = RetrievalSpec(topK: 80, maxTopK: 100) } == [])
    }

    @Test func signInNeedsOneProviderAnALBAndHTTPS() {
        let cognito = IngressAuthSpec(cognito: CognitoAuthSpec(userPoolArn: "arn:aws:cognito-idp:eu-west-1:1:userpool/x", userPoolClientId: "c", userPoolDomain: "d"))
        let https = UIIngressTLSSpec(certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/x")
        func ingress(_ change: @escaping (inout UIIngressSpec) -> Void) -> (inout RAGPipeline) -> Void {
            { pipeline in
                var settings = UIIngressSpec(enabled: true, tls: https)
                settings.auth = cognito
                change(&settings)
                pipeline.spec.ui = UIComponentSpec(ingress: settings)
            }
        }
        #expect(problems(ingress { _ in }) == [])
        #expect(problems(ingress { $0.tls = nil }) == ["spec.ui.ingress.auth"], "the ALB signs in only over HTTPS")
        #expect(problems(ingress { $0.auth = IngressAuthSpec() }) == ["spec.ui.ingress.auth"])
        #expect(problems(ingress { $0.className = "nginx"; $0.tls = UIIngressTLSSpec(secretName: "tls") }) == ["spec.ui.ingress.auth"])
    }

    @Test func tensorParallelSizeEqualsNeuronCoresAndTheCoresFitTheInstance() {
        #expect(problems { $0.spec.llm.vllm?.neuronCores = 2; $0.spec.llm.vllm?.tensorParallelSize = 1 } == ["spec.llm.vllm.tensorParallelSize"], "an idle core")
        #expect(problems { $0.spec.llm.vllm?.neuronCores = 12; $0.spec.llm.vllm?.tensorParallelSize = 12 } == ["spec.llm.vllm.neuronCores"],
                "12 cores do not fit the default inf2.xlarge")
        #expect(problems {
            $0.spec.llm.vllm?.neuronCores = 12; $0.spec.llm.vllm?.tensorParallelSize = 12
            $0.spec.llm.vllm?.nodeSelector = ["node.kubernetes.io/instance-type": "inf2.24xlarge"]
        } == [])
        #expect(problems {
            $0.spec.llm.vllm?.neuronCores = 32; $0.spec.llm.vllm?.tensorParallelSize = 32
            $0.spec.llm.vllm?.nodeSelector = ["node.kubernetes.io/instance-type": "inf2.48xlarge"]
        } == ["spec.llm.vllm.neuronCores"])
        #expect(problems {
            $0.spec.llm.vllm?.neuronCores = 8; $0.spec.llm.vllm?.tensorParallelSize = 8
            $0.spec.llm.vllm?.nodeSelector = ["karpenter.sh/nodepool": "neuron"]
        } == [], "an instance type it cannot see is not judged")
    }

    @Test func exactlyOneEmbeddingVectorStoreAndLLM() {
        #expect(problems { $0.spec.embedding = EmbeddingSpec(bedrock: .init(), local: .init()) } == ["spec.embedding"])
        #expect(problems { $0.spec.embedding = EmbeddingSpec() } == ["spec.embedding"])
        #expect(problems { $0.spec.vectorStore.embedded = EmbeddedVectorStoreSpec() } == ["spec.vectorStore"])
        #expect(problems { $0.spec.vectorStore = VectorStoreSpec() } == ["spec.vectorStore"])
        #expect(problems { $0.spec.llm.external = ExternalLLMSpec(url: "http://x", model: "m") } == ["spec.llm"])
        #expect(problems { $0.spec.llm = LLMSpec() } == ["spec.llm"])
    }

    @Test(arguments: ["http://search.example.com", "abc.aoss.amazonaws.com", "https://", "ftp://x"])
    func theOpenSearchEndpointMustBeAnHTTPSURL(_ endpoint: String) {
        #expect(problems { $0.spec.vectorStore.opensearch?.endpoint = endpoint } == ["spec.vectorStore.opensearch.endpoint"])
    }

    @Test(arguments: ["Rag.Example.com", "rag_example.com", "-rag.example.com", "rag..example.com", "https://rag.example.com"])
    func theIngressHostMustBeADNSName(_ host: String) {
        #expect(problems { $0.spec.ui = UIComponentSpec(ingress: UIIngressSpec(enabled: true, host: host)) } == ["spec.ui.ingress.host"])
    }

    @Test func wildcardIngressHostsAreAccepted() {
        #expect(problems { $0.spec.ui = UIComponentSpec(ingress: UIIngressSpec(enabled: true, host: "*.rag.example.com")) } == [])
    }

    @Test func theProducerRequiresAKinesisSource() {
        #expect(problems { $0.spec.source = nil; $0.spec.producer = ProducerSpec(enabled: true) } == ["spec.producer.enabled"])
        #expect(problems { $0.spec.producer = ProducerSpec(enabled: true) } == [])
    }

    @Test func awsServicesRequireARegion() {
        let found = PipelineFixtures.aws.withRegion(nil).validate()
        #expect(found.map(\.field) == ["spec.aws.region"])
        #expect(found.first?.message == "is required by embedding.bedrock, vectorStore.opensearch, source.kinesis")
        #expect(problems { $0.spec.aws?.region = "Europe" } == ["spec.aws.region"])
    }

    @Test func atTimestampNeedsAValidTimestamp() {
        #expect(problems { $0.spec.source?.kinesis?.startingPosition = .atTimestamp } == ["spec.source.kinesis.startingTimestamp"])
        #expect(problems { $0.spec.source?.kinesis?.startingPosition = .atTimestamp; $0.spec.source?.kinesis?.startingTimestamp = "yesterday" } == ["spec.source.kinesis.startingTimestamp"])
        #expect(problems { $0.spec.source?.kinesis?.startingPosition = .atTimestamp; $0.spec.source?.kinesis?.startingTimestamp = "2025-01-04T00:00:00Z" } == [])
    }

    @Test func theEmbeddedStoreAllowsOneBackendReplica() {
        #expect(problems({ $0.spec.backend = ComponentSpec(replicas: 2) }, from: PipelineFixtures.local) == ["spec.backend.replicas"])
    }

    @Test func certificateARNsAreCheckedAndOnlyUsedWithALB() {
        let bad = UIIngressSpec(enabled: true, tls: UIIngressTLSSpec(certificateArn: "arn:aws:acm:eu-west-1:1:certificate/x"))
        #expect(problems { $0.spec.ui = UIComponentSpec(ingress: bad) } == ["spec.ui.ingress.tls.certificateArn"])
        let nginx = UIIngressSpec(enabled: true, className: "nginx", tls: UIIngressTLSSpec(certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123"))
        #expect(problems { $0.spec.ui = UIComponentSpec(ingress: nginx) } == ["spec.ui.ingress.tls.certificateArn"])
        #expect(problems { $0.spec.ui = UIComponentSpec(ingress: UIIngressSpec(enabled: true, tls: UIIngressTLSSpec())) } == ["spec.ui.ingress.tls"])
    }

    @Test func externalURLsMustBeAbsoluteHTTP() {
        #expect(problems({ $0.spec.llm.external?.url = "vllm:8000" }, from: PipelineFixtures.local) == ["spec.llm.external.url"])
        #expect(problems({ $0.spec.embedding = EmbeddingSpec(openai: OpenAIEmbeddingSpec(url: "tei", model: "m")) }, from: PipelineFixtures.local) == ["spec.embedding.openai.url"])
        #expect(problems({ $0.spec.embedding = EmbeddingSpec(local: LocalEmbeddingSpec(model: "bge-small")) }, from: PipelineFixtures.local) == ["spec.embedding.local.model"])
        #expect(problems({ $0.spec.embedding = EmbeddingSpec(local: LocalEmbeddingSpec(dimensions: 768)) }, from: PipelineFixtures.local) == ["spec.embedding.local.dimensions"])
    }

    @Test(arguments: ["Logs", "1logs", "logs.prod", String(repeating: "a", count: 51)])
    func thePipelineNameMustFitEveryChildName(_ name: String) {
        #expect(problems { $0.metadata.name = name } == ["metadata.name"])
    }

    @Test func problemsReadAsFieldAndMessage() {
        let problem = SpecProblem(field: "spec.llm", message: "set exactly one of vllm or external (got 2)")
        #expect(problem.description == "spec.llm: set exactly one of vllm or external (got 2)")
        #expect([problem, problem].summary.contains("; "))
    }
}

extension RAGPipeline {
    fileprivate func withRegion(_ region: String?) -> RAGPipeline {
        var copy = self
        copy.spec.aws?.region = region
        return copy
    }
}
