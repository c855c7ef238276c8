import Foundation

/// A kubeconfig file (`kind: Config`), as `kubectl` reads it.
///
/// Several files merge with ``KubeConfig/merged(_:)`` under kubectl's rules: for each named
/// cluster, user or context the first file that defines it wins, and so does the first
/// `current-context`.
public struct KubeConfig: Codable, Sendable, Equatable {
    public var currentContext: String?
    public var clusters: [NamedCluster]
    public var users: [NamedUser]
    public var contexts: [NamedContext]

    enum CodingKeys: String, CodingKey {
        case currentContext = "current-context", clusters, users, contexts
    }

    public init(currentContext: String? = nil, clusters: [NamedCluster] = [], users: [NamedUser] = [], contexts: [NamedContext] = []) {
        self.currentContext = currentContext
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currentContext = try container.decodeIfPresent(String.self, forKey: .currentContext)
        clusters = try container.decodeIfPresent([NamedCluster].self, forKey: .clusters) ?? []
        users = try container.decodeIfPresent([NamedUser].self, forKey: .users) ?? []
        contexts = try container.decodeIfPresent([NamedContext].self, forKey: .contexts) ?? []
    }

    public struct NamedCluster: Codable, Sendable, Equatable {
        public var name: String
        public var cluster: Cluster
    }

    public struct Cluster: Codable, Sendable, Equatable {
        public var server: String
        public var certificateAuthority: String?
        public var certificateAuthorityData: String?
        public var insecureSkipTLSVerify: Bool?
        public var tlsServerName: String?

        enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case tlsServerName = "tls-server-name"
        }
    }

    public struct NamedUser: Codable, Sendable, Equatable {
        public var name: String
        public var user: User
    }

    public struct User: Codable, Sendable, Equatable {
        public var token: String?
        public var tokenFile: String?
        public var clientCertificate: String?
        public var clientCertificateData: String?
        public var clientKey: String?
        public var clientKeyData: String?
        public var exec: ExecConfig?
        public var username: String?
        public var password: String?

        public init(token: String? = nil, tokenFile: String? = nil, exec: ExecConfig? = nil) {
            self.token = token
            self.tokenFile = tokenFile
            self.exec = exec
        }

        enum CodingKeys: String, CodingKey {
            case token, tokenFile, exec, username, password
            case clientCertificate = "client-certificate"
            case clientCertificateData = "client-certificate-data"
            case clientKey = "client-key"
            case clientKeyData = "client-key-data"
        }
    }

    public struct NamedContext: Codable, Sendable, Equatable {
        public var name: String
        public var context: Context
    }

    public struct Context: Codable, Sendable, Equatable {
        public var cluster: String
        public var user: String?
        public var namespace: String?
    }

    /// Merges files in precedence order (the first file wins), as kubectl does with `KUBECONFIG=a:b`.
    public static func merged(_ configs: [KubeConfig]) -> KubeConfig {
        var result = KubeConfig()
        for config in configs {
            if result.currentContext == nil || result.currentContext == "" { result.currentContext = config.currentContext }
            for cluster in config.clusters where !result.clusters.contains(where: { $0.name == cluster.name }) {
                result.clusters.append(cluster)
            }
            for user in config.users where !result.users.contains(where: { $0.name == user.name }) {
                result.users.append(user)
            }
            for context in config.contexts where !result.contexts.contains(where: { $0.name == context.name }) {
                result.contexts.append(context)
            }
        }
        return result
    }
}

/// An exec credential plugin (`client.authentication.k8s.io/v1` or `v1beta1`), e.g. `aws eks get-token`.
public struct ExecConfig: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var command: String
    public var args: [String]?
    public var env: [EnvEntry]?
    public var installHint: String?
    public var provideClusterInfo: Bool?

    public struct EnvEntry: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(apiVersion: String? = "client.authentication.k8s.io/v1", command: String, args: [String]? = nil, env: [EnvEntry]? = nil) {
        self.apiVersion = apiVersion
        self.command = command
        self.args = args
        self.env = env
    }
}
