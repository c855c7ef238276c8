/// Renders a ``JSONValue`` as block-style YAML, deterministically: object keys sorted, two-space
/// indentation, and strings quoted whenever a YAML 1.1 or 1.2 parser could read them as anything
/// but the same string.
///
/// Used for generated files that are checked in (the CRD) and for `rag-operator render`, so the
/// same value always gives the same bytes.
///
/// ```swift
/// let yaml = YAMLRenderer.render(["kind": "Service", "spec": ["ports": [["port": 80]]]])
/// // kind: Service
/// // spec:
/// //   ports:
/// //   - port: 80
/// ```
///
/// - Note: `null` renders as `null`; the operator never emits it in apply bodies.
public enum YAMLRenderer {
    /// The YAML text of `value`, ending with a newline.
    public static func render(_ value: JSONValue) -> String {
        var lines: [String] = []
        switch value {
        case .object(let members) where !members.isEmpty:
            appendMembers(members, indent: "", to: &lines)
        case .array(let items) where !items.isEmpty:
            appendItems(items, indent: "", to: &lines)
        default:
            lines.append(scalar(value))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Renders several documents separated by `---`, as `kubectl apply -f` reads them.
    public static func renderDocuments(_ values: [JSONValue]) -> String {
        values.map { "---\n" + render($0) }.joined()
    }

    private static func appendMembers(_ members: [String: JSONValue], indent: String, to lines: inout [String]) {
        for key in members.keys.sorted() {
            let value = members[key]!
            let prefix = "\(indent)\(quoteIfNeeded(key)):"
            switch value {
            case .object(let child) where !child.isEmpty:
                lines.append(prefix)
                appendMembers(child, indent: indent + "  ", to: &lines)
            case .array(let items) where !items.isEmpty:
                lines.append(prefix)
                appendItems(items, indent: indent, to: &lines)
            default:
                lines.append("\(prefix) \(scalar(value))")
            }
        }
    }

    /// Sequence items sit at the parent key's indentation (`- `), the style kubectl prints.
    private static func appendItems(_ items: [JSONValue], indent: String, to lines: inout [String]) {
        for item in items {
            switch item {
            case .object(let members) where !members.isEmpty:
                var nested: [String] = []
                appendMembers(members, indent: indent + "  ", to: &nested)
                nested[0] = indent + "- " + nested[0].dropFirst(indent.count + 2)
                lines.append(contentsOf: nested)
            case .array(let inner) where !inner.isEmpty:
                var nested: [String] = []
                appendItems(inner, indent: indent + "  ", to: &nested)
                nested[0] = indent + "- " + nested[0].dropFirst(indent.count + 2)
                lines.append(contentsOf: nested)
            default:
                lines.append("\(indent)- \(scalar(item))")
            }
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .double(let number): decimal(number)
        case .string(let text): quoteIfNeeded(text)
        case .array: "[]"
        case .object: "{}"
        }
    }

    /// Whole doubles keep a `.0` so they read back as floating point, not as integers.
    private static func decimal(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? ".nan" : (number < 0 ? "-.inf" : ".inf") }
        if number.rounded() == number, abs(number) < 1e15 { return "\(Int64(number)).0" }
        return "\(number)"
    }
}
