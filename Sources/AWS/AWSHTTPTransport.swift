import Foundation

/// Moves an ``AWSRequest`` to a server and back. Transports do not sign, retry or parse errors:
/// ``AWSHTTPClient`` does. Tests use a scripted transport; production uses ``AsyncHTTPClientTransport``.
public protocol AWSHTTPTransport: Sendable {
    /// Sends `request` and returns the whole response.
    ///
    /// - Parameters:
    ///   - request: The (already signed) request.
    ///   - timeout: The deadline for the whole exchange.
    /// - Returns: The response, whatever its status.
    /// - Throws: Any error when there is no HTTP response (connection refused, timeout, TLS).
    func send(_ request: AWSRequest, timeout: Duration) async throws -> AWSHTTPResponse
}

/// An HTTP response, read in full.
public struct AWSHTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The header fields, in order.
    public var headers: [AWSRequest.HeaderField]
    /// The body bytes.
    public var body: Data

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: The HTTP status code.
    ///   - headers: The header fields. Defaults to none.
    ///   - body: The body. Defaults to empty.
    public init(status: Int, headers: [AWSRequest.HeaderField] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header named `name`, compared case-insensitively, or `nil`.
    ///
    /// - Parameter name: The header name, in any case.
    public func headerValue(named name: String) -> String? {
        let lowercasedName = name.lowercased()
        return headers.first { $0.name.lowercased() == lowercasedName }?.value
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
