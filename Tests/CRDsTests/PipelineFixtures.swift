import CRDs
import KubernetesCore

/// Small pipelines built in Swift, for validation and defaulting tests.
enum PipelineFixtures {
    static let role = "arn:aws:iam::123456789012:role/rag"

    /// A valid pipeline using everything AWS: Kinesis, Bedrock, OpenSearch, vLLM.
    static var aws: RAGPipeline {
        var spec = RAGPipelineSpec(
            vectorStore: VectorStoreSpec(opensearch: OpenSearchSpec(endpoint: "https://abc.eu-west-1.aoss.amazonaws.com")),
            llm: LLMSpec(vllm: VLLMSpec(model: "meta-llama/Llama-3.2-1B-Instruct")))
        spec.aws = AWSSpec(region: "eu-west-1", podIdentity: PodIdentitySpec(roleArn: role))
        spec.source = SourceSpec(kinesis: KinesisSpec(streamName: "logs"))
        spec.embedding = EmbeddingSpec(bedrock: BedrockEmbeddingSpec())
        return RAGPipeline(metadata: ObjectMeta(name: "logs", namespace: "rag"), spec: spec)
    }

    /// A valid pipeline with no AWS at all.
    static var local: RAGPipeline {
        let spec = RAGPipelineSpec(
            vectorStore: VectorStoreSpec(embedded: EmbeddedVectorStoreSpec()),
            llm: LLMSpec(external: ExternalLLMSpec(url: "http://vllm.llm:8000", model: "m")))
        return RAGPipeline(metadata: ObjectMeta(name: "quick", namespace: "rag"), spec: spec)
    }
}
