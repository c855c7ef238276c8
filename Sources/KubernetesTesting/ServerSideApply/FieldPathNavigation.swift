import Foundation
import KubernetesCore

/// Reading, removing and merging values addressed by ``FieldSet`` paths.
enum FieldPathNavigation {
    /// The value at a FieldsV1 path, or `nil` when absent.
    static func value(at path: [String], in object: JSONValue) -> JSONValue? {
        var current: JSONValue? = object
        for element in path {
            guard let node = current else { return nil }
            current = child(element, of: node)?.value
        }
        return current
    }

    private static func child(_ element: String, of node: JSONValue) -> (value: JSONValue, index: Int?)? {
        if element.hasPrefix("f:") {
            return node[String(element.dropFirst(2))].map { ($0, nil) }
        }
        guard case .array(let items) = node, let key = try? JSONValue(data: Data(element.dropFirst(2).utf8)) else { return nil }
        if element.hasPrefix("k:") {
            let fields = key.objectValue ?? [:]
            guard let index = items.firstIndex(where: { item in fields.allSatisfy { item[$0.key] == $0.value } }) else { return nil }
            return (items[index], index)
        }
        if element.hasPrefix("v:"), let index = items.firstIndex(of: key) { return (items[index], index) }
        return nil
    }

    /// Removes the value at a path (a member, a keyed item, or a set element).
    static func removing(_ path: [String], from object: JSONValue) -> JSONValue {
        guard let first = path.first else { return object }
        if path.count == 1 {
            if first.hasPrefix("f:") {
                var copy = object
                copy[String(first.dropFirst(2))] = nil
                return copy
            }
            guard case .array(var items) = object, let index = child(first, of: object)?.index else { return object }
            items.remove(at: index)
            return .array(items)
        }
        let rest = Array(path.dropFirst())
        if first.hasPrefix("f:") {
            let name = String(first.dropFirst(2))
            guard let member = object[name] else { return object }
            var copy = object
            copy[name] = removing(rest, from: member)
            return copy
        }
        guard case .array(var items) = object, let index = child(first, of: object)?.index else { return object }
        items[index] = removing(rest, from: items[index])
        return .array(items)
    }

    /// Merges an apply configuration into a live object: maps merge, keyed lists merge by key,
    /// set lists union, and atomic lists and scalars are replaced.
    static func merge(_ config: JSONValue, into live: JSONValue?, fieldPath: [String] = [], lists: ListKinds) -> JSONValue {
        switch config {
        case .object where lists.isAtomicObject(fieldPath):
            return config  // owned whole, replaced whole
        case .object(let members):
            var base = live?.objectValue ?? [:]
            for (name, value) in members {
                if value == .null { base[name] = nil; continue }
                base[name] = merge(value, into: base[name], fieldPath: fieldPath + [name], lists: lists)
            }
            return .object(base)
        case .array(let items):
            guard case .array(var base)? = live else { return config }
            switch lists(fieldPath) {
            case .atomic:
                return config
            case .set:
                for item in items where !base.contains(item) { base.append(item) }
                return .array(base)
            case .map(let keys):
                for item in items {
                    let key = FieldSet.keyElement(item, keys: keys)
                    if let index = base.firstIndex(where: { FieldSet.keyElement($0, keys: keys) == key }) {
                        base[index] = lists.isAtomicObject(fieldPath + ["*"]) ? item : merge(item, into: base[index], fieldPath: fieldPath, lists: lists)
                    } else {
                        base.append(item)
                    }
                }
                return .array(base)
            }
        default:
            return config
        }
    }
}
