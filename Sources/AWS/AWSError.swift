import Foundation

/// The one error type of the `AWS` target: a failed call to an AWS service, a credential provider
/// that could not produce credentials, or configuration that could not be resolved.
///
/// Follows the SSWG struct-with-code pattern: ``code`` is a bounded value fit for a metric label
/// (``reason``), while ``errorCode`` keeps the service's own error code string
/// (`ThrottlingException`, `ResourceInUseException`, `InvalidIdentityToken` …).
///
/// ```swift
/// do {
///     try await eks.createPodIdentityAssociation(request)
/// } catch where error.isConflict {
///     // ResourceInUseException: an association for this namespace/service account exists
/// }
/// ```
public struct AWSError: Error, Sendable {
    /// The bounded category of an ``AWSError``; its `description` is a metric-safe label.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case serviceError, connectionFailed, credentialsUnavailable, invalidConfiguration
            case invalidResponse, signingFailed
        }
        private let base: Base

        /// The service answered with an error status (4xx or 5xx); see ``AWSError/errorCode``.
        public static let serviceError = Code(base: .serviceError)
        /// The request did not get an HTTP response: connection refused or reset, timeout, TLS failure.
        public static let connectionFailed = Code(base: .connectionFailed)
        /// No credential provider could produce credentials.
        public static let credentialsUnavailable = Code(base: .credentialsUnavailable)
        /// Region, endpoint or environment configuration is missing or malformed.
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// The service answered with success but the body could not be decoded.
        public static let invalidResponse = Code(base: .invalidResponse)
        /// The request could not be signed (for example, expired credentials).
        public static let signingFailed = Code(base: .signingFailed)

        /// The code's name, such as `serviceError`.
        public var description: String { base.rawValue }
    }

    /// The bounded category of this error.
    public var code: Code
    /// The service's error code, such as `ThrottlingException`, or `nil` when there is none.
    public var errorCode: String?
    /// The HTTP status the service answered with, or `nil` when there was no response.
    public var statusCode: Int?
    /// The request ID the service returned (`x-amzn-RequestId` or `<RequestId>`), for support cases.
    public var requestID: String?
    /// A human-readable message: the service's, or ours.
    public var message: String
    /// How many attempts were made before giving up, 1 when the first attempt failed for good.
    public var attempts: Int
    /// The error that caused this one, such as the transport's or a provider's.
    public var underlying: (any Error)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The bounded category.
    ///   - message: A human-readable message.
    ///   - errorCode: The service's error code. Defaults to `nil`.
    ///   - statusCode: The HTTP status. Defaults to `nil`.
    ///   - requestID: The service's request ID. Defaults to `nil`.
    ///   - attempts: Attempts made. Defaults to 1.
    ///   - underlying: The cause. Defaults to `nil`.
    public init(
        code: Code, message: String, errorCode: String? = nil, statusCode: Int? = nil,
        requestID: String? = nil, attempts: Int = 1, underlying: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.errorCode = errorCode
        self.statusCode = statusCode
        self.requestID = requestID
        self.attempts = attempts
        self.underlying = underlying
    }

    /// A bounded label for metrics: ``code``'s description. Never the message or the error code.
    public var reason: String { code.description }
}

extension AWSError {
    /// Error codes that mean "slow down", as the SDKs' standard retry mode lists them.
    public static let throttlingErrorCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Error codes that are transient whatever the status, as the SDKs' standard retry mode lists them.
    public static let transientErrorCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalError", "ServiceUnavailable",
    ]

    /// Whether the service asked us to slow down: HTTP 429 or a throttling error code.
    public var isThrottling: Bool {
        statusCode == 429 || errorCode.map(Self.throttlingErrorCodes.contains) == true
    }

    /// Whether sending the same request again may succeed: throttling, 5xx, transient error codes and
    /// connection failures. 501 Not Implemented, client errors (4xx), credential, configuration and decoding errors are not.
    public var isRetryable: Bool {
        if code == .connectionFailed || isThrottling { return true }
        if errorCode.map(Self.transientErrorCodes.contains) == true { return true }
        guard code == .serviceError, let statusCode else { return false }
        return (500...599).contains(statusCode) && statusCode != 501
    }

    /// Whether the resource does not exist: HTTP 404 or a `ResourceNotFoundException`.
    public var isNotFound: Bool { statusCode == 404 || errorCode == "ResourceNotFoundException" }

    /// Whether the resource already exists or is in use: HTTP 409 or `ResourceInUseException`.
    public var isConflict: Bool { statusCode == 409 || errorCode == "ResourceInUseException" }
}

extension AWSError: CustomStringConvertible {
    /// `AWSError.<code>(<errorCode>, status <n>, request <id>): <message>`, with the cause if any.
    public var description: String {
        var parts: [String] = []
        if let errorCode { parts.append(errorCode) }
        if let statusCode { parts.append("status \(statusCode)") }
        if let requestID { parts.append("request \(requestID)") }
        if attempts > 1 { parts.append("after \(attempts) attempts") }
        var text = "AWSError.\(code)" + (parts.isEmpty ? "" : "(\(parts.joined(separator: ", ")))") + ": \(message)"
        if let underlying { text += " (cause: \(underlying))" }
        return text
    }
}
