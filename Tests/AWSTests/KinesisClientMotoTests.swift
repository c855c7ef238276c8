import AWSTesting
import Foundation
import Testing

@testable import AWS

/// The Kinesis client against moto_server on 127.0.0.1, started by the test.
@Suite(.serialized) struct KinesisClientMotoTests {
    func kinesis(_ endpoint: URL) -> KinesisClient {
        KinesisClient(http: AWSHTTPClient(
            service: .kinesis, region: "us-east-1", endpoint: endpoint,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            transport: AsyncHTTPClientTransport()))
    }

    @Test func oneThousandRecordsPutOverFourShardsAreAllReadBack() async throws {
        try await MotoServer.withRunning { endpoint in
            let kinesis = kinesis(endpoint)
            struct CreateStream: Encodable { var StreamName: String; var ShardCount: Int }
            struct Empty: Decodable {}
            _ = try await kinesis.call("CreateStream", CreateStream(StreamName: "vehicle-logs", ShardCount: 4), output: Empty.self)

            let shards = try await kinesis.listShards(streamName: "vehicle-logs")
            #expect(shards.count == 4)
            #expect(Set(shards.map(\.shardID)).count == 4)

            let entries = (0..<1000).map { index in
                KinesisPutRecordsEntry(data: Data(#"{"vehicle":\#(index % 37),"seq":\#(index)}"#.utf8), partitionKey: "vehicle-\(index)")
            }
            let started = ContinuousClock.now
            let results = try await kinesis.putRecords(streamName: "vehicle-logs", records: entries)
            #expect(results.count == 1000)
            #expect(results.allSatisfy { $0.isSuccess })
            #expect(Set(results.compactMap(\.shardID)).count == 4, "records should spread over every shard")

            var read: [Data] = []
            for shard in shards {
                var iterator: String? = try await kinesis.getShardIterator(
                    streamName: "vehicle-logs", shardID: shard.shardID, type: .trimHorizon)
                while let current = iterator {
                    let page = try await kinesis.getRecords(shardIterator: current, limit: 100)
                    read += page.records.map(\.data)
                    iterator = page.records.isEmpty ? nil : page.nextShardIterator
                }
            }
            let elapsed = ContinuousClock.now - started
            print("Kinesis round trip of 1,000 records over 4 shards via moto_server: \(elapsed)")
            #expect(read.count == 1000)
            #expect(Set(read) == Set(entries.map(\.data)))
        }
    }

    @Test func anUnknownStreamIsResourceNotFound() async throws {
        try await MotoServer.withRunning { endpoint in
            let error = await #expect(throws: AWSError.self) {
                try await kinesis(endpoint).listShards(streamName: "missing")
            }
            #expect(error?.errorCode == "ResourceNotFoundException")
            #expect(error?.statusCode == 400)
        }
    }
}
