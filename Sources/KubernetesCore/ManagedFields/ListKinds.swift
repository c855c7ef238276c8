
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
///
/// It also answers "is the object at this path atomic?" (`+structType=atomic`, `+mapType=atomic`,
/// `x-kubernetes-map-type: atomic`): such an object is owned whole, so `managedFields` records it as one
/// leaf (`f:selector: {}`, `k:{"uid":"…"}: {}`) and server-side apply replaces it whole. The path of a
/// list's items ends in `"*"` (`["metadata", "ownerReferences", "*"]`).
public struct ListKinds: Sendable {
    let kind: @Sendable ([String]) -> ListKind
    let atomicObject: @Sendable ([String]) -> Bool

    public init(_ kind: @escaping @Sendable ([String]) -> ListKind, atomicObject: @escaping @Sendable ([String]) -> Bool = { _ in false }) {
        self.kind = kind
        self.atomicObject = atomicObject
    }

    public func callAsFunction(_ path: [String]) -> ListKind { kind(path) }

    /// Whether the object at `path` is owned and replaced whole.
    public func isAtomicObject(_ path: [String]) -> Bool { atomicObject(path) }

    /// The atomic structs and maps of the built-in kinds the operator writes: `LabelSelector`
    /// (`selector`, `podSelector`, `namespaceSelector`, `labelSelector`), `Service.spec.selector` and
    /// `nodeSelector` (atomic maps), `OwnerReference` and `LocalObjectReference` items, and the
    /// `valueFrom` references of an env var.
    public static let builtInAtomicObjects: @Sendable ([String]) -> Bool = { path in
        guard let last = path.last else { return false }
        switch last {
        case "selector", "podSelector", "namespaceSelector", "labelSelector", "nodeSelector",
             "secretKeyRef", "configMapKeyRef", "fieldRef", "resourceFieldRef":
            return path.first != "metadata"
        case "*":
            let list = path.dropLast().last
            return (list == "ownerReferences" && path.count == 3 && path.first == "metadata") || list == "imagePullSecrets"
        default:
            return false
        }
    }

    /// The keyed lists of the built-in kinds the fake serves.
    public static let builtIn = ListKinds(builtInLists, atomicObject: builtInAtomicObjects)

    static let builtInLists: @Sendable ([String]) -> ListKind = { path in
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
        @Sendable func node(at path: [String]) -> JSONValue? {
            var node: JSONValue? = root
            for name in path {
                if name == "*" { node = node?["items"]; continue }
                if node?["type"]?.stringValue == "array" { node = node?["items"] }
                node = node?["properties"]?[name] ?? node?["additionalProperties"]
            }
            return node
        }
        return ListKinds({ path in
            if path.first == "metadata" { return builtIn(path) }
            let node = node(at: path)
            switch node?["x-kubernetes-list-type"]?.stringValue {
            case "map": return .map(keys: (node?["x-kubernetes-list-map-keys"]?.arrayValue ?? []).compactMap(\.stringValue))
            case "set": return .set
            default: return .atomic
            }
        }, atomicObject: { path in
            if path.first == "metadata" { return builtIn.isAtomicObject(path) }
            return node(at: path)?["x-kubernetes-map-type"]?.stringValue == "atomic"
        })
    }
}
