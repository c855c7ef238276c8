import ServiceLifecycle

/// ``LocalIngestion`` as a `Service` for the process's `ServiceGroup` (`rag-runtime local`).
///
/// Graceful shutdown cancels producer and consumer; the consumer commits what it processed
/// (saving the store) before ``run()`` returns.
///
/// ```swift
/// let group = ServiceGroup(services: [LocalIngestionService(ingestion) { print($0.line) }, queryServer], …)
/// ```
public struct LocalIngestionService: Service {
    /// The ingestion.
    public let ingestion: LocalIngestion
    private let progress: @Sendable (LocalIngestion.Progress) -> Void

    /// Wraps `ingestion`; `progress` receives every update.
    public init(_ ingestion: LocalIngestion, progress: @escaping @Sendable (LocalIngestion.Progress) -> Void = { _ in }) {
        self.ingestion = ingestion
        self.progress = progress
    }

    /// Runs until done or graceful shutdown.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await ingestion.run(progress: progress) }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            return
        }
    }
}
