import Foundation
import TelemetryModel

/// Durable per-shard consumer positions, one file per shard, written atomically: the checkpoints of
/// a single consumer (no `LEASE_TABLE`) and of `rag-runtime local`. Replicas in a cluster keep theirs
/// in the DynamoDB lease table instead (``DynamoDBShardLeaseTable``).
///
/// Each `<shard>.json` under `<DATA_DIR>/checkpoints/` is replaced atomically (temporary file, fsync,
/// rename, fsync of the directory), and a position is written only after every record up to it is
/// indexed or dead-lettered, so a crash replays at most the unacknowledged batch, which the upsert by
/// `event_id` absorbs.
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
