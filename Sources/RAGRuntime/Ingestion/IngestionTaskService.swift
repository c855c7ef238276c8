import ServiceLifecycle

/// A producer or consumer loop as a `Service`: graceful shutdown cancels it, and a
/// `CancellationError` caused by the shutdown counts as a clean exit.
///
/// ```swift
/// let service = IngestionTaskService { try await consumer.run() }
/// ```
public struct IngestionTaskService: Service {
    private let body: @Sendable () async throws -> Void

    /// Wraps `body`.
    public init(_ body: @escaping @Sendable () async throws -> Void) {
        self.body = body
    }

    /// Runs the body until it returns or the group shuts down.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await body() }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            return
        }
    }
}
