import Foundation

/// Everything needed to reach and authenticate to one API server.
public struct ClientConfiguration: Sendable, Equatable {
    public var server: URL
    /// PEM bytes of the CA bundle; `nil` uses the system trust store.
    public var certificateAuthorityPEM: Data?
    public var clientCertificatePEM: Data?
    public var clientKeyPEM: Redacted<Data>?
    /// Skip server certificate verification. Only ever `true` when the kubeconfig says so.
    public var insecureSkipTLSVerify: Bool
    public var tlsServerName: String?
    public var authentication: Authentication
    /// The namespace of the context (or of the service account in-cluster); `default` otherwise.
    public var namespace: String

    public init(
        server: URL, certificateAuthorityPEM: Data? = nil, clientCertificatePEM: Data? = nil, clientKeyPEM: Redacted<Data>? = nil,
        insecureSkipTLSVerify: Bool = false, tlsServerName: String? = nil, authentication: Authentication = .none, namespace: String = "default"
    ) {
        self.server = server
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.authentication = authentication
        self.namespace = namespace
    }

    /// How requests authenticate.
    public enum Authentication: Sendable, Equatable {
        case none
        case bearerToken(Redacted<String>)
        /// A token file re-read when it rotates (projected service-account tokens).
        case tokenFile(path: String)
        /// An exec credential plugin, run on demand and cached until its expiry.
        case exec(ExecConfig)
        case basic(username: String, password: Redacted<String>)
    }
}
