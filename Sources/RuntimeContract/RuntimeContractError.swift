/// A configuration value `rag-runtime` cannot use: names the variable, its value and what is wrong.
///
/// `EMBEDDER=cohere: must be local, bedrock or openai`
public struct RuntimeContractError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable (or flag) at fault.
    public var variable: String
    /// Its value, or `nil` when it is missing.
    public var value: String?
    /// What is wrong, as a phrase that follows the variable.
    public var reason: String

    public init(variable: String, value: String?, reason: String) {
        self.variable = variable
        self.value = value
        self.reason = reason
    }

    public init(_ variable: RuntimeVariable, value: String?, reason: String) {
        self.init(variable: variable.name, value: value, reason: reason)
    }

    public var description: String {
        if let value { "\(variable)=\(value): \(reason)" } else { "\(variable) \(reason)" }
    }
}
