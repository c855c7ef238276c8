/// Where telemetry records come from.
public struct SourceSpec: Codable, Sendable, Equatable {
    /// An Amazon Kinesis Data Stream.
    public var kinesis: KinesisSpec?

    public init(kinesis: KinesisSpec? = nil) { self.kinesis = kinesis }

    static var schema: JSONSchemaProperty {
        .object("Where telemetry records come from. With a source, a consumer Deployment embeds and indexes every record.", properties: [
            "kinesis": KinesisSpec.schema,
        ])
    }
}

/// An Amazon Kinesis Data Stream read by the consumer (and written by the producer).
public struct KinesisSpec: Codable, Sendable, Equatable {
    /// The stream name (not the ARN).
    public var streamName: String
    /// Where a consumer with no checkpoint starts. Defaults: `TRIM_HORIZON`.
    public var startingPosition: KinesisStartingPosition?
    /// RFC 3339 time to start from, required with `AT_TIMESTAMP`.
    public var startingTimestamp: String?
    /// Records per batch. Defaults: 100.
    public var batchSize: Int?
    /// The DynamoDB table of shard leases and checkpoints. Defaults: `rag-<namespace>-<name>-leases`.
    public var leaseTable: String?
    /// The stream's open shard count (as Terraform's `kinesis_shard_count` created it). When set,
    /// consumer replicas, fixed or autoscaled, may not exceed it: a shard is read by one replica.
    public var shardCount: Int?

    public init(
        streamName: String, startingPosition: KinesisStartingPosition? = nil, startingTimestamp: String? = nil,
        batchSize: Int? = nil, leaseTable: String? = nil
    ) {
        self.streamName = streamName
        self.startingPosition = startingPosition
        self.startingTimestamp = startingTimestamp
        self.batchSize = batchSize
        self.leaseTable = leaseTable
    }

    static var schema: JSONSchemaProperty {
        .object("An Amazon Kinesis Data Stream of telemetry records.", properties: [
            "streamName": .string("Name of the Kinesis stream (not its ARN).", pattern: #"^[a-zA-Z0-9_.-]+$"#, minLength: 1, maxLength: 128),
            "startingPosition": .string("Where a consumer without a checkpoint starts reading: TRIM_HORIZON (oldest retained record), LATEST (new records only) or AT_TIMESTAMP (startingTimestamp). Defaults to TRIM_HORIZON.", allowed: KinesisStartingPosition.allCases.map(\.rawValue), default: RAGPipelineDefaults.startingPosition.rawValue),
            "startingTimestamp": JSONSchemaProperty(json: ["type": "string", "format": "date-time", "description": "RFC 3339 time to start reading from; required when startingPosition is AT_TIMESTAMP."]),
            "batchSize": .integer("Records fetched, embedded and indexed per batch. Defaults to 100.", minimum: 1, maximum: 10000, default: RAGPipelineDefaults.batchSize),
            "shardCount": .integer("The stream's open shard count. When set, consumer.replicas and consumer.autoscaling.maxReplicas may not exceed it: each shard is read by one replica at a time, so more replicas would only stand by.", minimum: 1, maximum: 10000),
            "leaseTable": .string("DynamoDB table (partition key `shard`, string) holding one lease and checkpoint per shard, shared by the consumer replicas: they split the shards between them, and a replica that dies has its shards taken over from its last checkpoint. The consumer creates an on-demand table when it is missing (its role then needs dynamodb:CreateTable and DescribeTable). Defaults to rag-<namespace>-<name>-leases.", pattern: #"^[a-zA-Z0-9_.-]+$"#, minLength: 3, maxLength: 255),
        ], required: ["streamName"])
        .validated(by: "!has(self.startingPosition) || self.startingPosition != 'AT_TIMESTAMP' || has(self.startingTimestamp)", message: "startingTimestamp is required when startingPosition is AT_TIMESTAMP")
    }
}

/// Where a Kinesis consumer with no checkpoint starts reading.
public enum KinesisStartingPosition: String, Codable, Sendable, CaseIterable {
    /// The oldest record still retained.
    case trimHorizon = "TRIM_HORIZON"
    /// Only records written after the consumer starts.
    case latest = "LATEST"
    /// Records written at or after `startingTimestamp`.
    case atTimestamp = "AT_TIMESTAMP"
}
