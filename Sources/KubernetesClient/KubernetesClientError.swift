import KubernetesCore

/// Errors of the Kubernetes client. Extensible: match on ``reason`` or use the `is…` helpers.
///
/// A failure answered by the API server keeps its ``Status`` (reason, code, causes).
public struct KubernetesClientError: Error, Sendable, CustomStringConvertible {
    /// A bounded, stable name for the kind of failure, usable as a metric label.
    public enum Reason: String, Sendable {
        /// The server answered with a `Status` failure (see ``status``).
        case apiError
        /// The request never got an answer: connection refused, TLS failure, timeout.
        case transportFailed
        /// The answer could not be decoded into the expected type.
        case decodingFailed
        /// The request body could not be encoded.
        case encodingFailed
        /// Credentials could not be obtained (token file, exec plugin).
        case authenticationFailed
        /// A watch stream ended with a malformed line.
        case invalidWatchStream
    }

    public let reason: Reason
    /// The Status the server returned, for ``Reason/apiError``.
    public let status: Status?
    public let message: String
    /// The underlying error, when there is one.
    public let underlying: (any Error & Sendable)?

    init(_ reason: Reason, status: Status? = nil, message: String, underlying: (any Error & Sendable)? = nil) {
        self.reason = reason
        self.status = status
        self.message = message
        self.underlying = underlying
    }

    /// The error for a `Status` answer from the server.
    public static func api(_ status: Status) -> KubernetesClientError {
        KubernetesClientError(.apiError, status: status, message: status.description)
    }

    /// The HTTP status code the server returned, if any.
    public var code: Int? { status?.code }

    public var isNotFound: Bool { code == 404 }
    public var isConflict: Bool { code == 409 }
    public var isAlreadyExists: Bool { code == 409 && status?.reason == "AlreadyExists" }
    /// 410: the requested resourceVersion is older than the server keeps (re-list).
    public var isGone: Bool { code == 410 }
    /// 422: the object failed validation.
    public var isInvalid: Bool { code == 422 }
    public var isUnauthorized: Bool { code == 401 }
    public var isForbidden: Bool { code == 403 }
    /// Worth retrying with backoff: 429, 5xx, and transport failures.
    public var isRetryable: Bool {
        reason == .transportFailed || code == 429 || (code ?? 0) >= 500
    }

    public var description: String {
        if let underlying { return "\(reason.rawValue): \(message) (\(underlying))" }
        return "\(reason.rawValue): \(message)"
    }
}

extension KubernetesClientError {
    /// Wraps an error of unknown kind (from a stream) as a transport failure.
    public static func wrapping(_ error: any Error) -> KubernetesClientError {
        if let error = error as? KubernetesClientError { return error }
        return KubernetesClientError(.transportFailed, message: "\(error)", underlying: nil)
    }
}
