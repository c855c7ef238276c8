/// Errors from the OpenAI-compatible chat completions client.
///
/// Cases are named after the step that failed and keep the cause. Only ``connectFailed(url:underlying:)``
/// is retried by ``OpenAIChatClient``: a request that reached the server may already have been
/// generated (and paid for), so it is never sent twice.
public enum LLMError: Error, Sendable, CustomStringConvertible {
    /// No connection could be made to the server (refused, unreachable, connect timeout), after all retries.
    case connectFailed(url: String, underlying: any Error)
    /// The request was sent but no complete answer arrived in time, or the connection dropped.
    case requestFailed(url: String, underlying: any Error)
    /// The server answered with a non-2xx status; `body` is the start of its response.
    case badStatus(code: Int, body: String)
    /// The response was not a chat completion (bad JSON, no choices).
    case invalidResponse(String)
    /// The configuration is unusable (bad base URL).
    case invalidConfiguration(String)

    /// A bounded label for metrics and logs: `connect_failed`, `request_failed`, `bad_status`, `invalid_response`, `invalid_configuration`.
    public var reason: String {
        switch self {
        case .connectFailed: "connect_failed"
        case .requestFailed: "request_failed"
        case .badStatus: "bad_status"
        case .invalidResponse: "invalid_response"
        case .invalidConfiguration: "invalid_configuration"
        }
    }

    /// A one-line description without the request body.
    /// What went wrong, without addresses, bodies or causes: safe to show a client (the
    /// ``description`` with the detail belongs in the log).
    public var summary: String {
        switch self {
        case .connectFailed: "cannot connect to the LLM"
        case .requestFailed: "the LLM request failed"
        case .badStatus(let code, _): "the LLM answered HTTP \(code)"
        case .invalidResponse: "the LLM's response was not understood"
        case .invalidConfiguration: "the LLM configuration is invalid"
        }
    }

    public var description: String {
        switch self {
        case .connectFailed(let url, let underlying): "cannot connect to the LLM at \(url): \(underlying)"
        case .requestFailed(let url, let underlying): "LLM request to \(url) failed: \(underlying)"
        case .badStatus(let code, let body): "LLM answered HTTP \(code): \(body)"
        case .invalidResponse(let reason): "LLM response not understood: \(reason)"
        case .invalidConfiguration(let reason): "LLM configuration invalid: \(reason)"
        }
    }
}
