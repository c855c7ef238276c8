import Foundation
import Synchronization

/// A ``ShardLeaseTable`` in memory with the DynamoDB table's conditional semantics; shared by
/// the workers of one process in tests.
///
/// ```swift
/// let table = InMemoryShardLeaseTable()
/// try await table.create(shard: "shardId-000000000000")
/// ```
public final class InMemoryShardLeaseTable: ShardLeaseTable {
    private let rows = Mutex<[String: ShardLease]>([:])

    /// Creates an empty table.
    public init() {}

    public func leases() async throws -> [ShardLease] {
        rows.withLock { $0.values.sorted { $0.shard < $1.shard } }
    }

    public func create(shard: String) async throws {
        rows.withLock { rows in
            if rows[shard] == nil { rows[shard] = ShardLease(shard: shard) }
        }
    }

    public func claim(_ expected: ShardLease, for owner: String) async throws -> ShardLease? {
        rows.withLock { rows in
            guard var row = rows[expected.shard], row.counter == expected.counter else { return nil }
            row.owner = owner
            row.counter += 1
            row.tenure = UUID().uuidString
            rows[expected.shard] = row
            return row
        }
    }

    public func renew(shard: String, owner: String) async throws -> ShardLease? {
        rows.withLock { rows in
            guard var row = rows[shard], row.owner == owner else { return nil }
            row.counter += 1
            rows[shard] = row
            return row
        }
    }

    public func checkpoint(shard: String, position: String, owner: String, tenure: String?) async throws {
        try rows.withLock { rows in
            guard var row = rows[shard], row.owner == owner, tenure == nil || row.tenure == tenure else {
                throw IngestionError.leaseLost(shard: shard)
            }
            row.checkpoint = position
            rows[shard] = row
        }
    }

    public func release(shard: String, owner: String) async throws {
        rows.withLock { rows in
            guard var row = rows[shard], row.owner == owner else { return }
            row.owner = nil
            row.counter += 1
            rows[shard] = row
        }
    }
}
