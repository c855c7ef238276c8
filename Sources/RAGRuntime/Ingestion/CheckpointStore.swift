import Foundation

// Where checkpoints live, and why (the lead decides the final storage and README text):
//
// One small JSON file per shard under `<DATA_DIR>/checkpoints/`, replaced atomically (temporary
// file, fsync, rename, fsync of the directory). A file per shard means consumers that own
// different shards never overwrite each other's positions, and a consumer that takes over a
// shard reads exactly the position its previous owner acknowledged. The position is written only
// after every record up to it is indexed or dead-lettered (and, for the embedded store, after the
// store is saved), so a crash at any point replays at most the unacknowledged batch, which the
// idempotent upsert by `event_id` absorbs. In a cluster the directory must be shared by the
// replicas (a volume) or replaced by a Lease/ConfigMap or DynamoDB implementation of the same
// three operations; the local all-in-one process keeps it next to the stream and the store.

/// Durable per-shard consumer positions, one file per shard, written atomically.
///
/// ```swift
/// let checkpoints = try CheckpointStore(directory: dataDir.appendingPathComponent("checkpoints"))
/// try checkpoints.save("49650…", for: "shardId-000000000001")
/// let position = try checkpoints.position(for: "shardId-000000000001")   // "49650…"
/// ```
public struct CheckpointStore: Sendable {
    /// The directory holding one `<shard>.json` per shard.
    public let directory: URL

    struct Entry: Codable {
        var shard: String
        var position: String
        var updatedAt: String
    }

    /// Opens (and creates) the directory.
    ///
    /// - Throws: ``IngestionError/checkpointFailed(path:reason:)``.
    public init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw IngestionError.checkpointFailed(path: directory.path, reason: "\(error)")
        }
    }

    /// The acknowledged position of `shard`, or `nil` when it was never checkpointed.
    ///
    /// - Throws: ``IngestionError/checkpointFailed(path:reason:)`` for an unreadable file.
    public func position(for shard: String) throws -> String? {
        let url = fileURL(for: shard)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(Entry.self, from: Data(contentsOf: url)).position
        } catch {
            throw IngestionError.checkpointFailed(path: url.path, reason: "\(error)")
        }
    }

    /// Replaces the position of `shard`, durably.
    ///
    /// - Throws: ``IngestionError/checkpointFailed(path:reason:)``; the previous position stays.
    public func save(_ position: String, for shard: String) throws {
        let url = fileURL(for: shard)
        do {
            let entry = Entry(shard: shard, position: position, updatedAt: FastTimestamp.string(from: Date()))
            try DurableFile.writeAtomically(JSONEncoder().encode(entry), to: url)
        } catch {
            throw IngestionError.checkpointFailed(path: url.path, reason: "\(error)")
        }
    }

    func fileURL(for shard: String) -> URL {
        let safe = String(shard.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return directory.appendingPathComponent("\(safe).json")
    }
}
