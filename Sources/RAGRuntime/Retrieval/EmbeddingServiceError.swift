/// A remote embedding endpoint could not be reached or answered with a transient error status
/// (429 or 5xx). Retrying later may succeed; ingestion treats it as transient.
///
/// Rejections that will not change on retry (other 4xx, wrong vector length) are
/// ``RetrievalError/embeddingFailed(model:reason:)`` instead.
public struct EmbeddingServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL that was called.
    public var url: String
    /// The HTTP status, or `nil` when no response arrived.
    public var status: Int?
    /// What went wrong: the transport error or the start of the response body.
    public var reason: String

    /// Creates an error.
    public init(url: String, status: Int?, reason: String) {
        self.url = url
        self.status = status
        self.reason = reason
    }

    /// `embedding request to <url> failed (HTTP <status>): <reason>`.
    public var description: String {
        "embedding request to \(url) failed\(status.map { " (HTTP \($0))" } ?? ""): \(reason)"
    }
}
