import Foundation
import Logging
import Retrieval
import ServiceLifecycle

/// Checkpoints the durable embedded store periodically and once more at shutdown: a snapshot,
/// after which the write-ahead log behind it is deleted, so the log stays short and a restart
/// replays little.
///
/// Durability does not depend on it (every acknowledged write is in the log). Place it before the
/// services that write to the store in the `ServiceGroup`: services stop in reverse order, so the
/// final checkpoint follows the last write. A checkpoint that fails is logged and retried at the
/// next interval; the log keeps everything meanwhile.
public struct StoreCheckpointService: Service {
    let store: EmbeddedVectorStore
    let directory: URL
    let interval: Duration
    let logger: Logger

    /// Checkpoints `store` into `directory` every `interval` when it changed.
    public init(store: EmbeddedVectorStore, directory: URL, interval: Duration = .seconds(30), logger: Logger) {
        self.store = store
        self.directory = directory
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        var saved = try await store.stats()
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch is CancellationError {
                break
            }
            let current = try await store.stats()
            guard current != saved else { continue }
            do {
                try store.save(to: directory)
                saved = current
            } catch {
                logger.error("checkpointing the embedded store failed; the log keeps every write; retrying at the next interval", metadata: ["error": "\(error)"])
            }
        }
        if try await store.stats() != saved {
            try store.save(to: directory)
        }
        logger.info("embedded store checkpointed", metadata: ["data.dir": "\(directory.path)"])
    }
}
