import AWS
import AWSTesting
import Foundation
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Ingestion

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    var now: ContinuousClock.Instant { instant.withLock { $0 } }
    func advance(by duration: Duration) { instant.withLock { $0 += duration } }
    var reader: @Sendable () -> ContinuousClock.Instant { { self.now } }
}

/// Two and three replicas sharing one lease table, with time moved by hand.
struct ShardLeaseCoordinatorTests {
    let shards = (0..<4).map { KinesisShard(shardID: "shardId-00000000000\($0)") }

    func coordinator(_ worker: String, _ table: any ShardLeaseTable, _ clock: ManualClock) -> ShardLeaseCoordinator {
        ShardLeaseCoordinator(table: table, worker: worker, leaseDuration: .seconds(9), now: clock.reader)
    }

    @Test func replicasSplitTheShardsAndASurvivorTakesOverADeadReplicasShardsWithTheirCheckpoints() async throws {
        let table = InMemoryShardLeaseTable()
        let clock = ManualClock()
        let a = coordinator("a", table, clock)
        let b = coordinator("b", table, clock)

        let first = try await a.refresh(shards)
        #expect(first.held.count == 4 && first.holdsEveryShard, "alone, a takes everything")
        var heldByA = first.held
        var heldByB: Set<String> = []
        for _ in 0..<4 {   // rounds a third of the lease apart
            clock.advance(by: .seconds(3))
            heldByB = try await b.refresh(shards).held
            heldByA = try await a.refresh(shards).held
        }
        #expect(heldByA.count == 2 && heldByB.count == 2 && heldByA.isDisjoint(with: heldByB))

        for shard in heldByB { try await b.save("checkpoint-of-\(shard)", for: shard, tenure: nil) }
        // b dies: it stops renewing. Until the lease duration has passed, a leaves its shards alone.
        clock.advance(by: .seconds(3))
        #expect(try await a.refresh(shards).held == heldByA)
        clock.advance(by: .seconds(7))
        let after = try await a.refresh(shards)
        #expect(after.held.count == 4 && after.holdsEveryShard)
        for shard in heldByB {
            #expect(await a.position(for: shard) == "checkpoint-of-\(shard)", "a resumes where b acknowledged")
        }
        // b, if it were only paused, is now fenced off.
        #expect(await b.holds(heldByB.first!, tenure: nil) == false)
        await #expect(throws: IngestionError.leaseLost(shard: heldByB.first!)) {
            try await b.save("late", for: heldByB.first!, tenure: nil)
        }
    }

    @Test func aTaskFromAnEarlierTenureCannotCheckpointAfterTheLeaseCameBack() async throws {
        let table = InMemoryShardLeaseTable()
        let clock = ManualClock()
        let a = coordinator("a", table, clock)
        let b = coordinator("b", table, clock)
        let shard = shards[0].shardID
        _ = try await a.refresh([shards[0]])
        let oldTenure = try #require(await a.tenure(of: shard))
        // b takes the shard over (a looked dead), checkpoints further, and stops gracefully.
        _ = try await b.refresh([shards[0]])
        clock.advance(by: .seconds(10))
        #expect(try await b.refresh([shards[0]]).held == [shard])
        try await b.save("200", for: shard, tenure: nil)
        await b.releaseAll()
        // a claims it again: a new tenure. A task a started in the old tenure is fenced off.
        _ = try await a.refresh([shards[0]])
        let newTenure = try #require(await a.tenure(of: shard))
        #expect(newTenure != oldTenure)
        #expect(await a.holds(shard, tenure: oldTenure) == false)
        #expect(await a.holds(shard, tenure: newTenure))
        await #expect(throws: IngestionError.leaseLost(shard: shard)) { try await a.save("100", for: shard, tenure: oldTenure) }
        #expect(await a.position(for: shard) == "200", "the checkpoint never moves back")
        try await a.save("250", for: shard, tenure: newTenure)
        #expect(try await table.leases().first?.checkpoint == "250")
    }

    @Test func aGracefulStopHandsTheShardsOverWithoutWaiting() async throws {
        let table = InMemoryShardLeaseTable()
        let clock = ManualClock()
        let a = coordinator("a", table, clock)
        let b = coordinator("b", table, clock)
        _ = try await a.refresh(shards)
        clock.advance(by: .seconds(1))
        _ = try await b.refresh(shards)
        await a.releaseAll()
        clock.advance(by: .seconds(1))
        #expect(try await b.refresh(shards).held.count == 4, "released leases are free at once")
    }

    @Test func aReplicaThatCannotRenewStopsHoldingAfterTheLeaseDuration() async throws {
        let table = InMemoryShardLeaseTable()
        let clock = ManualClock()
        let a = coordinator("a", table, clock)
        _ = try await a.refresh(shards)
        clock.advance(by: .seconds(8))
        #expect(await a.holds(shards[0].shardID, tenure: nil))
        clock.advance(by: .seconds(2))
        #expect(await a.holds(shards[0].shardID, tenure: nil) == false, "no renewal for a lease duration: stop reading")
    }

    @Test func newShardsGetLeasesAndFinishedOnesAreLeftAlone() async throws {
        let table = InMemoryShardLeaseTable()
        let clock = ManualClock()
        let a = coordinator("a", table, clock)
        _ = try await a.refresh(Array(shards.prefix(2)))
        try await a.save(KinesisShardPlan.shardEnd, for: shards[0].shardID, tenure: nil)
        let assignment = try await a.refresh(shards)
        #expect(try await table.leases().count == 4)
        #expect(assignment.checkpoints[shards[0].shardID] == KinesisShardPlan.shardEnd)
        #expect(assignment.held.isSuperset(of: shards.dropFirst().map(\.shardID)) && assignment.holdsEveryShard)
    }
}

/// The DynamoDB lease table against moto_server.
@Suite(.serialized) struct DynamoDBShardLeaseTableMotoTests {
    @Test func meetsTheLeaseTableContractAndCreatesItsTable() async throws {
        try await MotoServer.withRunning { endpoint in
            let table = MotoClients.leaseTable(endpoint, name: "rag-test-leases")
            await #expect(throws: IngestionError.self) { try await table.prepare(createIfMissing: false) }
            try await table.prepare(createIfMissing: true)
            try await table.prepare(createIfMissing: true)   // exists: fine
            try await ShardLeaseTableContract.check(table)
        }
    }
}
