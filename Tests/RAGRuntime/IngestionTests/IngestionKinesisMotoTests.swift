import AWS
import AWSTesting
import Foundation
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import Retrieval
@testable import TelemetrySimulator

/// A lease table that stops answering once killed, as a SIGKILLed replica's table client does:
/// no renewals, no checkpoints, no graceful release.
final class KillableLeaseTable: ShardLeaseTable {
    struct Killed: Error {}
    let inner: any ShardLeaseTable
    private let killed = Mutex(false)
    init(_ inner: any ShardLeaseTable) { self.inner = inner }
    func kill() { killed.withLock { $0 = true } }
    private func alive() throws { if killed.withLock({ $0 }) { throw Killed() } }

    func leases() async throws -> [ShardLease] { try alive(); return try await inner.leases() }
    func create(shard: String) async throws { try alive(); try await inner.create(shard: shard) }
    func claim(_ expected: ShardLease, for owner: String) async throws -> ShardLease? { try alive(); return try await inner.claim(expected, for: owner) }
    func renew(shard: String, owner: String) async throws -> ShardLease? { try alive(); return try await inner.renew(shard: shard, owner: owner) }
    func checkpoint(shard: String, position: String, owner: String, tenure: String?) async throws {
        try alive()
        try await inner.checkpoint(shard: shard, position: position, owner: owner, tenure: tenure)
    }
    func release(shard: String, owner: String) async throws { try alive(); try await inner.release(shard: shard, owner: owner) }
}

/// Producer and consumers against moto_server Kinesis (4 shards) with leases in moto's DynamoDB.
@Suite(.serialized) struct IngestionKinesisMotoTests {
    static let recordCount = 10_000
    static let batchSize = 250

    func consumer(_ kinesis: KinesisClient, coordinator: ShardLeaseCoordinator, sink: any DocumentSink) throws -> KinesisConsumer {
        var processor = BatchProcessor(embedder: try HashingEmbedder(dimensions: 64), sink: sink, deadLetters: MemoryDeadLetters())
        processor.sleep = { duration in try await Task.sleep(for: min(duration, .milliseconds(200))) }
        var consumer = KinesisConsumer(kinesis: kinesis, streamName: "vehicle-logs", coordination: coordinator, processor: processor)
        consumer.batchSize = Self.batchSize
        consumer.commitInterval = .zero
        return consumer
    }

    @Test func twoReplicasOneKilledHalfwayIndexEveryRecordExactlyOnce() async throws {
        try await MotoServer.withRunning { endpoint in
            let kinesis = MotoClients.kinesis(endpoint)
            try await MotoClients.createStream(kinesis, shards: 4)

            let produced = try IngestionFixtures.records(count: Self.recordCount, seed: 11)
            let writer = KinesisTelemetryWriter(kinesis: kinesis, streamName: "vehicle-logs")
            let putStarted = ContinuousClock.now
            for start in stride(from: 0, to: produced.count, by: 500) {
                try await writer.write(Array(produced[start..<min(start + 500, produced.count)]))
            }
            let putTime = ContinuousClock.now - putStarted

            let table = MotoClients.leaseTable(endpoint, name: "vehicle-logs-leases")
            try await table.prepare(createIfMissing: true)
            let doomedTable = KillableLeaseTable(table)
            let survivor = ShardLeaseCoordinator(table: table, worker: "replica-a", leaseDuration: .seconds(3))
            let doomed = ShardLeaseCoordinator(table: doomedTable, worker: "replica-b", leaseDuration: .seconds(3))
            let shards = try await kinesis.listShards(streamName: "vehicle-logs")
            _ = try await survivor.refresh(shards)
            for _ in 0..<2 { _ = try await doomed.refresh(shards) }   // b steals its share, one lease a round
            let heldByDoomed = try await doomed.refresh(shards).held
            #expect(heldByDoomed.count == 2, "4 shards, 2 replicas: 2 each")

            let store = try EmbeddedVectorStore(configuration: .init(dimensions: 64))
            let consumeStarted = ContinuousClock.now
            let survivorSink = RecordingSink(VectorStoreSink(store))
            let survivorRun = Task { try await consumer(kinesis, coordinator: survivor, sink: survivorSink).run(until: .caughtUp) }

            // b is killed in the middle of a batch, half-way through its two shards.
            let perReplicaBatches = Self.recordCount / 2 / Self.batchSize
            let doomedSink = RecordingSink(VectorStoreSink(store), crashOnCall: perReplicaBatches / 2)
            let doomedRun = Task { try await consumer(kinesis, coordinator: doomed, sink: doomedSink).run() }
            for await _ in doomedSink.crashed { break }
            doomedTable.kill()
            doomedRun.cancel()
            await #expect(throws: (any Error).self) { try await doomedRun.value }
            let indexedAtKill = try await store.count()

            // a claims b's shards once their leases expire, resumes from b's checkpoints, and catches up.
            try await survivorRun.value
            let consumeTime = ContinuousClock.now - consumeStarted

            let stored = store.storedEventIDs
            #expect(try await store.count() == Self.recordCount)
            #expect(stored.count == Self.recordCount && Set(stored) == Set(produced.map(\.eventID)))
            #expect(indexedAtKill < Self.recordCount)
            let delivered = survivorSink.totalDeliveries + doomedSink.totalDeliveries
            #expect(delivered >= Self.recordCount && delivered <= Self.recordCount + 2 * Self.batchSize,
                    "at most b's two interrupted batches are replayed")
            let leases = try await table.leases()
            #expect(leases.count == 4 && leases.allSatisfy { $0.owner == "replica-a" && $0.checkpoint != nil })
            print("moto Kinesis, 4 shards, leases in moto DynamoDB: PutRecords of \(Self.recordCount) records in \(putTime); "
                + "2 replicas, one killed at \(indexedAtKill) indexed; all consumed in \(consumeTime) (\(delivered) deliveries)")
        }
    }
}
