/// One reason a RAGPipeline spec cannot be reconciled, although it passed the CRD schema.
///
/// ```swift
/// SpecProblem(field: "spec.llm.vllm.tensorParallelSize", message: "must not exceed neuronCores (2), got 4")
/// ```
public struct SpecProblem: Sendable, Hashable, CustomStringConvertible {
    /// The field's path, such as `spec.aws.podIdentity.roleArn`.
    public var field: String
    /// What is wrong and how to fix it, for the InvalidSpec condition and the Event.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}

extension [SpecProblem] {
    /// All problems on one line, for a condition message.
    public var summary: String { map(\.description).joined(separator: "; ") }
}
