import Foundation

/// A parsed `fieldSelector` query string: `metadata.name=web,metadata.namespace!=kube-system`.
public struct FieldSelectorExpression: Sendable, Equatable {
    public struct Requirement: Sendable, Equatable {
        public var path: [String]
        public var value: String
        public var negated: Bool
    }

    public var requirements: [Requirement]

    public init(parsing text: String) throws(KubernetesCoreError) {
        var requirements: [Requirement] = []
        for raw in text.split(separator: ",") {
            let term = raw.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { continue }
            var parsed: Requirement?
            for (separator, negated) in [("!=", true), ("==", false), ("=", false)] {
                if let range = term.range(of: separator) {
                    let field = term[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                    parsed = Requirement(path: field.split(separator: ".").map(String.init), value: String(term[range.upperBound...]), negated: negated)
                    break
                }
            }
            guard let parsed, !parsed.path.isEmpty else {
                throw .invalidSelector(text, reason: "'\(term)' is not of the form field=value or field!=value")
            }
            requirements.append(parsed)
        }
        self.requirements = requirements
    }

    /// Whether an object, in JSON form, satisfies every requirement. A missing field reads as "".
    public func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            let actual: String
            switch object[path: requirement.path] {
            case .string(let text): actual = text
            case .integer(let number): actual = String(number)
            case .bool(let flag): actual = String(flag)
            default: actual = ""
            }
            return (actual == requirement.value) != requirement.negated
        }
    }
}
