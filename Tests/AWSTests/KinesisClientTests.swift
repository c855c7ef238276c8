import Foundation
import Testing

@testable import AWS

/// Kinesis request shapes and partial-failure handling, against a scripted transport.
@Suite struct KinesisClientTests {
    let sleeps = SleepRecorder()

    func kinesis(_ transport: ScriptedTransport) -> KinesisClient {
        KinesisClient(http: AWSHTTPClient(
            service: .kinesis, region: "us-east-1", endpoint: URL(string: "https://kinesis.us-east-1.amazonaws.com")!,
            credentialProvider: StaticCredentialProvider(.test), transport: transport,
            retryStrategy: AWSRetryStrategy(random: { 1 }, sleep: sleeps.closure)))
    }

    static func shard(_ id: Int) -> String {
        #"{"ShardId":"shardId-\#(id)","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"9"},"SequenceNumberRange":{"StartingSequenceNumber":"1"}}"#
    }

    func json(_ request: AWSRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
    }

    @Test func listShardsFollowsNextTokenWithoutTheStreamName() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.ok(#"{"Shards":[\#(Self.shard(0))],"NextToken":"page-2"}"#),
            ScriptedTransport.ok(#"{"Shards":[\#(Self.shard(1))]}"#),
        ])
        let shards = try await kinesis(transport).listShards(streamName: "logs", pageSize: 1)
        #expect(shards.map(\.shardID) == ["shardId-0", "shardId-1"])
        let requests = transport.requests
        #expect(requests.map { $0.headerValue(named: "X-Amz-Target") } == Array(repeating: "Kinesis_20131202.ListShards", count: 2))
        #expect(requests[0].headerValue(named: "Content-Type") == "application/x-amz-json-1.1")
        #expect(try json(requests[0])["StreamName"] as? String == "logs")
        #expect(try json(requests[1])["StreamName"] == nil)
        #expect(try json(requests[1])["NextToken"] as? String == "page-2")
    }

    @Test func putRecordsRetriesOnlyTheFailedRecordsAndKeepsTheirOrder() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.ok(#"""
                {"FailedRecordCount":2,"Records":[{"SequenceNumber":"1","ShardId":"s0"},
                {"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"slow down"},
                {"SequenceNumber":"3","ShardId":"s1"},{"ErrorCode":"InternalFailure","ErrorMessage":"oops"}]}
                """#),
            ScriptedTransport.ok(#"{"FailedRecordCount":1,"Records":[{"SequenceNumber":"5","ShardId":"s1"},{"ErrorCode":"InternalFailure"}]}"#),
            ScriptedTransport.ok(#"{"FailedRecordCount":0,"Records":[{"SequenceNumber":"6","ShardId":"s0"}]}"#),
        ])
        let entries = (0..<4).map { KinesisPutRecordsEntry(data: Data("r\($0)".utf8), partitionKey: "k\($0)") }
        let results = try await kinesis(transport).putRecords(streamName: "logs", records: entries)
        #expect(results.map(\.sequenceNumber) == ["1", "5", "3", "6"])
        #expect(results.allSatisfy { $0.isSuccess })
        let sent = try transport.requests.map { try json($0)["Records"] as? [[String: Any]] ?? [] }
        #expect(sent.map { $0.map { $0["PartitionKey"] as? String ?? "" } } == [["k0", "k1", "k2", "k3"], ["k1", "k3"], ["k3"]])
        #expect(try json(transport.requests[0])["Records"].map { ($0 as? [[String: Any]])?.first?["Data"] as? String } == "cjA=")
        #expect(sleeps.recorded == [.seconds(1), .seconds(2)])
    }

    @Test func putRecordsGivesUpAfterTheMaximumAttemptsAndReportsTheLastErrorCode() async throws {
        let failed = #"{"FailedRecordCount":1,"Records":[{"ErrorCode":"ProvisionedThroughputExceededException"}]}"#
        let transport = ScriptedTransport(Array(repeating: ScriptedTransport.ok(failed), count: 5))
        let results = try await kinesis(transport).putRecords(
            streamName: "logs", records: [KinesisPutRecordsEntry(data: Data("x".utf8), partitionKey: "k")])
        #expect(transport.requests.count == 3)
        #expect(results.map(\.errorCode) == ["ProvisionedThroughputExceededException"])
    }

    @Test func putRecordsSplitsIntoCallsOfFiveHundred() async throws {
        let page = { (count: Int) in
            ScriptedTransport.ok(#"{"FailedRecordCount":0,"Records":[\#(Array(repeating: #"{"SequenceNumber":"1","ShardId":"s"}"#, count: count).joined(separator: ","))]}"#)
        }
        let transport = ScriptedTransport([page(500), page(500), page(1)])
        let entries = (0..<1001).map { KinesisPutRecordsEntry(data: Data([UInt8($0 % 256)]), partitionKey: "k\($0)") }
        let results = try await kinesis(transport).putRecords(streamName: "logs", records: entries)
        #expect(results.count == 1001)
        #expect(transport.requests.count == 3)
    }
}
