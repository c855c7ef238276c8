import Hummingbird
import Synchronization

/// Answers 429 with `Retry-After` once ``ServerLimits/maximumConcurrentRequests`` API requests
/// are in flight, instead of queueing without bound. A request holds its slot until its response
/// body (a server-sent event stream included) is written. Probes (`/healthz`, `/readyz`), the page
/// and its assets are never refused: a busy process is not a dead one.
struct ConcurrencyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limits: ServerLimits
    private let inFlight = InFlightCounter()

    init(limits: ServerLimits) {
        self.limits = limits
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isLimited(request.uri.path) else { return try await next(request, context) }
        guard inFlight.acquire(below: limits.maximumConcurrentRequests) else {
            var response = QueryAPIError(
                status: .tooManyRequests, code: "too_many_requests",
                message: "the server is answering \(limits.maximumConcurrentRequests) requests; retry in \(limits.retryAfterSeconds) s"
            ).jsonResponse
            response.headers[.retryAfter] = String(limits.retryAfterSeconds)
            return response
        }
        let release = inFlight.releaser()
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            release()
            throw error
        }
        let body = response.body
        response.body = ResponseBody { writer in
            defer { release() }
            try await body.write(writer)
        }
        return response
    }

    /// API routes count; probes, the page and its assets do not.
    static func isLimited(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/submit_query"
    }
}

/// The number of requests in flight, with a release that counts once however often it is called.
final class InFlightCounter: Sendable {
    private let count = Mutex(0)

    /// Takes a slot when fewer than `limit` are taken.
    func acquire(below limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// A closure that gives the slot back, once.
    func releaser() -> @Sendable () -> Void {
        let released = Mutex(false)
        return { [self] in
            let first = released.withLock { done in
                defer { done = true }
                return !done
            }
            if first { count.withLock { $0 -= 1 } }
        }
    }

    /// Requests in flight now.
    var current: Int { count.withLock { $0 } }
}
