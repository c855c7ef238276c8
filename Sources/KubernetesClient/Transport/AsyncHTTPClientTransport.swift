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
/// - Defaults: connect timeout 10 s; read (idle) timeout 300 s, just above the 290 s server-side
///   watch timeout the watcher asks for, so a silent watch connection is noticed.
public final class AsyncHTTPClientTransport: HTTPTransport {
    public let configuration: ClientConfiguration
    let httpClient: HTTPClient
    let authenticator: RequestAuthenticator
    /// Upper bound on a non-streaming response body.
    let maximumBodySize = 64 << 20

    public init(configuration: ClientConfiguration, readTimeout: TimeAmount = .seconds(300)) throws(KubernetesClientError) {
        self.configuration = configuration
        self.authenticator = RequestAuthenticator(configuration.authentication)
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.timeout = .init(connect: .seconds(10), read: readTimeout)
        clientConfiguration.decompression = .enabled(limit: .none)
        if configuration.server.scheme == "https" {
            clientConfiguration.tlsConfiguration = try Self.tlsConfiguration(configuration)
        }
        httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    }

    /// Closes connections. Call once when done with the client.
    public func shutdown() async throws {
        try await httpClient.shutdown()
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
            return try await httpClient.execute(httpRequest, deadline: request.isWatch ? .distantFuture : .now() + .seconds(60))
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
