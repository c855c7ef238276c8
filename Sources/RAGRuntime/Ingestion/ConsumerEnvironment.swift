import AWS
import Foundation
import RuntimeContract
import TelemetryModel

/// The consumer's (and the producer's) settings from the process environment. The Kinesis
/// settings the operator sets: `KINESIS_STREAM_NAME`, `KINESIS_STARTING_POSITION` (`TRIM_HORIZON`
/// | `LATEST` | `AT_TIMESTAMP`), `KINESIS_STARTING_TIMESTAMP` (ISO-8601, for `AT_TIMESTAMP`), `KINESIS_BATCH_SIZE`, and the AWS
/// region, endpoint overrides (`AWS_ENDPOINT_URL_KINESIS`, `AWS_ENDPOINT_URL_DYNAMODB`) and
/// credential chain; and the lease settings: `LEASE_TABLE` (DynamoDB table of shard leases and
/// checkpoints), `LEASE_TABLE_CREATE` (create it when missing; default `true`),
/// `LEASE_DURATION_SECONDS` (failover time; default 10), `WORKER_ID` (default: `HOSTNAME` plus a
/// random suffix).
///
/// ```swift
/// let kinesis = try ConsumerEnvironment.client(environment: ProcessInfo.processInfo.environment)
/// ```
public enum ConsumerEnvironment {
    /// A Kinesis client for the environment's region, endpoint and credentials.
    ///
    /// - Throws: ``AWSError`` naming the missing region or credentials.
    public static func client(
        environment: [String: String], transport: any AWSHTTPTransport = AsyncHTTPClientTransport()
    ) throws -> KinesisClient {
        KinesisClient(http: try AWSClientFactory.httpClient(for: .kinesis, environment: environment, transport: transport))
    }

    /// The lease table `LEASE_TABLE` names, or `nil` when it is not set (one replica, checkpoint files).
    ///
    /// - Throws: ``AWSError`` naming the missing region or credentials.
    public static func leaseTable(
        environment: [String: String], transport: any AWSHTTPTransport = AsyncHTTPClientTransport()
    ) throws -> DynamoDBShardLeaseTable? {
        guard let name = environment[RuntimeVariable.leaseTable.name], !name.isEmpty else { return nil }
        let dynamo = DynamoDBClient(http: try AWSClientFactory.httpClient(for: .dynamoDB, environment: environment, transport: transport))
        return DynamoDBShardLeaseTable(dynamo: dynamo, tableName: name)
    }

    /// `LEASE_TABLE_CREATE`: whether a missing lease table is created; defaults to `true`.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` for anything but `true` or `false`.
    public static func createsLeaseTable(environment: [String: String]) throws -> Bool {
        switch environment[RuntimeVariable.leaseTableCreate.name]?.lowercased() ?? "true" {
        case "true", "": return true
        case "false": return false
        case let other: throw IngestionError.invalidConfiguration("LEASE_TABLE_CREATE must be true or false, got \(other)")
        }
    }

    /// `LEASE_DURATION_SECONDS`, 3…300; defaults to 10.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` for anything else.
    public static func leaseDuration(environment: [String: String]) throws -> Duration {
        guard let text = environment[RuntimeVariable.leaseDurationSeconds.name], !text.isEmpty else { return .seconds(10) }
        guard let seconds = Int(text), (3...300).contains(seconds) else {
            throw IngestionError.invalidConfiguration("LEASE_DURATION_SECONDS must be 3...300, got \(text)")
        }
        return .seconds(seconds)
    }

    /// `WORKER_ID`, else `HOSTNAME` (the pod name) with a random suffix, so a restarted pod with
    /// the same name never mistakes its predecessor's leases for its own.
    public static func workerID(environment: [String: String]) -> String {
        if let id = environment[RuntimeVariable.workerID.name], !id.isEmpty { return id }
        let host = environment["HOSTNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.hostName
        return "\(host)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The stream name from `KINESIS_STREAM_NAME`, unless `override` is given.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` when neither is set.
    public static func streamName(_ override: String?, environment: [String: String]) throws -> String {
        guard let name = override ?? environment[RuntimeVariable.kinesisStreamName.name], !name.isEmpty else {
            throw IngestionError.invalidConfiguration("no stream: pass --stream NAME or set KINESIS_STREAM_NAME")
        }
        return name
    }

    /// The starting position; defaults to `TRIM_HORIZON`.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` for an unknown position, or
    ///   `AT_TIMESTAMP` without a valid `KINESIS_STARTING_TIMESTAMP`.
    public static func startingPosition(environment: [String: String]) throws -> KinesisShardIteratorType {
        switch environment[RuntimeVariable.kinesisStartingPosition.name]?.uppercased() ?? "TRIM_HORIZON" {
        case "TRIM_HORIZON", "": return .trimHorizon
        case "LATEST": return .latest
        case "AT_TIMESTAMP":
            let text = environment[RuntimeVariable.kinesisStartingTimestamp.name] ?? ""
            guard let date = FastTimestamp.date(from: text) ?? UTCTimestamp.date(from: text) else {
                throw IngestionError.invalidConfiguration("KINESIS_STARTING_TIMESTAMP must be ISO-8601 for AT_TIMESTAMP, got \"\(text)\"")
            }
            return .atTimestamp(date)
        case let other:
            throw IngestionError.invalidConfiguration("KINESIS_STARTING_POSITION must be TRIM_HORIZON, LATEST or AT_TIMESTAMP, got \(other)")
        }
    }

    /// `KINESIS_BATCH_SIZE`, 1…10000; defaults to 500.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` for anything else.
    public static func batchSize(environment: [String: String]) throws -> Int {
        guard let text = environment[RuntimeVariable.kinesisBatchSize.name], !text.isEmpty else { return 500 }
        guard let size = Int(text), (1...10_000).contains(size) else {
            throw IngestionError.invalidConfiguration("KINESIS_BATCH_SIZE must be 1...10000, got \(text)")
        }
        return size
    }
}
