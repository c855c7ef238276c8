
/// How a list merges: replaced whole (atomic), as a set of scalars, or as a map keyed by some fields.
public enum ListKind: Sendable, Equatable {
    case atomic
    case set
    case map(keys: [String])
}

/// Answers "how does the list at this field path merge?" for one resource.
///
/// Paths are field names only (list items collapsed): `["spec", "template", "spec", "containers"]`.
/// Built-in kinds use the keys Kubernetes declares (`x-kubernetes-list-map-keys`/patch merge keys);
/// custom resources read `x-kubernetes-list-type` and `x-kubernetes-list-map-keys` from their schema.
public struct ListKinds: Sendable {
    let kind: @Sendable ([String]) -> ListKind

    public init(_ kind: @escaping @Sendable ([String]) -> ListKind) { self.kind = kind }

    public func callAsFunction(_ path: [String]) -> ListKind { kind(path) }

    /// The keyed lists of the built-in kinds the fake serves.
    public static let builtIn = ListKinds { path in
        guard let last = path.last else { return .atomic }
        let inContainer = path.dropLast().last.map { ["containers", "initContainers", "ephemeralContainers"].contains($0) } ?? false
        switch last {
        case "containers", "initContainers", "ephemeralContainers", "volumes", "imagePullSecrets", "env", "hostAliases":
            return last == "hostAliases" ? .map(keys: ["ip"]) : .map(keys: ["name"])
        case "ports": return inContainer ? .map(keys: ["containerPort", "protocol"]) : .map(keys: ["port", "protocol"])
        case "volumeMounts": return .map(keys: ["mountPath"])
        case "volumeDevices": return .map(keys: ["devicePath"])
        case "ownerReferences": return path == ["metadata", "ownerReferences"] ? .map(keys: ["uid"]) : .atomic
        case "finalizers": return path == ["metadata", "finalizers"] ? .set : .atomic
        case "conditions": return .map(keys: ["type"])
        default: return .atomic
        }
    }

    /// Lists as a CRD schema declares them; `metadata` follows the built-in rules.
    public static func schema(_ root: JSONValue) -> ListKinds {
        ListKinds { path in
            if path.first == "metadata" { return builtIn(path) }
            var node: JSONValue? = root
            for name in path {
                if node?["type"]?.stringValue == "array" { node = node?["items"] }
                node = node?["properties"]?[name] ?? node?["additionalProperties"]
            }
            switch node?["x-kubernetes-list-type"]?.stringValue {
            case "map": return .map(keys: (node?["x-kubernetes-list-map-keys"]?.arrayValue ?? []).compactMap(\.stringValue))
            case "set": return .set
            default: return .atomic
            }
        }
    }
}
