import Foundation
import KubernetesClient

/// How a ``FakeAPIServer`` is served over the network.
///
/// ``https()`` is what a real API server does, and what the operator's end-to-end tests and
/// `rag-operator-dev dev` use: TLS with a CA of its own, HTTP/2 and HTTP/1.1 offered by ALPN, and a bearer
/// token required on every request (401 otherwise). ``plain`` is plain HTTP/1.1 with no
/// authentication, as `kubectl proxy` or an HTTP proxy in front of an API server answers.
public struct FakeServing: Sendable {
    /// TLS material; `nil` serves plain HTTP/1.1.
    public var certificateAuthority: FakeCertificateAuthority?
    /// The token every request must carry as `Authorization: Bearer <token>`; `nil` accepts any request.
    public var bearerToken: String?

    public init(certificateAuthority: FakeCertificateAuthority? = nil, bearerToken: String? = nil) {
        self.certificateAuthority = certificateAuthority
        self.bearerToken = bearerToken
    }

    /// Plain HTTP/1.1, no authentication.
    public static let plain = FakeServing()

    /// HTTPS (HTTP/2 and HTTP/1.1) with a freshly generated CA and a random bearer token.
    public static func https() throws -> FakeServing {
        FakeServing(certificateAuthority: try FakeCertificateAuthority(), bearerToken: randomToken())
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Whether `header` (the request's `Authorization` value) carries the expected token. Compares in
    /// constant time, so response timing says nothing about how much of a guess was right.
    func authorizes(_ header: String?) -> Bool {
        guard let bearerToken else { return true }
        guard let header, header.hasPrefix("Bearer ") else { return false }
        let given = Array(header.dropFirst("Bearer ".count).utf8)
        let expected = Array(bearerToken.utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in 0..<max(given.count, expected.count) {
            difference |= (index < given.count ? given[index] : 0) ^ (index < expected.count ? expected[index] : 0)
        }
        return difference == 0
    }
}

/// Where a served ``FakeAPIServer`` listens and how to reach it.
public struct FakeEndpoint: Sendable {
    /// `https://127.0.0.1:<port>` or `http://127.0.0.1:<port>`.
    public let url: URL
    public let serving: FakeServing

    public init(url: URL, serving: FakeServing) {
        self.url = url
        self.serving = serving
    }

    /// A kubeconfig for this endpoint: the CA and the token included.
    public func kubeconfigYAML(namespace: String = "default") -> String {
        FakeKubeconfig.yaml(
            server: url.absoluteString, namespace: namespace, certificateAuthorityPEM: serving.certificateAuthority?.certificateAuthorityPEM,
            token: serving.bearerToken ?? "fake-token")
    }

    /// The client configuration a kubeconfig for this endpoint yields.
    public func clientConfiguration(namespace: String = "default") -> ClientConfiguration {
        ClientConfiguration(
            server: url, certificateAuthorityPEM: serving.certificateAuthority.map { Data($0.certificateAuthorityPEM.utf8) },
            authentication: .bearerToken(Redacted(serving.bearerToken ?? "fake-token")), namespace: namespace)
    }

    /// A client over the real network transport, as `rag-operator run` builds one. Call `shutdown()` when done.
    public func client(httpVersion: AsyncHTTPClientTransport.HTTPVersion = .automatic) throws -> KubernetesClient {
        KubernetesClient(transport: try AsyncHTTPClientTransport(configuration: clientConfiguration(), httpVersion: httpVersion))
    }
}
