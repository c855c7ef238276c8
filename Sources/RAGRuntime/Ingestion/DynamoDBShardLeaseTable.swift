import AWS
import Foundation
import TelemetryModel

/// Shard leases and checkpoints in a DynamoDB table keyed by `shard` (string): attributes
/// `leaseOwner`, `leaseCounter`, `leaseTenure`, `checkpoint`, `updatedAt`. Every write is a conditional
/// `UpdateItem`, so ownership and the checkpoint move together and a worker that lost a shard
/// cannot write its checkpoint.
///
/// ``prepare(createIfMissing:)`` checks the table exists (and creates an on-demand one when
/// asked, then waits until it is `ACTIVE`).
///
/// ```swift
/// let table = DynamoDBShardLeaseTable(dynamo: dynamo, tableName: "rag-default-demo-leases")
/// try await table.prepare(createIfMissing: true)
/// ```
public struct DynamoDBShardLeaseTable: ShardLeaseTable {
    /// The client.
    public let dynamo: DynamoDBClient
    /// The table.
    public let tableName: String
    /// Pauses while a new table becomes active; injectable for tests.
    public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }

    static let names = [
        "#k": "shard", "#o": "leaseOwner", "#c": "leaseCounter", "#t": "leaseTenure", "#p": "checkpoint", "#u": "updatedAt",
    ]

    /// Creates the table adapter.
    public init(dynamo: DynamoDBClient, tableName: String) {
        self.dynamo = dynamo
        self.tableName = tableName
    }

    /// Checks the table exists and is active; creates it first when it is missing and
    /// `createIfMissing` is set.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` naming the table when it is missing
    ///   and may not be created, or stays inactive for 2 minutes; ``AWSError`` otherwise.
    public func prepare(createIfMissing: Bool) async throws {
        var status = try await dynamo.tableStatus(tableName)
        if status == nil {
            guard createIfMissing else {
                throw IngestionError.invalidConfiguration("lease table \(tableName) does not exist: create it (key `shard`, string) or set LEASE_TABLE_CREATE=true")
            }
            do {
                try await dynamo.createTable(tableName, hashKey: "shard")
            } catch {
                guard error.errorCode == "ResourceInUseException" else { throw error }   // another replica created it
            }
            status = try await dynamo.tableStatus(tableName)
        }
        for _ in 0..<120 where status != "ACTIVE" {
            try await sleep(.seconds(1))
            status = try await dynamo.tableStatus(tableName)
        }
        guard status == "ACTIVE" else {
            throw IngestionError.invalidConfiguration("lease table \(tableName) is \(status ?? "missing"), not ACTIVE")
        }
    }

    public func leases() async throws -> [ShardLease] {
        try await dynamo.scan(table: tableName).compactMap(Self.lease(from:)).sorted { $0.shard < $1.shard }
    }

    public func create(shard: String) async throws {
        do {
            try await dynamo.putItem(
                table: tableName, item: ["shard": .string(shard), "leaseCounter": .integer(0), "updatedAt": .string(Self.now())],
                condition: "attribute_not_exists(#k)", names: ["#k": "shard"])
        } catch {
            guard error.isConditionalCheckFailure else { throw error }
        }
    }

    public func claim(_ expected: ShardLease, for owner: String) async throws -> ShardLease? {
        try await conditionalUpdate(
            shard: expected.shard, update: "SET #o = :owner, #c = #c + :one, #t = :tenure, #u = :now", condition: "#c = :expected",
            values: [
                ":owner": .string(owner), ":one": .integer(1), ":tenure": .string(UUID().uuidString), ":now": .string(Self.now()),
                ":expected": .integer(expected.counter),
            ])
    }

    public func renew(shard: String, owner: String) async throws -> ShardLease? {
        try await conditionalUpdate(
            shard: shard, update: "SET #c = #c + :one, #u = :now", condition: "#o = :owner",
            values: [":owner": .string(owner), ":one": .integer(1), ":now": .string(Self.now())])
    }

    public func checkpoint(shard: String, position: String, owner: String, tenure: String?) async throws {
        var values: DynamoDBClient.Item = [":owner": .string(owner), ":position": .string(position), ":now": .string(Self.now())]
        if let tenure { values[":tenure"] = .string(tenure) }
        let updated = try await conditionalUpdate(
            shard: shard, update: "SET #p = :position, #u = :now", condition: tenure == nil ? "#o = :owner" : "#o = :owner AND #t = :tenure",
            values: values)
        if updated == nil { throw IngestionError.leaseLost(shard: shard) }
    }

    public func release(shard: String, owner: String) async throws {
        _ = try await conditionalUpdate(
            shard: shard, update: "REMOVE #o SET #c = #c + :one, #u = :now", condition: "#o = :owner",
            values: [":owner": .string(owner), ":one": .integer(1), ":now": .string(Self.now())])
    }

    /// The row after an `UpdateItem` guarded by `condition`, or `nil` when the condition failed.
    private func conditionalUpdate(
        shard: String, update: String, condition: String, values: DynamoDBClient.Item
    ) async throws -> ShardLease? {
        let used = Self.names.filter { update.contains($0.key) || condition.contains($0.key) }
        do {
            let item = try await dynamo.updateItem(
                table: tableName, key: ["shard": .string(shard)], update: update,
                condition: "attribute_exists(#k) AND \(condition)", names: used.merging(["#k": "shard"]) { $1 }, values: values)
            return Self.lease(from: item)
        } catch {
            if error.isConditionalCheckFailure { return nil }
            throw error
        }
    }

    static func lease(from item: DynamoDBClient.Item) -> ShardLease? {
        guard let shard = item["shard"]?.stringValue else { return nil }
        return ShardLease(
            shard: shard, owner: item["leaseOwner"]?.stringValue, counter: item["leaseCounter"]?.integerValue ?? 0,
            checkpoint: item["checkpoint"]?.stringValue, tenure: item["leaseTenure"]?.stringValue)
    }

    static func now() -> String { FastTimestamp.string(from: Date()) }
}
