import KubernetesCore

/// Strategic merge patch (`application/strategic-merge-patch+json`) for built-in kinds: a merge patch
/// whose keyed lists merge item by item, as `kubectl apply` (client-side) and `kubectl patch` send it.
///
/// Supported directives: `$patch: delete` in a keyed list item, `$deleteFromPrimitiveList/<field>`;
/// `$setElementOrder/<field>` and `$retainKeys` are accepted and ignored (order is kept as stored).
enum StrategicMergePatch {
    static func apply(_ patch: JSONValue, to target: JSONValue, lists: ListKinds, fieldPath: [String] = []) -> JSONValue {
        guard case .object(let members) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (key, value) in members {
            if key.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
                let removed = value.arrayValue ?? []
                if case .array(let items)? = result[field] { result[field] = .array(items.filter { !removed.contains($0) }) }
                continue
            }
            if key.hasPrefix("$") { continue }
            if value == .null {
                result.removeValue(forKey: key)
                continue
            }
            let path = fieldPath + [key]
            switch (value, lists(path)) {
            case (.array(let items), .map(let keys)):
                var base = result[key]?.arrayValue ?? []
                for item in items {
                    let itemKey = FieldSet.keyElement(item, keys: keys)
                    let index = base.firstIndex { FieldSet.keyElement($0, keys: keys) == itemKey }
                    if item["$patch"]?.stringValue == "delete" {
                        if let index { base.remove(at: index) }
                    } else if let index {
                        base[index] = apply(item, to: base[index], lists: lists, fieldPath: path)
                    } else {
                        base.append(apply(item, to: .object([:]), lists: lists, fieldPath: path))
                    }
                }
                result[key] = .array(base)
            case (.array(let items), .set):
                var base = result[key]?.arrayValue ?? []
                for item in items where !base.contains(item) { base.append(item) }
                result[key] = .array(base)
            case (.object, _):
                result[key] = apply(value, to: result[key] ?? .object([:]), lists: lists, fieldPath: path)
            default:
                result[key] = value
            }
        }
        return .object(result)
    }
}
