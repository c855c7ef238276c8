/// Why a client configuration could not be loaded. Messages name the file and the key.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileUnreadable(path: String, reason: String)
    case invalidKubeconfig(path: String, reason: String)
    case contextNotFound(String)
    case clusterNotFound(String, context: String)
    case userNotFound(String, context: String)
    case noCurrentContext
    case invalidServerURL(String)
    case invalidBase64(field: String)
    case notInCluster(reason: String)
    /// Neither a kubeconfig nor the in-cluster environment worked; both causes are kept.
    case inferenceFailed(kubeconfig: String, inCluster: String)

    public var description: String {
        switch self {
        case .fileUnreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .invalidKubeconfig(let path, let reason): "invalid kubeconfig \(path): \(reason)"
        case .contextNotFound(let name): "context \"\(name)\" not found in kubeconfig"
        case .clusterNotFound(let name, let context): "cluster \"\(name)\" (used by context \"\(context)\") not found in kubeconfig"
        case .userNotFound(let name, let context): "user \"\(name)\" (used by context \"\(context)\") not found in kubeconfig"
        case .noCurrentContext: "kubeconfig has no current-context and none was given"
        case .invalidServerURL(let server): "invalid server URL \"\(server)\""
        case .invalidBase64(let field): "\(field) is not valid base64"
        case .notInCluster(let reason): "not running in a cluster: \(reason)"
        case .inferenceFailed(let kubeconfig, let inCluster): "no usable configuration: kubeconfig: \(kubeconfig); in-cluster: \(inCluster)"
        }
    }
}
