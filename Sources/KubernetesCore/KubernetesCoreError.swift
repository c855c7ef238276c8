/// Errors raised by the pure building blocks of ``KubernetesCore``.
public enum KubernetesCoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A label or field selector string that the API server would reject.
    case invalidSelector(String, reason: String)
    /// A watch stream line that is not a watch event.
    case invalidWatchEvent(line: String, reason: String)
    /// A YAML document holds something JSON cannot (a binary or an unknown tag).
    case unsupportedYAML(String)

    public var description: String {
        switch self {
        case .invalidSelector(let text, let reason): "invalid selector '\(text)': \(reason)"
        case .invalidWatchEvent(let line, let reason): "invalid watch event (\(reason)): \(line.prefix(200))"
        case .unsupportedYAML(let what): "YAML holds \(what), which has no JSON form"
        }
    }
}
