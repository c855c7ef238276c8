import Foundation
import KubernetesCore

/// Moves the bytes of a ``KubernetesRequest`` to an API server and back; nothing more.
///
/// ``AsyncHTTPClientTransport`` talks to a real server; the fake API server in `KubernetesTesting`
/// is a transport too, so the same client code runs against either.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the whole response.
    func send(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesResponse
    /// Sends a request and returns the response whose body arrives as a stream (watches).
    func stream(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesStreamingResponse
}

/// A complete response.
public struct KubernetesResponse: Sendable {
    public var statusCode: Int
    public var headers: [String: String]
    public var body: Data

    public init(statusCode: Int, headers: [String: String] = [:], body: Data) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}

/// A response whose body is consumed as it arrives, with backpressure from the consumer.
public struct KubernetesStreamingResponse: Sendable {
    public var statusCode: Int
    public var headers: [String: String]
    public var body: any AsyncSequence<[UInt8], any Error> & Sendable

    public init(statusCode: Int, headers: [String: String] = [:], body: any AsyncSequence<[UInt8], any Error> & Sendable) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}
