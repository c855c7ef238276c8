import Foundation
import KubernetesCore

extension FakeAPIServer {
    /// A `meta.k8s.io/v1` Table, which `kubectl get` asks for: Name, the CRD's printer columns, and Age.
    func table(for items: [JSONValue], resource: ServedResource, listRevision: Int64?) -> JSONValue {
        var columns: [JSONValue] = [["name": "Name", "type": "string", "format": "name", "description": "Name of the object", "priority": 0]]
        var printer = resource.printerColumns
        if !printer.contains(where: { $0.jsonPath == ".metadata.creationTimestamp" }) {
            printer.append(.init(name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp"))
        }
        for column in printer {
            columns.append(["name": .string(column.name), "type": .string(column.type), "format": .string(column.format ?? ""),
                            "description": .string(column.description ?? ""), "priority": .integer(Int64(column.priority ?? 0))])
        }
        let rows: [JSONValue] = items.map { item in
            var cells: [JSONValue] = [item[path: ["metadata", "name"]] ?? ""]
            for column in printer {
                let values = JSONPathQuery(column.jsonPath).evaluate(item)
                cells.append(cell(values.first, type: column.type))
            }
            var metadata = item["metadata"] ?? .object([:])
            metadata["managedFields"] = nil
            return ["cells": .array(cells), "object": ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": metadata]]
        }
        var meta: [String: JSONValue] = [:]
        if let listRevision { meta["resourceVersion"] = .string(String(listRevision)) }
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(meta), "columnDefinitions": .array(columns), "rows": .array(rows)]
    }

    private func cell(_ value: JSONValue?, type: String) -> JSONValue {
        guard let value else { return .null }
        if type == "date", let text = value.stringValue, let date = Timestamp.parse(text) {
            return .string(Self.age(since: date, now: now()))
        }
        if case .string = value { return value }
        if case .integer = value { return value }
        if case .bool = value { return value }
        if case .double = value { return value }
        return .string(value.jsonString)
    }

    /// `5s`, `3m`, `2h`, `4d`: the short ages kubectl prints.
    static func age(since date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 7200 { return "\(seconds / 60)m" }
        if seconds < 48 * 3600 { return "\(seconds / 3600)h" }
        return "\(seconds / 86400)d"
    }
}

/// The subset of JSONPath used in printer columns: `.a.b`, `[0]`, `[*]`, and `[?(@.type=="Ready")]`.
struct JSONPathQuery {
    enum Step: Equatable { case member(String), index(Int), all, filter(path: [String], value: String) }
    var steps: [Step] = []

    init(_ expression: String) {
        var text = Substring(expression.trimmingCharacters(in: CharacterSet(charactersIn: "{}")))
        if text.hasPrefix("$") { text = text.dropFirst() }
        while !text.isEmpty {
            if text.hasPrefix(".") {
                text = text.dropFirst()
                let name = text.prefix { $0 != "." && $0 != "[" }
                if !name.isEmpty { steps.append(.member(String(name))) }
                text = text.dropFirst(name.count)
            } else if text.hasPrefix("[") {
                guard let close = text.firstIndex(of: "]") else { break }
                let inner = text[text.index(after: text.startIndex)..<close]
                text = text[text.index(after: close)...]
                if inner == "*" {
                    steps.append(.all)
                } else if let index = Int(inner) {
                    steps.append(.index(index))
                } else if inner.hasPrefix("?(@."), let equals = inner.range(of: "==") {
                    let path = inner[inner.index(inner.startIndex, offsetBy: 4)..<equals.lowerBound].split(separator: ".").map(String.init)
                    let value = inner[equals.upperBound...].dropLast().trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
                    steps.append(.filter(path: path, value: value))
                }
            } else {
                break
            }
        }
    }

    func evaluate(_ root: JSONValue) -> [JSONValue] {
        var current = [root]
        for step in steps {
            current = current.flatMap { node -> [JSONValue] in
                switch step {
                case .member(let name): return node[name].map { [$0] } ?? []
                case .index(let index): return node.arrayValue.flatMap { $0.indices.contains(index) ? [$0[index]] : nil } ?? []
                case .all: return node.arrayValue ?? (node.objectValue.map { Array($0.values) } ?? [])
                case .filter(let path, let value):
                    return (node.arrayValue ?? []).filter { item in
                        let found = item[path: path]
                        return found?.stringValue == value || found.map { $0.jsonString == value } == true
                    }
                }
            }
        }
        return current
    }
}
