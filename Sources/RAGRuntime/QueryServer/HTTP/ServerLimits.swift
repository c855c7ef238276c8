import Hummingbird
import HummingbirdCore
import NIOCore

/// What one HTTP server of the runtime (query API, its internal listener, the UI) lets a client
/// take, so a slow or greedy client cannot hold the process.
///
/// ## Defaults
/// - ``maximumBodyBytes`` 64 KiB: a question is a few hundred bytes; larger bodies get 413.
/// - ``maximumConcurrentRequests`` 32 API requests at once (health probes and the page are not
///   counted); more get 429 with `Retry-After` instead of queueing without bound.
/// - ``idleTimeout`` 30 seconds: a connection that sends nothing (or an unfinished request head)
///   is closed.
/// - ``bodyReadTimeout`` 10 seconds to deliver a request body; slower gets 408.
public struct ServerLimits: Sendable, Equatable {
    /// The largest request body accepted, in bytes.
    public var maximumBodyBytes: Int
    /// API requests served at once.
    public var maximumConcurrentRequests: Int
    /// How long a connection may stay idle.
    public var idleTimeout: Duration
    /// How long a client may take to send a request body.
    public var bodyReadTimeout: Duration
    /// The `Retry-After` of a 429, in seconds.
    public var retryAfterSeconds: Int

    /// Creates limits; see "Defaults".
    public init(
        maximumBodyBytes: Int = 64 << 10, maximumConcurrentRequests: Int = 32, idleTimeout: Duration = .seconds(30),
        bodyReadTimeout: Duration = .seconds(10), retryAfterSeconds: Int = 1
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumConcurrentRequests = maximumConcurrentRequests
        self.idleTimeout = idleTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// An HTTP/1.1 server that closes idle connections after ``idleTimeout``.
    var server: HTTPServerBuilder {
        let nanoseconds = idleTimeout.components.seconds * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000
        return .http1(configuration: .init(idleTimeout: .nanoseconds(nanoseconds)))
    }

    /// The request's body, at most `limit` bytes (413 beyond), delivered within ``bodyReadTimeout`` (408 beyond).
    func body(of request: Request, upTo limit: Int? = nil) async throws -> ByteBuffer {
        let limit = limit ?? maximumBodyBytes
        let timeout = bodyReadTimeout
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await request.body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw QueryAPIError(status: .contentTooLarge, code: "body_too_large", message: "the request body is over the limit of \(limit) bytes")
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let body = first else {
                throw QueryAPIError(status: .requestTimeout, code: "body_timeout", message: "the request body did not arrive within \(timeout)")
            }
            return body
        }
    }
}
