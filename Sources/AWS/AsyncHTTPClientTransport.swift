import AsyncHTTPClient
import Foundation

/// An ``AWSHTTPTransport`` over AsyncHTTPClient.
///
/// ```swift
/// let transport = AsyncHTTPClientTransport(httpClient: .shared)
/// ```
///
/// ## Defaults
/// Responses larger than ``maximumResponseBytes`` (64 MiB) fail rather than exhaust memory:
/// the largest AWS responses we read (Kinesis `GetRecords`, 10 MiB of base64) fit easily.
public struct AsyncHTTPClientTransport: AWSHTTPTransport {
    /// The HTTP client; its lifecycle belongs to the caller (`HTTPClient.shared` needs none).
    public var httpClient: HTTPClient
    /// The largest response body accepted, in bytes. Defaults to 64 MiB.
    public var maximumResponseBytes: Int

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - httpClient: The HTTP client. Defaults to `HTTPClient.shared`.
    ///   - maximumResponseBytes: The largest response body accepted. Defaults to 64 MiB.
    public init(httpClient: HTTPClient = .shared, maximumResponseBytes: Int = 64 << 20) {
        self.httpClient = httpClient
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// Sends `request` with AsyncHTTPClient and collects the response body.
    public func send(_ request: AWSRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        var outgoing = HTTPClientRequest(url: try request.url.absoluteString)
        outgoing.method = .init(rawValue: request.method)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(request.body)
        }
        let seconds = timeout.components.seconds
        let milliseconds = seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        let response = try await httpClient.execute(outgoing, timeout: .milliseconds(milliseconds))
        let body = try await response.body.collect(upTo: maximumResponseBytes)
        return AWSHTTPResponse(
            status: Int(response.status.code),
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: Data(body.readableBytesView))
    }
}
