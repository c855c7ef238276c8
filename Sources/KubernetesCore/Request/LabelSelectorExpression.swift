import Foundation

/// A parsed `labelSelector` query string: `app=web,tier!=db,env in (prod,staging),!legacy,release`.
///
/// Parsing is strict: anything the API server would reject throws ``KubernetesCoreError/invalidSelector(_:reason:)``.
public struct LabelSelectorExpression: Sendable, Equatable {
    public enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    public var requirements: [Requirement]

    public init(requirements: [Requirement]) { self.requirements = requirements }

    public init(parsing text: String) throws(KubernetesCoreError) {
        var requirements: [Requirement] = []
        for part in LabelSelectorExpression.splitTopLevel(text) {
            let term = part.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { continue }
            requirements.append(try LabelSelectorExpression.parseTerm(term, in: text))
        }
        self.requirements = requirements
    }

    /// Whether the labels satisfy every requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): labels[key] == value
            case .notEquals(let key, let value): labels[key] != value
            case .isIn(let key, let values): labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): !(labels[key].map(values.contains) ?? false)
            case .exists(let key): labels[key] != nil
            case .doesNotExist(let key): labels[key] == nil
            }
        }
    }

    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func parseTerm(_ term: String, in text: String) throws(KubernetesCoreError) -> Requirement {
        if term.hasPrefix("!") {
            return .doesNotExist(try key(String(term.dropFirst()), in: text))
        }
        for (separator, make) in [("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals)] {
            if let range = term.range(of: separator) {
                let name = try key(String(term[..<range.lowerBound]), in: text)
                let value = term[range.upperBound...].trimmingCharacters(in: .whitespaces)
                return make(name, try LabelSelectorExpression.value(value, in: text))
            }
        }
        let words = term.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2 {
            let rest = words[1].trimmingCharacters(in: .whitespaces)
            for (word, isIn) in [("in", true), ("notin", false)] where rest.hasPrefix(word) {
                let list = rest.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
                guard list.hasPrefix("("), list.hasSuffix(")") else {
                    throw .invalidSelector(text, reason: "expected a parenthesised value list after '\(word)'")
                }
                var values = Set<String>()
                for raw in list.dropFirst().dropLast().split(separator: ",") {
                    values.insert(try LabelSelectorExpression.value(raw.trimmingCharacters(in: .whitespaces), in: text))
                }
                let name = try key(words[0], in: text)
                return isIn ? .isIn(name, values) : .notIn(name, values)
            }
            throw .invalidSelector(text, reason: "unexpected '\(rest)' after key '\(words[0])'")
        }
        return .exists(try key(term, in: text))
    }

    /// Label values: empty, or up to 63 alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric.
    private static func value(_ value: String, in text: String) throws(KubernetesCoreError) -> String {
        let alphanumeric = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let allowed = alphanumeric.union("-_.")
        guard value.isEmpty || (value.count <= 63 && value.allSatisfy(allowed.contains) && alphanumeric.contains(value.first!) && alphanumeric.contains(value.last!)) else {
            throw .invalidSelector(text, reason: "invalid label value '\(value)'")
        }
        return value
    }

    private static func key(_ raw: String, in text: String) throws(KubernetesCoreError) -> String {
        let key = raw.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        guard !key.isEmpty, key.allSatisfy(allowed.contains) else {
            throw .invalidSelector(text, reason: "invalid label key '\(key)'")
        }
        return key
    }
}
