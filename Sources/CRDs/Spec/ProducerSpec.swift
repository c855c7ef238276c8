import KubernetesCore

/// The synthetic telemetry producer: writes vehicle-log records to the Kinesis stream, for demos and load tests.
public struct ProducerSpec: Codable, Sendable, Equatable {
    /// Whether the producer Deployment runs. Defaults: `false`.
    public var enabled: Bool?
    /// Records written per minute. Defaults: 100.
    public var recordsPerMinute: Int?
    /// Overrides `aws.podIdentity` for the producer.
    public var podIdentity: PodIdentitySpec?
    /// Resources for the producer container. Defaults: 50m CPU, 64Mi memory requested; 256Mi limit.
    public var resources: ResourceRequirements?

    public init(enabled: Bool? = nil, recordsPerMinute: Int? = nil) {
        self.enabled = enabled
        self.recordsPerMinute = recordsPerMinute
    }

    static var schema: JSONSchemaProperty {
        .object("The synthetic telemetry producer, which writes vehicle-log records to source.kinesis (for demos and load tests). Requires source.kinesis.", properties: [
            "enabled": .boolean("Run the producer Deployment. Defaults to false.", default: false),
            "recordsPerMinute": .integer("Records written per minute. Defaults to 100.", minimum: 1, maximum: 600_000, default: RAGPipelineDefaults.recordsPerMinute),
            "podIdentity": PodIdentitySpec.schema.described("IAM role for the producer, overriding aws.podIdentity. Needs kinesis:PutRecords on the stream."),
            "resources": SchemaBuilder.resources("CPU and memory for the producer container. Defaults to 50m CPU and 64Mi requested, 256Mi memory limit."),
        ])
    }
}
