import Foundation

/// A shard of a Kinesis stream (`Shard` in the Kinesis model).
public struct KinesisShard: Sendable, Hashable, Decodable {
    /// The shard ID, such as `shardId-000000000000`.
    public var shardID: String
    /// The parent shard after a split or merge, if any.
    public var parentShardID: String?
    /// The adjacent parent after a merge, if any.
    public var adjacentParentShardID: String?
    /// The first hash key of the shard's range, as a decimal string (128-bit).
    public var startingHashKey: String
    /// The last hash key of the shard's range, as a decimal string.
    public var endingHashKey: String
    /// The first sequence number of the shard.
    public var startingSequenceNumber: String
    /// The last sequence number of a closed shard; `nil` while the shard is open.
    public var endingSequenceNumber: String?

    private enum CodingKeys: String, CodingKey {
        case shardID = "ShardId", parentShardID = "ParentShardId", adjacentParentShardID = "AdjacentParentShardId"
        case hashKeyRange = "HashKeyRange", sequenceNumberRange = "SequenceNumberRange"
    }
    private enum RangeKeys: String, CodingKey {
        case startingHashKey = "StartingHashKey", endingHashKey = "EndingHashKey"
        case startingSequenceNumber = "StartingSequenceNumber", endingSequenceNumber = "EndingSequenceNumber"
    }

    /// Creates a shard description (for tests and planners; the service's come from ``init(from:)``).
    public init(
        shardID: String, parentShardID: String? = nil, adjacentParentShardID: String? = nil,
        startingHashKey: String = "0", endingHashKey: String = "340282366920938463463374607431768211455",
        startingSequenceNumber: String = "0", endingSequenceNumber: String? = nil
    ) {
        self.shardID = shardID
        self.parentShardID = parentShardID
        self.adjacentParentShardID = adjacentParentShardID
        self.startingHashKey = startingHashKey
        self.endingHashKey = endingHashKey
        self.startingSequenceNumber = startingSequenceNumber
        self.endingSequenceNumber = endingSequenceNumber
    }

    /// Decodes the model's nested `HashKeyRange` and `SequenceNumberRange` into flat properties.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        shardID = try container.decode(String.self, forKey: .shardID)
        parentShardID = try container.decodeIfPresent(String.self, forKey: .parentShardID)
        adjacentParentShardID = try container.decodeIfPresent(String.self, forKey: .adjacentParentShardID)
        let hashes = try container.nestedContainer(keyedBy: RangeKeys.self, forKey: .hashKeyRange)
        startingHashKey = try hashes.decode(String.self, forKey: .startingHashKey)
        endingHashKey = try hashes.decode(String.self, forKey: .endingHashKey)
        let sequences = try container.nestedContainer(keyedBy: RangeKeys.self, forKey: .sequenceNumberRange)
        startingSequenceNumber = try sequences.decode(String.self, forKey: .startingSequenceNumber)
        endingSequenceNumber = try sequences.decodeIfPresent(String.self, forKey: .endingSequenceNumber)
    }
}

/// Where a shard iterator starts (`ShardIteratorType` plus its argument).
public enum KinesisShardIteratorType: Sendable, Hashable {
    /// The oldest record still retained.
    case trimHorizon
    /// Just after the newest record: only records put from now on.
    case latest
    /// At the record with this sequence number.
    case atSequenceNumber(String)
    /// Just after the record with this sequence number (resuming from a checkpoint).
    case afterSequenceNumber(String)
    /// At the first record at or after this time.
    case atTimestamp(Date)
}

/// A record read from a shard (`Record` in the Kinesis model).
public struct KinesisRecord: Sendable, Hashable, Decodable {
    /// The record's sequence number, unique within its shard.
    public var sequenceNumber: String
    /// The record's bytes, base64-decoded.
    public var data: Data
    /// The partition key it was put with.
    public var partitionKey: String
    /// When Kinesis received it.
    public var approximateArrivalTimestamp: Date?

    private enum CodingKeys: String, CodingKey {
        case sequenceNumber = "SequenceNumber", data = "Data", partitionKey = "PartitionKey"
        case approximateArrivalTimestamp = "ApproximateArrivalTimestamp"
    }
}

/// One page of ``KinesisClient/getRecords(shardIterator:limit:)``.
public struct KinesisGetRecordsOutput: Sendable, Decodable {
    /// The records, oldest first; may be empty even when more follow.
    public var records: [KinesisRecord]
    /// The iterator for the next call; `nil` once a closed shard is fully read.
    public var nextShardIterator: String?
    /// How far behind the tip of the shard this page is, in milliseconds.
    public var millisBehindLatest: Int?

    private enum CodingKeys: String, CodingKey {
        case records = "Records", nextShardIterator = "NextShardIterator", millisBehindLatest = "MillisBehindLatest"
    }
}

/// A record to put (`PutRecordsRequestEntry`).
public struct KinesisPutRecordsEntry: Sendable, Hashable, Encodable {
    /// The bytes; base64-encoded on the wire. Data plus partition key must not exceed 1 MiB.
    public var data: Data
    /// Chooses the shard (MD5 of the key), up to 256 characters.
    public var partitionKey: String
    /// A decimal 128-bit hash that overrides the partition key's, or `nil`.
    public var explicitHashKey: String?

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - data: The record's bytes.
    ///   - partitionKey: The partition key.
    ///   - explicitHashKey: An explicit hash key. Defaults to `nil`.
    public init(data: Data, partitionKey: String, explicitHashKey: String? = nil) {
        self.data = data
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
    }

    private enum CodingKeys: String, CodingKey {
        case data = "Data", partitionKey = "PartitionKey", explicitHashKey = "ExplicitHashKey"
    }
}

/// The outcome of one record of ``KinesisClient/putRecords(streamName:records:)``
/// (`PutRecordsResultEntry`): a sequence number and shard, or an error code.
public struct KinesisPutRecordResult: Sendable, Hashable, Decodable {
    /// The sequence number given to the record, when it was stored.
    public var sequenceNumber: String?
    /// The shard that stored the record.
    public var shardID: String?
    /// `ProvisionedThroughputExceededException` or `InternalFailure` when the record was not stored.
    public var errorCode: String?
    /// The error's message.
    public var errorMessage: String?

    /// Whether the record was stored.
    public var isSuccess: Bool { errorCode == nil }

    /// Creates a result, for tests and for records that were never answered.
    ///
    /// - Parameters:
    ///   - sequenceNumber: The sequence number. Defaults to `nil`.
    ///   - shardID: The shard. Defaults to `nil`.
    ///   - errorCode: The error code. Defaults to `nil`.
    ///   - errorMessage: The error message. Defaults to `nil`.
    public init(sequenceNumber: String? = nil, shardID: String? = nil, errorCode: String? = nil, errorMessage: String? = nil) {
        self.sequenceNumber = sequenceNumber
        self.shardID = shardID
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    private enum CodingKeys: String, CodingKey {
        case sequenceNumber = "SequenceNumber", shardID = "ShardId", errorCode = "ErrorCode"
        case errorMessage = "ErrorMessage"
    }
}
