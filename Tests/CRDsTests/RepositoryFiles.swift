import Foundation
import KubernetesCore
import Yams

/// Files checked in next to the sources: the generated CRD and the samples.
enum RepositoryFiles {
    /// The package root: the nearest directory above this file that holds `config/samples`.
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("config/samples").path) { return directory }
            directory.deleteLastPathComponent()
        }
        fatalError("no config/samples above \(#filePath)")
    }()

    static let crdPath = "config/crd/bases/rag.dev_ragpipelines.yaml"

    /// Every `config/samples/*.yaml`, sorted.
    static func sampleNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("config/samples").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// A sample as JSON.
    static func sample(_ name: String) throws -> JSONValue {
        try YAMLJSON.parse(try text("config/samples/\(name)"))
    }
}

/// Reads YAML with Yams (an independent parser) into ``JSONValue``.
enum YAMLJSON {
    struct Unsupported: Error { var value: String }

    static func parse(_ yaml: String) throws -> JSONValue {
        try convert(try Yams.load(yaml: yaml) as Any)
    }

    static func convert(_ value: Any) throws -> JSONValue {
        switch value {
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let number as Double: return .double(number)
        case let text as String: return .string(text)
        case let items as [Any]: return .array(try items.map(convert))
        case let members as [String: Any]: return .object(try members.mapValues(convert))
        case let members as [AnyHashable: Any]:
            var result: [String: JSONValue] = [:]
            for (key, item) in members { result["\(key)"] = try convert(item) }
            return .object(result)
        case is NSNull: return .null
        default: throw Unsupported(value: "\(type(of: value)): \(value)")
        }
    }
}
