import Foundation

/// A configuration value `rag-runtime` cannot use: names the variable, its value and what is wrong.
///
/// `EMBEDDER=bedrock: not supported by this build yet; use EMBEDDER=local`
struct RuntimeConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable (or flag) at fault.
    var variable: String
    /// Its value, or `nil` when it is missing.
    var value: String?
    /// What is wrong, as a phrase that follows the variable.
    var reason: String

    var description: String {
        if let value { "\(variable)=\(value): \(reason)" } else { "\(variable) \(reason)" }
    }
}

/// Typed reads of environment variables; empty values count as unset.
struct EnvironmentReader: Sendable {
    let environment: [String: String]

    func string(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func required(_ name: String, because condition: String) throws -> String {
        guard let value = string(name) else {
            throw RuntimeConfigurationError(variable: name, value: nil, reason: "is required when \(condition)")
        }
        return value
    }

    func optionalInteger(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw RuntimeConfigurationError(variable: name, value: text, reason: "must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        try optionalInteger(name, range: range) ?? fallback
    }
}
