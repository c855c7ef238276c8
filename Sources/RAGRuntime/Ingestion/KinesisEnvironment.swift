import AWS
import Foundation

/// Reads the Kinesis settings the operator sets: `KINESIS_STREAM_NAME`,
/// `KINESIS_STARTING_POSITION` (`TRIM_HORIZON` | `LATEST` | `AT_TIMESTAMP`),
/// `KINESIS_STARTING_TIMESTAMP` (ISO-8601, for `AT_TIMESTAMP`), `KINESIS_BATCH_SIZE`, and the AWS
/// region, endpoint overrides (`AWS_ENDPOINT_URL_KINESIS`) and credential chain.
///
/// ```swift
/// let kinesis = try KinesisEnvironment.client(environment: ProcessInfo.processInfo.environment)
/// ```
public enum KinesisEnvironment {
    /// A Kinesis client for the environment's region, endpoint and credentials.
    ///
    /// - Throws: ``AWSError`` naming the missing region or credentials.
    public static func client(
        environment: [String: String], transport: any AWSHTTPTransport = AsyncHTTPClientTransport()
    ) throws -> KinesisClient {
        let resolver = AWSEndpointResolver(environment: environment)
        let region = try resolver.region()
        let credentials = try AWSCredentialProviderChain.default(environment: environment, transport: transport)
        return KinesisClient(http: AWSHTTPClient(
            service: .kinesis, region: region, endpoint: try resolver.endpoint(for: .kinesis, region: region),
            credentialProvider: credentials, transport: transport))
    }

    /// The stream name from `KINESIS_STREAM_NAME`, unless `override` is given.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` when neither is set.
    public static func streamName(_ override: String?, environment: [String: String]) throws -> String {
        guard let name = override ?? environment["KINESIS_STREAM_NAME"], !name.isEmpty else {
            throw IngestionError.invalidConfiguration("no stream: pass --stream NAME or set KINESIS_STREAM_NAME")
        }
        return name
    }

    /// The starting position; defaults to `TRIM_HORIZON`.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` for an unknown position, or
    ///   `AT_TIMESTAMP` without a valid `KINESIS_STARTING_TIMESTAMP`.
    public static func startingPosition(environment: [String: String]) throws -> KinesisShardIteratorType {
        switch environment["KINESIS_STARTING_POSITION"]?.uppercased() ?? "TRIM_HORIZON" {
        case "TRIM_HORIZON", "": return .trimHorizon
        case "LATEST": return .latest
        case "AT_TIMESTAMP":
            let text = environment["KINESIS_STARTING_TIMESTAMP"] ?? ""
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
        guard let text = environment["KINESIS_BATCH_SIZE"], !text.isEmpty else { return 500 }
        guard let size = Int(text), (1...10_000).contains(size) else {
            throw IngestionError.invalidConfiguration("KINESIS_BATCH_SIZE must be 1...10000, got \(text)")
        }
        return size
    }
}
