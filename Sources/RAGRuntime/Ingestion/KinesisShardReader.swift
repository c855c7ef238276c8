import AWS
import Foundation

/// Reads one Kinesis shard page by page, renewing an expired iterator after the last record read.
struct KinesisShardReader: Sendable {
    /// One page.
    struct Page: Sendable {
        var records: [SourceRecord]
        var millisBehindLatest: Int?
        /// The shard is closed and fully read.
        var ended: Bool
    }

    let kinesis: KinesisClient
    let streamName: String
    let shardID: String
    let start: KinesisShardIteratorType
    let limit: Int
    private var iterator: String?
    private var lastSequence: String?

    init(kinesis: KinesisClient, streamName: String, shardID: String, start: KinesisShardIteratorType, limit: Int) {
        self.kinesis = kinesis
        self.streamName = streamName
        self.shardID = shardID
        self.start = start
        self.limit = limit
    }

    /// The next page.
    ///
    /// - Throws: ``AWSError`` after the client's retries.
    mutating func next() async throws -> Page {
        let current: String
        if let iterator { current = iterator } else { current = try await freshIterator() }
        var result: Result<KinesisGetRecordsOutput, AWSError>
        do {
            result = .success(try await kinesis.getRecords(shardIterator: current, limit: limit))
        } catch {
            result = .failure(error)
        }
        if case .failure(let error) = result, error.errorCode == "ExpiredIteratorException" {
            // Iterators live 5 minutes: a slow batch outlives one. Resume after the last record read.
            result = .success(try await kinesis.getRecords(shardIterator: try await freshIterator(), limit: limit))
        }
        let output = try result.get()
        iterator = output.nextShardIterator
        if let last = output.records.last { lastSequence = last.sequenceNumber }
        let records = output.records.map {
            SourceRecord(shard: shardID, position: $0.sequenceNumber, data: $0.data, arrivedAt: $0.approximateArrivalTimestamp)
        }
        return Page(records: records, millisBehindLatest: output.millisBehindLatest, ended: output.nextShardIterator == nil)
    }

    private func freshIterator() async throws(AWSError) -> String {
        let type = lastSequence.map(KinesisShardIteratorType.afterSequenceNumber) ?? start
        return try await kinesis.getShardIterator(streamName: streamName, shardID: shardID, type: type)
    }
}
