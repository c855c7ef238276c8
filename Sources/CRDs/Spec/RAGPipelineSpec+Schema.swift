extension RAGPipelineSpec {
    /// The `spec` schema, with a description on every field so `kubectl explain ragpipeline.spec` reads well.
    static var schema: JSONSchemaProperty {
        .object("The desired RAG pipeline: where telemetry comes from, how it is embedded and stored, which LLM answers, and how the backend, UI, consumer and producer run. Only llm and vectorStore are required.", properties: [
            "image": .string("RAG runtime image used by the backend, UI, consumer and producer. Defaults to the operator's configured runtime image.", minLength: 1),
            "imagePullPolicy": .string("When to pull images. Defaults to IfNotPresent.", allowed: ["Always", "IfNotPresent", "Never"], default: RAGPipelineDefaults.imagePullPolicy),
            "imagePullSecrets": .array("Secrets used to pull the images, added to every Pod.", items: SchemaBuilder.localObjectReference("A Secret of type kubernetes.io/dockerconfigjson.")),
            "aws": AWSSpec.schema,
            "source": SourceSpec.schema,
            "producer": ProducerSpec.schema,
            "embedding": EmbeddingSpec.schema,
            "vectorStore": VectorStoreSpec.schema,
            "llm": LLMSpec.schema,
            "retrieval": RetrievalSpec.schema,
            "backend": BackendSpec.schema("The query API (rag-runtime query): parses the question, searches the vector store and asks the LLM.", replicasDefault: "Defaults to 2 with OpenSearch and 1 with the embedded store (which supports only 1).", autoscaling: CPUAutoscalingSpec.schema("backend"), component: "backend"),
            "ui": UIComponentSpec.schema,
            "consumer": ConsumerSpec.schema("The stream consumer (rag-runtime consumer), which embeds and indexes every Kinesis record; runs only with source.kinesis.", replicasDefault: "Defaults to 1. Replicas split the shards with leases in source.kinesis.leaseTable and take over a failed replica's shards; replicas beyond the shard count stand by.", autoscaling: ConsumerAutoscalingSpec.schema, component: "consumer"),
            "networkPolicy": NetworkPolicySettings.schema,
        ], required: ["llm", "vectorStore"])
        .validated(by: "!has(self.producer) || !has(self.producer.enabled) || !self.producer.enabled || (has(self.source) && has(self.source.kinesis))", message: "producer.enabled needs source.kinesis: the producer writes to that stream")
        .validated(
            by: "!has(self.source) || !has(self.source.kinesis) || !has(self.source.kinesis.shardCount) || !has(self.consumer) || ((!has(self.consumer.replicas) || self.consumer.replicas <= self.source.kinesis.shardCount) && (!has(self.consumer.autoscaling) || self.consumer.autoscaling.maxReplicas <= self.source.kinesis.shardCount))",
            message: "consumer replicas (consumer.replicas or consumer.autoscaling.maxReplicas) may not exceed source.kinesis.shardCount")
    }
}
