import Foundation
import Logging
import Retrieval
import ServiceLifecycle

/// Saves the embedded store to its data directory periodically and once more at shutdown.
///
/// Place it before the services that write to the store in the `ServiceGroup`: services stop in
/// reverse order, so the final save happens after the last write. A periodic save that fails is
/// logged and retried at the next interval; a failing final save fails the process, because
/// the data would be lost.
struct StoreSnapshotService: Service {
    let store: EmbeddedVectorStore
    let directory: URL
    let interval: Duration
    let logger: Logger

    func run() async throws {
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
                logger.error("saving the embedded store failed; retrying at the next interval", metadata: ["error": "\(error)"])
            }
        }
        if try await store.stats() != saved {
            try store.save(to: directory)
        }
        logger.info("embedded store saved", metadata: ["data.dir": "\(directory.path)"])
    }
}
