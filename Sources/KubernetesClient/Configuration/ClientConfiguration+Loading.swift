import Foundation
import Yams

extension ClientConfiguration {
    /// The service-account directory mounted into every Pod.
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// Finds a configuration the way kubectl and kube-rs do: an explicit kubeconfig path, else
    /// `KUBECONFIG` (several paths separated by `:`), else `~/.kube/config` if it exists, else the
    /// in-cluster environment.
    ///
    /// - Throws: ``ConfigurationError/inferenceFailed(kubeconfig:inCluster:)`` with both causes when nothing works.
    public static func infer(
        kubeconfigPath: String? = nil, context: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        serviceAccountDirectory: String = serviceAccountDirectory
    ) throws(ConfigurationError) -> ClientConfiguration {
        if let kubeconfigPath { return try fromKubeconfig(paths: [kubeconfigPath], context: context) }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return try fromKubeconfig(paths: list.split(separator: ":").map(String.init), context: context)
        }
        let kubeconfigError: ConfigurationError
        let home = environment["HOME"] ?? NSHomeDirectory()
        let defaultPath = "\(home)/.kube/config"
        if FileManager.default.fileExists(atPath: defaultPath) {
            do { return try fromKubeconfig(paths: [defaultPath], context: context) } catch { kubeconfigError = error }
        } else {
            kubeconfigError = .fileUnreadable(path: defaultPath, reason: "no such file (and KUBECONFIG is not set)")
        }
        do {
            return try inCluster(environment: environment, serviceAccountDirectory: serviceAccountDirectory)
        } catch {
            throw .inferenceFailed(kubeconfig: kubeconfigError.description, inCluster: error.description)
        }
    }

    /// The in-cluster configuration: `KUBERNETES_SERVICE_HOST`/`_PORT`, the mounted CA, and the
    /// service-account token file (re-read as it rotates).
    public static func inCluster(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        serviceAccountDirectory: String = serviceAccountDirectory
    ) throws(ConfigurationError) -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], let port = environment["KUBERNETES_SERVICE_PORT"] else {
            throw .notInCluster(reason: "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let server = URL(string: "https://\(hostPart):\(port)") else { throw .invalidServerURL("https://\(hostPart):\(port)") }
        let tokenPath = "\(serviceAccountDirectory)/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw .notInCluster(reason: "service account token \(tokenPath) is not readable")
        }
        let ca = try readFile("\(serviceAccountDirectory)/ca.crt")
        let namespacePath = "\(serviceAccountDirectory)/namespace"
        var namespace: String?
        if FileManager.default.fileExists(atPath: namespacePath) {
            namespace = String(decoding: try readFile(namespacePath), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ClientConfiguration(server: server, certificateAuthorityPEM: ca, authentication: .tokenFile(path: tokenPath), namespace: namespace ?? "default")
    }

    /// Loads and merges kubeconfig files, then resolves the context (`context` overrides `current-context`).
    public static func fromKubeconfig(paths: [String], context: String? = nil) throws(ConfigurationError) -> ClientConfiguration {
        var configs: [KubeConfig] = []
        var directories: [String: String] = [:]
        for path in paths {
            // kubectl ignores files in KUBECONFIG that do not exist, but not unreadable or invalid ones.
            guard paths.count == 1 || FileManager.default.fileExists(atPath: path) else { continue }
            let data = try readFile(path)
            let config: KubeConfig
            do {
                config = try YAMLDecoder().decode(KubeConfig.self, from: data)
            } catch {
                throw .invalidKubeconfig(path: path, reason: String(describing: error))
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            for cluster in config.clusters where directories["cluster:\(cluster.name)"] == nil { directories["cluster:\(cluster.name)"] = directory }
            for user in config.users where directories["user:\(user.name)"] == nil { directories["user:\(user.name)"] = directory }
            configs.append(config)
        }
        return try resolve(KubeConfig.merged(configs), context: context, directories: directories)
    }

    /// Resolves one context of an already merged kubeconfig. Relative file paths resolve against `directories`.
    static func resolve(_ config: KubeConfig, context requested: String?, directories: [String: String] = [:]) throws(ConfigurationError) -> ClientConfiguration {
        guard let contextName = requested ?? config.currentContext, !contextName.isEmpty else { throw .noCurrentContext }
        guard let context = config.contexts.first(where: { $0.name == contextName })?.context else { throw .contextNotFound(contextName) }
        guard let cluster = config.clusters.first(where: { $0.name == context.cluster })?.cluster else {
            throw .clusterNotFound(context.cluster, context: contextName)
        }
        var user = KubeConfig.User(token: nil)
        if let userName = context.user, !userName.isEmpty {
            guard let found = config.users.first(where: { $0.name == userName })?.user else { throw .userNotFound(userName, context: contextName) }
            user = found
        }
        guard let server = URL(string: cluster.server), server.scheme != nil, server.host != nil else { throw .invalidServerURL(cluster.server) }
        let clusterDirectory = directories["cluster:\(context.cluster)"]
        let userDirectory = context.user.flatMap { directories["user:\($0)"] }

        var configuration = ClientConfiguration(server: server, insecureSkipTLSVerify: cluster.insecureSkipTLSVerify ?? false, tlsServerName: cluster.tlsServerName, namespace: context.namespace ?? "default")
        configuration.certificateAuthorityPEM = try dataOrFile(cluster.certificateAuthorityData, cluster.certificateAuthority, field: "certificate-authority-data", directory: clusterDirectory)
        configuration.clientCertificatePEM = try dataOrFile(user.clientCertificateData, user.clientCertificate, field: "client-certificate-data", directory: userDirectory)
        configuration.clientKeyPEM = try dataOrFile(user.clientKeyData, user.clientKey, field: "client-key-data", directory: userDirectory).map(Redacted.init)
        if let token = user.token, !token.isEmpty {
            configuration.authentication = .bearerToken(Redacted(token))
        } else if let tokenFile = user.tokenFile {
            configuration.authentication = .tokenFile(path: absolute(tokenFile, directory: userDirectory))
        } else if var exec = user.exec {
            if exec.command.contains("/") { exec.command = absolute(exec.command, directory: userDirectory) }
            configuration.authentication = .exec(exec)
        } else if let username = user.username, let password = user.password {
            configuration.authentication = .basic(username: username, password: Redacted(password))
        }
        return configuration
    }

    private static func dataOrFile(_ base64: String?, _ path: String?, field: String, directory: String?) throws(ConfigurationError) -> Data? {
        if let base64, !base64.isEmpty {
            guard let data = Data(base64Encoded: base64.filter { !$0.isWhitespace }) else { throw .invalidBase64(field: field) }
            return data
        }
        guard let path, !path.isEmpty else { return nil }
        return try readFile(absolute(path, directory: directory))
    }

    private static func absolute(_ path: String, directory: String?) -> String {
        guard !path.hasPrefix("/"), let directory else { return path }
        return "\(directory)/\(path)"
    }

    static func readFile(_ path: String) throws(ConfigurationError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .fileUnreadable(path: path, reason: error.localizedDescription)
        }
    }
}

