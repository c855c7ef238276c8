import AWS
import Foundation
import Synchronization

/// A Kinesis stream that was resharded, as the service shows it: a closed parent whose last
/// `GetRecords` page has no `NextShardIterator`, and open children that name it as their parent.
/// (moto_server re-puts a split parent's records into whichever shard matches first, often the
/// parent again, so it cannot show this.) An in-memory `AWSHTTPTransport` for `ListShards`,
/// `GetShardIterator` and `GetRecords`; it counts reads of children before their parent ended.
final class ReshardedKinesisEmulator: AWSHTTPTransport, Sendable {
    struct Shard {
        var id: String
        var parents: [String]
        var records: [Data]
        var closed: Bool
        var sequenceBase: Int
    }

    private let shards: [Shard]
    private let state = Mutex((parentEndsSeen: Set<String>(), childReadsTooEarly: 0))

    /// `layout` maps a shard ID to its parents, its payloads and whether it is closed.
    init(_ layout: [(id: String, parents: [String], records: [Data], closed: Bool)]) {
        var base = 1_000
        shards = layout.map { shard in
            defer { base += 1_000 }
            return Shard(id: shard.id, parents: shard.parents, records: shard.records, closed: shard.closed, sequenceBase: base)
        }
    }

    var childReadsTooEarly: Int { state.withLock { $0.childReadsTooEarly } }

    func client() -> KinesisClient {
        KinesisClient(http: AWSHTTPClient(
            service: .kinesis, region: "us-east-1", endpoint: URL(string: "https://kinesis.us-east-1.amazonaws.com")!,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")),
            transport: self))
    }

    func send(_ request: AWSRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let target = request.headerValue(named: "X-Amz-Target") ?? ""
        let input = (try JSONSerialization.jsonObject(with: request.body) as? [String: Any]) ?? [:]
        let output: [String: Any]
        switch target {
        case "Kinesis_20131202.ListShards":
            output = ["Shards": shards.map { shard -> [String: Any] in
                var range: [String: Any] = ["StartingSequenceNumber": String(shard.sequenceBase)]
                if shard.closed { range["EndingSequenceNumber"] = String(shard.sequenceBase + shard.records.count - 1) }
                var listed: [String: Any] = [
                    "ShardId": shard.id, "SequenceNumberRange": range,
                    "HashKeyRange": ["StartingHashKey": "0", "EndingHashKey": "340282366920938463463374607431768211455"],
                ]
                if let parent = shard.parents.first { listed["ParentShardId"] = parent }
                if shard.parents.count > 1 { listed["AdjacentParentShardId"] = shard.parents[1] }
                return listed
            }]
        case "Kinesis_20131202.GetShardIterator":
            guard let shard = shards.first(where: { $0.id == input["ShardId"] as? String }) else { return Self.error("ResourceNotFoundException") }
            var index = 0
            if input["ShardIteratorType"] as? String == "AFTER_SEQUENCE_NUMBER", let number = Int(input["StartingSequenceNumber"] as? String ?? "") {
                index = number - shard.sequenceBase + 1
            }
            output = ["ShardIterator": "\(shard.id)|\(index)"]
        case "Kinesis_20131202.GetRecords":
            let parts = (input["ShardIterator"] as? String ?? "").split(separator: "|")
            guard parts.count == 2, let shard = shards.first(where: { $0.id == parts[0] }), let start = Int(parts[1]) else {
                return Self.error("InvalidArgumentException")
            }
            let ended = state.withLock { $0.parentEndsSeen }
            if !shard.parents.allSatisfy(ended.contains) { state.withLock { $0.childReadsTooEarly += 1 } }
            let limit = input["Limit"] as? Int ?? 10_000
            let end = min(start + limit, shard.records.count)
            let records = (start..<end).map { index -> [String: Any] in
                ["SequenceNumber": String(shard.sequenceBase + index), "Data": shard.records[index].base64EncodedString(), "PartitionKey": "k"]
            }
            var page: [String: Any] = ["Records": records, "MillisBehindLatest": end == shard.records.count ? 0 : 1_000]
            if shard.closed && end == shard.records.count {
                state.withLock { _ = $0.parentEndsSeen.insert(shard.id) }   // the last page of a closed shard: no next iterator
            } else {
                page["NextShardIterator"] = "\(shard.id)|\(end)"
            }
            output = page
        default:
            return Self.error("UnknownOperationException")
        }
        return AWSHTTPResponse(status: 200, headers: [("Content-Type", "application/x-amz-json-1.1")], body: try JSONSerialization.data(withJSONObject: output))
    }

    static func error(_ type: String) -> AWSHTTPResponse {
        AWSHTTPResponse(status: 400, headers: [], body: Data("{\"__type\": \"\(type)\", \"message\": \"emulated\"}".utf8))
    }
}
