import AWS
import Foundation
import TelemetryModel

/// Writes records to a Kinesis stream with `PutRecords`, partitioned by `vehicle_id`.
///
/// The partition key keeps one vehicle's events in order on one shard, and a fleet's vehicles
/// spread over every shard (Kinesis hashes the key with MD5). Entries that fail are retried by
/// ``KinesisClient/putRecords(streamName:records:)``; any still failing make ``write(_:)`` throw.
public struct KinesisTelemetryWriter: TelemetryWriter {
    /// The client.
    public let kinesis: KinesisClient
    /// The stream name.
    public let streamName: String

    /// Creates a writer.
    public init(kinesis: KinesisClient, streamName: String) {
        self.kinesis = kinesis
        self.streamName = streamName
    }

    /// Puts the records.
    ///
    /// - Throws: ``TelemetrySimulatorError/putRecordsFailed(failed:errorCode:)`` or the client's ``AWSError``.
    public func write(_ records: [TelemetryRecord]) async throws {
        let encoder = JSONEncoder()
        let entries = try records.map { KinesisPutRecordsEntry(data: try encoder.encode($0), partitionKey: $0.vehicleID) }
        let results = try await kinesis.putRecords(streamName: streamName, records: entries)
        let failed = results.filter { !$0.isSuccess }
        if let first = failed.first {
            throw TelemetrySimulatorError.putRecordsFailed(failed: failed.count, errorCode: first.errorCode ?? "unknown")
        }
    }
}
