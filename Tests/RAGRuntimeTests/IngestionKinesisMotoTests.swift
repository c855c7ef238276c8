import AWS
import AWSTesting
import Foundation
import Testing
@testable import RAGRuntime

/// Producer and consumers against moto_server Kinesis with 4 shards.
@Suite(.serialized) struct IngestionKinesisMotoTests {
    static let recordCount = 2_000   // 10,000 passes too, in 30 s (24.6 s consuming) on 2 shared cores

    func kinesis(_ endpoint: URL) -> KinesisClient {
        KinesisClient(http: AWSHTTPClient(
            service: .kinesis, region: "us-east-1", endpoint: endpoint,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            transport: AsyncHTTPClientTransport()))
    }

    func consumer(_ kinesis: KinesisClient, checkpoints: CheckpointStore, sink: any DocumentSink, instance: Int) throws -> KinesisConsumer {
        var processor = BatchProcessor(embedder: try HashingEmbedder(dimensions: 64), sink: sink, deadLetters: MemoryDeadLetters())
        processor.sleep = { _ in }
        var consumer = KinesisConsumer(kinesis: kinesis, streamName: "vehicle-logs", checkpoints: checkpoints, processor: processor)
        consumer.assignment = try KinesisShardPlan.Assignment(index: instance, count: 2)
        consumer.batchSize = 250
        consumer.commitInterval = .zero
        return consumer
    }

    @Test func twoReplicasOneReplacedHalfwayIndexEveryRecordExactlyOnce() async throws {
        try await MotoServer.withRunning { endpoint in
            let kinesis = kinesis(endpoint)
            struct CreateStream: Encodable { var StreamName: String; var ShardCount: Int }
            struct Empty: Decodable {}
            _ = try await kinesis.call("CreateStream", CreateStream(StreamName: "vehicle-logs", ShardCount: 4), output: Empty.self)

            let produced = try IngestionFixtures.records(count: Self.recordCount, seed: 11)
            let writer = KinesisTelemetryWriter(kinesis: kinesis, streamName: "vehicle-logs")
            let putStarted = ContinuousClock.now
            for start in stride(from: 0, to: produced.count, by: 500) {
                try await writer.write(Array(produced[start..<min(start + 500, produced.count)]))
            }
            let putTime = ContinuousClock.now - putStarted

            let checkpoints = try CheckpointStore(directory: try IngestionFixtures.temporaryDirectory())
            let store = try EmbeddedVectorStore(configuration: .init(dimensions: 64))
            let consumeStarted = ContinuousClock.now
            let replicaA = RecordingSink(VectorStoreSink(store))
            try await consumer(kinesis, checkpoints: checkpoints, sink: replicaA, instance: 0).run(until: .caughtUp)

            // Replica B dies half-way through its shards, in the middle of a batch.
            let replicaB = RecordingSink(VectorStoreSink(store), crashOnCall: (Self.recordCount / 2 / 250) / 2)
            let doomed = try consumer(kinesis, checkpoints: checkpoints, sink: replicaB, instance: 1)
            let run = Task { try await doomed.run() }
            for await _ in replicaB.crashed { break }
            run.cancel()
            await #expect(throws: (any Error).self) { try await run.value }
            let indexedBeforeReplacement = try await store.count()

            // Its replacement takes over shards 1 and 3 from the checkpoints.
            let replacement = RecordingSink(VectorStoreSink(store))
            try await consumer(kinesis, checkpoints: checkpoints, sink: replacement, instance: 1).run(until: .caughtUp)
            let consumeTime = ContinuousClock.now - consumeStarted

            let stored = IngestionFixtures.storedIDs(store)
            #expect(try await store.count() == Self.recordCount)
            #expect(stored.count == Self.recordCount && Set(stored) == Set(produced.map(\.eventID)))
            #expect(indexedBeforeReplacement < Self.recordCount)
            let delivered = replicaA.totalDeliveries + replicaB.totalDeliveries + replacement.totalDeliveries
            #expect(delivered >= Self.recordCount && delivered <= Self.recordCount + 250, "at most the interrupted batch is replayed")
            let shards = try await kinesis.listShards(streamName: "vehicle-logs")
            #expect(try shards.allSatisfy { try checkpoints.position(for: $0.shardID) != nil })
            print("moto Kinesis, 4 shards: PutRecords of \(Self.recordCount) records in \(putTime); consumed by 2+1 replicas in \(consumeTime) (\(delivered) deliveries)")
        }
    }
}
