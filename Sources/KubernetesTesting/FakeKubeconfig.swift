import Foundation

/// A kubeconfig for a fake API server on loopback.
public enum FakeKubeconfig {
    /// The kubeconfig YAML with one cluster, user and context, all named `fake`.
    ///
    /// - Parameters:
    ///   - certificateAuthorityPEM: the CA that signed the server's certificate, for `https` servers.
    ///   - token: the bearer token the user sends.
    public static func yaml(server: String, namespace: String = "default", certificateAuthorityPEM: String? = nil, token: String = "fake-token") -> String {
        let authority = certificateAuthorityPEM.map { "\n    certificate-authority-data: \(Data($0.utf8).base64EncodedString())" } ?? ""
        return """
            apiVersion: v1
            kind: Config
            current-context: fake
            clusters:
            - name: fake
              cluster:
                server: \(server)\(authority)
            users:
            - name: fake
              user:
                token: \(token)
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
                namespace: \(namespace)

            """
    }
}
