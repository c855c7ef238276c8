import Foundation

extension KinesisClient {
    /// The most records one `PutRecords` call takes (the model's list `max`).
    public static let maximumRecordsPerPut = 500

    /// Puts records, in calls of at most 500, and sends again only the records that failed.
    ///
    /// `PutRecords` succeeds as a whole even when some records are throttled
    /// (`ProvisionedThroughputExceededException`) or fail (`InternalFailure`): those come back with
    /// an `ErrorCode`. They are retried alone, after the HTTP layer's backoff (full jitter), until
    /// they succeed or ``AWSRetryStrategy/maximumAttempts`` calls have been made for them.
    ///
    /// ```swift
    /// let results = try await kinesis.putRecords(streamName: "vehicle-logs", records: entries)
    /// let failed = results.filter { !$0.isSuccess }   // still failing after the retries
    /// ```
    ///
    /// - Parameters:
    ///   - streamName: The stream.
    ///   - records: The records, in order.
    /// - Returns: One result per record, in the same order: a sequence number and shard, or the
    ///   last error code.
    /// - Throws: ``AWSError`` when a whole call fails after the HTTP layer's own retries.
    public func putRecords(
        streamName: String, records: [KinesisPutRecordsEntry]
    ) async throws(AWSError) -> [KinesisPutRecordResult] {
        var results: [KinesisPutRecordResult] = []
        results.reserveCapacity(records.count)
        var start = 0
        while start < records.count {
            let end = min(start + Self.maximumRecordsPerPut, records.count)
            results += try await putBatch(streamName: streamName, records: Array(records[start..<end]))
            start = end
        }
        return results
    }

    private func putBatch(
        streamName: String, records: [KinesisPutRecordsEntry]
    ) async throws(AWSError) -> [KinesisPutRecordResult] {
        struct Input: Encodable {
            var StreamName: String
            var Records: [KinesisPutRecordsEntry]
        }
        struct Output: Decodable {
            var FailedRecordCount: Int?
            var Records: [KinesisPutRecordResult]
        }
        let strategy = http.retryStrategy
        var results = [KinesisPutRecordResult?](repeating: nil, count: records.count)
        var pending = Array(records.indices)
        var attempt = 1
        while true {
            let input = Input(StreamName: streamName, Records: pending.map { records[$0] })
            let output = try await call("PutRecords", input, output: Output.self)
            guard output.Records.count == pending.count else {
                throw AWSError(
                    code: .invalidResponse,
                    message: "PutRecords returned \(output.Records.count) results for \(pending.count) records")
            }
            var failed: [Int] = []
            for (index, result) in zip(pending, output.Records) {
                results[index] = result
                if !result.isSuccess { failed.append(index) }
            }
            guard !failed.isEmpty, attempt < strategy.maximumAttempts else { break }
            http.logger.debug("retrying failed Kinesis records", metadata: [
                "aws.attempt": "\(attempt)", "kinesis.failed": "\(failed.count)",
            ])
            do { try await strategy.sleep(strategy.delay(beforeRetry: attempt)) } catch { break }
            pending = failed
            attempt += 1
        }
        return results.map { $0 ?? KinesisPutRecordResult(errorCode: "NotSent") }
    }
}
