import Foundation

/// A set of field paths in the `FieldsV1` vocabulary of `managedFields`:
/// `f:<member>`, `k:<key json>` (keyed list item), `v:<value json>` (set element).
///
/// Only leaves are stored (scalars, atomic lists, empty objects, set elements, keyed items without
/// members); `[f:spec, f:replicas]` implies ownership of nothing else under `f:spec`.
public struct FieldSet: Sendable, Equatable {
    public var paths: Set<[String]> = []

    public init(paths: Set<[String]> = []) { self.paths = paths }

    /// Metadata members that belong to the server, never to a field manager.
    public static let serverOwnedMetadata: Set<String> = [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName",
    ]

    /// The fields an object (or an apply configuration) sets.
    public static func of(_ object: JSONValue, lists: ListKinds) -> FieldSet {
        var set = FieldSet()
        guard case .object(let members) = object else { return set }
        for (name, value) in members where name != "apiVersion" && name != "kind" {
            if name == "metadata", case .object(let metadata) = value {
                for (field, item) in metadata where !serverOwnedMetadata.contains(field) {
                    set.insert(item, at: ["f:metadata", "f:\(field)"], fieldPath: ["metadata", field], lists: lists)
                }
                continue
            }
            set.insert(value, at: ["f:\(name)"], fieldPath: [name], lists: lists)
        }
        return set
    }

    private mutating func insert(_ value: JSONValue, at path: [String], fieldPath: [String], lists: ListKinds) {
        switch value {
        case .object(let members) where !members.isEmpty && !lists.isAtomicObject(fieldPath):
            for (name, item) in members { insert(item, at: path + ["f:\(name)"], fieldPath: fieldPath + [name], lists: lists) }
        case .array(let items) where !items.isEmpty:
            switch lists(fieldPath) {
            case .atomic: paths.insert(path)
            case .set:
                for item in items { paths.insert(path + ["v:\(item.jsonString)"]) }
            case .map(let keys):
                for item in items {
                    let element = path + [FieldSet.keyElement(item, keys: keys)]
                    // An atomic item (an OwnerReference, a LocalObjectReference) is owned whole: one leaf.
                    let members = lists.isAtomicObject(fieldPath + ["*"]) ? [:] : (item.objectValue ?? [:])
                    if members.isEmpty { paths.insert(element) }
                    for (name, member) in members {
                        insert(member, at: element + ["f:\(name)"], fieldPath: fieldPath + [name], lists: lists)
                    }
                }
            }
        default:
            paths.insert(path)
        }
    }

    public static func keyElement(_ item: JSONValue, keys: [String]) -> String {
        var key: [String: JSONValue] = [:]
        for name in keys { if let value = item[name] { key[name] = value } }
        return "k:" + JSONValue.object(key).jsonString
    }

    /// The leaf paths, sorted.
    public var leaves: [[String]] { paths.sorted { $0.lexicographicallyPrecedes($1) } }

    public func contains(_ path: [String]) -> Bool { paths.contains(path) }

    /// Whether any path is `node` or lies below it.
    public func covers(_ node: [String]) -> Bool { paths.contains { $0.starts(with: node) } }

    public func subtracting(_ other: FieldSet) -> FieldSet { FieldSet(paths: paths.subtracting(other.paths)) }

    public func union(_ other: FieldSet) -> FieldSet { FieldSet(paths: paths.union(other.paths)) }

    public var isEmpty: Bool { paths.isEmpty }
}

extension FieldSet {
    /// The `fieldsV1` JSON of this set.
    public var fieldsV1: JSONValue {
        var root: JSONValue = .object([:])
        for path in paths {
            for length in 1...path.count {
                let prefix = Array(path.prefix(length))
                if root[path: prefix] == nil { root.set(.object([:]), at: prefix) }
                // Keyed items with members are owned as a whole too, as the real server records.
                if length < path.count, prefix.last?.hasPrefix("k:") == true { root.set(.object([:]), at: prefix + ["."]) }
            }
        }
        return root
    }

    public init(fieldsV1: JSONValue) {
        func walk(_ node: JSONValue, _ prefix: [String], into set: inout Set<[String]>) {
            for (key, child) in node.objectValue ?? [:] where key != "." {
                let members = (child.objectValue ?? [:]).keys.filter { $0 != "." }
                if members.isEmpty { set.insert(prefix + [key]) } else { walk(child, prefix + [key], into: &set) }
            }
        }
        var set: Set<[String]> = []
        walk(fieldsV1, [], into: &set)
        paths = set
    }
}
