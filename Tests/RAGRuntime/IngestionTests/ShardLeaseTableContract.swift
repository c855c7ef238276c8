import Testing
import RAGRuntimeTesting
@testable import Ingestion

/// What every ``ShardLeaseTable`` must do; run against the in-memory table and against DynamoDB
/// in moto_server.
enum ShardLeaseTableContract {
    static func check(_ table: any ShardLeaseTable) async throws {
        try await table.create(shard: "s0")
        try await table.create(shard: "s1")
        try await table.create(shard: "s0")   // idempotent
        var rows = try await table.leases()
        #expect(rows.map(\.shard) == ["s0", "s1"])
        #expect(rows.allSatisfy { $0.owner == nil && $0.checkpoint == nil })

        // Claim: conditional on the counter read.
        let free = rows[0]
        let claimed = try #require(try await table.claim(free, for: "a"))
        #expect(claimed.owner == "a" && claimed.counter == free.counter + 1 && claimed.tenure != nil)
        #expect(try await table.claim(free, for: "b") == nil, "a stale read cannot claim")

        // Renew and checkpoint: only by the holder.
        let renewed = try #require(try await table.renew(shard: "s0", owner: "a"))
        #expect(renewed.counter == claimed.counter + 1)
        #expect(try await table.renew(shard: "s0", owner: "b") == nil)
        try await table.checkpoint(shard: "s0", position: "100", owner: "a", tenure: claimed.tenure)
        await #expect(throws: IngestionError.leaseLost(shard: "s0")) {
            try await table.checkpoint(shard: "s0", position: "999", owner: "b", tenure: nil)
        }

        // Steal with a fresh read: the old holder is fenced off.
        rows = try await table.leases()
        let stolen = try #require(try await table.claim(rows[0], for: "b"))
        #expect(stolen.owner == "b" && stolen.checkpoint == "100", "the checkpoint travels with the lease")
        #expect(try await table.renew(shard: "s0", owner: "a") == nil)
        await #expect(throws: IngestionError.leaseLost(shard: "s0")) {
            try await table.checkpoint(shard: "s0", position: "200", owner: "a", tenure: nil)
        }

        // A checkpoint in another tenure of the same owner is refused.
        await #expect(throws: IngestionError.leaseLost(shard: "s0")) {
            try await table.checkpoint(shard: "s0", position: "300", owner: "b", tenure: claimed.tenure)
        }
        try await table.checkpoint(shard: "s0", position: "100", owner: "b", tenure: stolen.tenure)

        // Release: only by the holder; frees the lease and moves the counter.
        try await table.release(shard: "s0", owner: "a")
        #expect(try await table.leases()[0].owner == "b")
        try await table.release(shard: "s0", owner: "b")
        let released = try await table.leases()[0]
        #expect(released.owner == nil && released.counter == stolen.counter + 1 && released.checkpoint == "100")
    }
}

struct InMemoryShardLeaseTableTests {
    @Test func meetsTheLeaseTableContract() async throws {
        try await ShardLeaseTableContract.check(InMemoryShardLeaseTable())
    }
}
