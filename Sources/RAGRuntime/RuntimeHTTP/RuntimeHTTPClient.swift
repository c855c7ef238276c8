import AsyncHTTPClient

/// The HTTP client the runtime's own calls use (LLM, UI proxy): fails fast on connection errors.
///
/// `HTTPClient.shared` retries connection establishment until the request deadline, so a
/// refused connection to a stopped LLM costs the whole request timeout (60 s) before the
/// extractive fallback. This client has a 5-second connect timeout and no connection retries of
/// its own; callers decide (``OpenAIChatClient`` retries connection failures only). Like
/// `HTTPClient.shared` it lives for the whole process and is never shut down.
public enum RuntimeHTTPClient {
    /// The process-wide fail-fast client.
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .seconds(5)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
}
