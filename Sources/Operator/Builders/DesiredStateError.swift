import CRDs

/// Why ``DesiredState/children(of:options:)`` produced nothing.
public enum DesiredStateError: Error, Sendable, CustomStringConvertible {
    /// The spec passed the schema but not ``RAGPipeline/validate()``: report InvalidSpec, change nothing.
    case invalidSpec([SpecProblem])
    /// A built object could not be encoded (a programming error, not a spec problem).
    case encodingFailed(kind: String, name: String, underlying: any Error)

    public var description: String {
        switch self {
        case .invalidSpec(let problems): "invalid spec: \(problems.summary)"
        case .encodingFailed(let kind, let name, let underlying): "cannot encode \(kind) \(name): \(underlying)"
        }
    }
}
