import AsyncHTTPClient
import Foundation
import KubernetesCore
import NIOCore
import NIOHTTP1
import NIOSSL

/// The real transport: AsyncHTTPClient with the configuration's TLS settings and authentication.
///
/// A 401 with refreshable credentials (token file, exec plugin) is retried once with fresh ones.
///
/// ## Connections
/// Watches and requests use separate connection pools. Over HTTP/1.1 a watch holds its connection
/// for minutes, and AsyncHTTPClient opens at most `concurrentHTTP1ConnectionsPerHostSoftLimit`
/// connections per host; with one shared pool, eight watches took all eight connections and no
/// request ever got one (an operator behind `kubectl proxy` reconciled nothing). Over HTTP/2 each pool
/// multiplexes its streams on one connection, so the split costs one extra connection.
///
/// - Defaults: connect timeout 10 s; each request bounded by `requestTimeout` (30 s) unless the
///   request carries its own; a watch's idle (read) timeout 300 s, just above the 290 s server-side
///   watch timeout the watcher asks for, so a silent watch connection is noticed. Up to 64 watch
///   connections and 32 request connections per host over HTTP/1.1.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// Which HTTP versions the transport may negotiate.
    public enum HTTPVersion: Sendable {
        /// HTTP/2 where the server offers it by ALPN (every real API server does), HTTP/1.1 otherwise.
        case automatic
        /// HTTP/1.1 only, as through a proxy that speaks nothing else.
        case http1Only
    }

    public let configuration: ClientConfiguration
    let requests: HTTPClient
    let watches: HTTPClient
    let authenticator: RequestAuthenticator
    let requestTimeout: Duration
    /// Upper bound on a non-streaming response body.
    let maximumBodySize = 64 << 20

    public init(
        configuration: ClientConfiguration, readTimeout: TimeAmount = .seconds(300), requestTimeout: Duration = .seconds(30),
        httpVersion: HTTPVersion = .automatic
    ) throws(KubernetesClientError) {
        self.configuration = configuration
        self.authenticator = RequestAuthenticator(configuration.authentication)
        self.requestTimeout = requestTimeout
        var base = HTTPClient.Configuration()
        base.decompression = .enabled(limit: .none)
        if case .http1Only = httpVersion { base.httpVersion = .http1Only }
        if configuration.server.scheme == "https" {
            base.tlsConfiguration = try Self.tlsConfiguration(configuration)
        }
        var requestConfiguration = base
        requestConfiguration.timeout = .init(connect: .seconds(10), read: .nanoseconds(Int64(requestTimeout.timeInterval * 1e9)))
        requestConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
        var watchConfiguration = base
        watchConfiguration.timeout = .init(connect: .seconds(10), read: readTimeout)
        watchConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        requests = HTTPClient(eventLoopGroupProvider: .singleton, configuration: requestConfiguration)
        watches = HTTPClient(eventLoopGroupProvider: .singleton, configuration: watchConfiguration)
    }

    /// Closes connections. Call once when done with the client.
    public func shutdown() async throws {
        try await requests.shutdown()
        try await watches.shutdown()
    }

    static func tlsConfiguration(_ configuration: ClientConfiguration) throws(KubernetesClientError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let ca = configuration.certificateAuthorityPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(ca)))
            }
            if let certificate = configuration.clientCertificatePEM, let key = configuration.clientKeyPEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificate)).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(key.value), format: .pem))
            }
        } catch {
            throw KubernetesClientError(.transportFailed, message: "invalid TLS material in the client configuration", underlying: error)
        }
        if configuration.insecureSkipTLSVerify { tls.certificateVerification = .none }
        return tls
    }

    public func send(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesResponse {
        let response = try await execute(request)
        do {
            let body = try await response.body.collect(upTo: maximumBodySize)
            return KubernetesResponse(statusCode: Int(response.status.code), headers: Self.headers(response.headers), body: Data(body.readableBytesView))
        } catch {
            throw KubernetesClientError(.transportFailed, message: "reading the response to \(request.method) \(request.path) failed", underlying: error)
        }
    }

    public func stream(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesStreamingResponse {
        let response = try await execute(request)
        let body = response.body.map { Array(buffer: $0) }
        return KubernetesStreamingResponse(statusCode: Int(response.status.code), headers: Self.headers(response.headers), body: body)
    }

    private func execute(_ request: KubernetesRequest) async throws(KubernetesClientError) -> HTTPClientResponse {
        var response = try await execute(request, forceRefresh: false)
        if response.status == .unauthorized && authenticator.canRefresh {
            response = try await execute(request, forceRefresh: true)
        }
        return response
    }

    private func execute(_ request: KubernetesRequest, forceRefresh: Bool) async throws(KubernetesClientError) -> HTTPClientResponse {
        var base = configuration.server.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var httpRequest = HTTPClientRequest(url: base + request.pathAndQuery)
        httpRequest.method = HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { httpRequest.headers.add(name: name, value: value) }
        httpRequest.headers.replaceOrAdd(name: "User-Agent", value: "rag-operator/0.1 (swift)")
        if let header = try await authenticator.authorizationHeader(forceRefresh: forceRefresh) {
            httpRequest.headers.replaceOrAdd(name: "Authorization", value: header)
        }
        if let body = request.body { httpRequest.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            if request.isWatch { return try await watches.execute(httpRequest, deadline: .distantFuture) }
            let timeout = request.timeout ?? requestTimeout
            return try await requests.execute(httpRequest, deadline: .now() + .nanoseconds(Int64(timeout.timeInterval * 1e9)))
        } catch {
            throw KubernetesClientError(.transportFailed, message: "\(request.method) \(request.path) failed", underlying: error)
        }
    }

    private static func headers(_ headers: HTTPHeaders) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in headers { result[name.lowercased()] = value }
        return result
    }
}
