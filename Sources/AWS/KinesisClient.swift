import Foundation

/// A client for Amazon Kinesis Data Streams (JSON 1.1 protocol, target prefix `Kinesis_20131202`).
///
/// ```swift
/// let kinesis = KinesisClient(http: AWSHTTPClient(service: .kinesis, region: region, endpoint: url,
///                                                  credentialProvider: provider, transport: transport))
/// for shard in try await kinesis.listShards(streamName: "vehicle-logs") {
///     var iterator = try await kinesis.getShardIterator(streamName: "vehicle-logs", shardID: shard.shardID, type: .trimHorizon)
///     let page = try await kinesis.getRecords(shardIterator: iterator)
/// }
/// ```
public struct KinesisClient: Sendable {
    /// The model's `targetPrefix`.
    public static let targetPrefix = "Kinesis_20131202"

    /// The HTTP layer, for the `kinesis` service.
    public var http: AWSHTTPClient

    /// Creates a client over an HTTP layer configured for ``AWSService/kinesis``.
    ///
    /// - Parameter http: The HTTP layer.
    public init(http: AWSHTTPClient) {
        self.http = http
    }

    /// Calls `Kinesis_20131202.<operation>` with `input`.
    ///
    /// - Parameters:
    ///   - operation: The operation name, such as `CreateStream`.
    ///   - input: The input shape.
    ///   - output: The output shape's type.
    /// - Returns: The decoded output.
    /// - Throws: ``AWSError``.
    public func call<Input: Encodable, Output: Decodable>(
        _ operation: String, _ input: Input, output: Output.Type = Output.self
    ) async throws(AWSError) -> Output {
        try await http.jsonRPC(target: "\(Self.targetPrefix).\(operation)", input: input, output: Output.self)
    }

    /// Every shard of the stream, following `NextToken` until the last page.
    ///
    /// The first call names the stream; follow-up calls send only `NextToken` (and `MaxResults`), as
    /// the Kinesis API requires (`StreamName` with `NextToken` is an `InvalidArgumentException`).
    /// moto_server wants both; use one page (the default size) against it.
    ///
    /// - Parameters:
    ///   - streamName: The stream.
    ///   - pageSize: `MaxResults` per call, 1…10000. Defaults to 1000.
    /// - Returns: The shards, in the order Kinesis lists them.
    /// - Throws: ``AWSError`` (`ResourceNotFoundException` for an unknown stream).
    public func listShards(streamName: String, pageSize: Int = 1000) async throws(AWSError) -> [KinesisShard] {
        struct Input: Encodable {
            var StreamName: String?
            var NextToken: String?
            var MaxResults: Int
        }
        struct Output: Decodable {
            var Shards: [KinesisShard]?
            var NextToken: String?
        }
        var shards: [KinesisShard] = []
        var input = Input(StreamName: streamName, NextToken: nil, MaxResults: pageSize)
        while true {
            let page = try await call("ListShards", input, output: Output.self)
            shards += page.Shards ?? []
            guard let token = page.NextToken, !token.isEmpty else { return shards }
            guard token != input.NextToken else {
                throw AWSError(code: .invalidResponse, message: "ListShards returned the NextToken it was sent")
            }
            input = Input(StreamName: nil, NextToken: token, MaxResults: pageSize)
        }
    }

    /// An iterator to read `shardID` from the position `type` names.
    ///
    /// - Parameters:
    ///   - streamName: The stream.
    ///   - shardID: The shard.
    ///   - type: Where to start.
    /// - Returns: The shard iterator, valid for 5 minutes.
    /// - Throws: ``AWSError``.
    public func getShardIterator(
        streamName: String, shardID: String, type: KinesisShardIteratorType
    ) async throws(AWSError) -> String {
        struct Input: Encodable {
            var StreamName: String
            var ShardId: String
            var ShardIteratorType: String
            var StartingSequenceNumber: String?
            var Timestamp: Date?
        }
        struct Output: Decodable { var ShardIterator: String }
        var input = Input(StreamName: streamName, ShardId: shardID, ShardIteratorType: "")
        switch type {
        case .trimHorizon: input.ShardIteratorType = "TRIM_HORIZON"
        case .latest: input.ShardIteratorType = "LATEST"
        case .atSequenceNumber(let number): (input.ShardIteratorType, input.StartingSequenceNumber) = ("AT_SEQUENCE_NUMBER", number)
        case .afterSequenceNumber(let number): (input.ShardIteratorType, input.StartingSequenceNumber) = ("AFTER_SEQUENCE_NUMBER", number)
        case .atTimestamp(let date): (input.ShardIteratorType, input.Timestamp) = ("AT_TIMESTAMP", date)
        }
        return try await call("GetShardIterator", input, output: Output.self).ShardIterator
    }

    /// One page of records from a shard iterator.
    ///
    /// - Parameters:
    ///   - shardIterator: The iterator from ``getShardIterator(streamName:shardID:type:)`` or the last page.
    ///   - limit: The most records to return, 1…10000, or `nil` for the service's default (10000).
    /// - Returns: The records and the next iterator.
    /// - Throws: ``AWSError`` (`ExpiredIteratorException` after 5 minutes; throttling is retried).
    public func getRecords(shardIterator: String, limit: Int? = nil) async throws(AWSError) -> KinesisGetRecordsOutput {
        struct Input: Encodable {
            var ShardIterator: String
            var Limit: Int?
        }
        return try await call("GetRecords", Input(ShardIterator: shardIterator, Limit: limit))
    }
}
