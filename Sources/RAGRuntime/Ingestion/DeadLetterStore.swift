import Foundation
import Synchronization

/// Where the consumer puts records it gives up on.
///
/// ``write(_:)`` returns only once the letters are durable: the consumer acknowledges the batch
/// afterwards. A replayed batch may write a letter twice; letters carry shard and position, so
/// readers can drop repeats.
public protocol DeadLetterStore: Sendable {
    /// Stores `letters` durably.
    ///
    /// - Throws: ``IngestionError/deadLetterFailed(path:reason:)``.
    func write(_ letters: [DeadLetter]) async throws
}

/// Dead letters as JSON lines in one file (`dead-letters.jsonl` in the data directory), each
/// write `fsync`ed.
///
/// ```swift
/// let deadLetters = try FileDeadLetterStore(url: dataDir.appendingPathComponent("dead-letters.jsonl"))
/// try await deadLetters.write([letter])
/// let all = try deadLetters.readAll()
/// ```
public final class FileDeadLetterStore: DeadLetterStore, DeadLetterSource {
    /// The file.
    public let url: URL
    private let handle: Mutex<FileHandle>

    /// Opens (and creates) the file.
    ///
    /// - Throws: ``IngestionError/deadLetterFailed(path:reason:)``.
    public init(url: URL) throws {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path) {
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw DurableFileError(message: "cannot create the file")
                }
            }
            handle = Mutex(try FileHandle(forWritingTo: url))
        } catch {
            throw IngestionError.deadLetterFailed(path: url.path, reason: "\(error)")
        }
    }

    /// Appends the letters as JSON lines and `fsync`s them.
    public func write(_ letters: [DeadLetter]) async throws {
        guard !letters.isEmpty else { return }
        var bytes = Data()
        for letter in letters {
            bytes += try JSONEncoder().encode(letter)
            bytes.append(0x0A)
        }
        try handle.withLock { handle in
            do {
                try handle.seekToEnd()
                try handle.write(contentsOf: bytes)
                try handle.synchronize()
            } catch {
                throw IngestionError.deadLetterFailed(path: url.path, reason: "\(error)")
            }
        }
    }

    /// Every complete letter in the file, oldest first.
    ///
    /// - Throws: ``IngestionError/deadLetterFailed(path:reason:)`` for an unreadable file or line.
    public func readAll() throws -> [DeadLetter] {
        do {
            let data = try Data(contentsOf: url)
            return try data.split(separator: 0x0A).map { try JSONDecoder().decode(DeadLetter.self, from: $0) }
        } catch {
            throw IngestionError.deadLetterFailed(path: url.path, reason: "\(error)")
        }
    }

    /// The letters whose reason contains `reason` (all when `nil`), keyed `<shard>/<position>`.
    public func list(reason: String?) async throws -> [StoredDeadLetter] {
        try readAll().filter { reason == nil || $0.reason.contains(reason!) }
            .map { StoredDeadLetter(key: "\($0.shard)/\($0.position)", letter: $0) }
    }

    /// Rewrites the file without the letters of these keys (a temporary file, `fsync`ed and
    /// renamed over it), while no letter is being appended.
    public func remove(_ keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        let removed = Set(keys)
        try handle.withLock { handle in
            do {
                let kept = try readAll().filter { !removed.contains("\($0.shard)/\($0.position)") }
                var bytes = Data()
                for letter in kept {
                    bytes += try JSONEncoder().encode(letter)
                    bytes.append(0x0A)
                }
                let temporary = url.appendingPathExtension("tmp")
                FileManager.default.createFile(atPath: temporary.path, contents: nil)
                let writer = try FileHandle(forWritingTo: temporary)
                try writer.write(contentsOf: bytes)
                try writer.synchronize()
                try writer.close()
                guard rename(temporary.path, url.path) == 0 else { throw DurableFileError(message: "rename: \(errno)") }
                try handle.close()
                handle = try FileHandle(forWritingTo: url)
            } catch let error as IngestionError {
                throw error
            } catch {
                throw IngestionError.deadLetterFailed(path: url.path, reason: "\(error)")
            }
        }
    }
}
