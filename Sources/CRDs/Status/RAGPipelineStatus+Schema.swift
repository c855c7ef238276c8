extension RAGPipelineStatus {
    /// The `status` schema.
    static var schema: JSONSchemaProperty {
        .object("What the operator observed: conditions, the UI URL, replica counts and Pod Identity associations. Written only by the operator.", properties: [
            "observedGeneration": .integer("The .metadata.generation this status was computed from.", minimum: 0),
            "conditions": .array("Ready, BackendReady, UIReady, LLMReady, ConsumerReady, PodIdentityReady, IngressReady, InvalidSpec and Degraded.", items: SchemaBuilder.condition)
                .listMap(keys: ["type"]),
            "url": .string("URL of the UI, from the Ingress load balancer hostname."),
            "llmModel": .string("The model answering questions (llm.vllm.model or llm.external.model)."),
            "components": .object("Desired and ready replicas per component; a component that does not run is omitted.", properties: [
                "backend": ReplicaCounts.schema("The query API."),
                "ui": ReplicaCounts.schema("The web UI."),
                "consumer": ReplicaCounts.schema("The Kinesis consumer."),
                "producer": ReplicaCounts.schema("The telemetry producer."),
                "llm": ReplicaCounts.schema("The operator-managed vLLM."),
            ]),
            "podIdentityAssociations": .array("EKS Pod Identity associations created for the components' ServiceAccounts; deleted with the RAGPipeline.", items: PodIdentityAssociationStatus.schema)
                .listMap(keys: ["serviceAccount"]),
        ])
    }
}

extension ReplicaCounts {
    static func schema(_ description: String) -> JSONSchemaProperty {
        .object(description, properties: [
            "desired": .integer("Replicas the spec asks for.", minimum: 0),
            "ready": .integer("Replicas ready to serve.", minimum: 0),
        ], required: ["desired", "ready"])
    }
}

extension PodIdentityAssociationStatus {
    static var schema: JSONSchemaProperty {
        .object("An EKS Pod Identity association binding a ServiceAccount to an IAM role.", properties: [
            "component": .string("The component using the ServiceAccount (backend, consumer, producer)."),
            "serviceAccount": .string("The ServiceAccount name."),
            "associationId": .string("The EKS association id (a-...)."),
            "roleArn": .string("The IAM role ARN."),
            "clusterName": .string("The EKS cluster the association lives in."),
        ], required: ["component", "serviceAccount", "associationId", "roleArn"])
    }
}
