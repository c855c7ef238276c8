import CRDs
import Foundation
import KubernetesCore
import Operator
import Yams

/// The checked-in samples (`config/samples`), decoded, and what the builders make of them.
enum SamplePipelines {
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("config/samples").path) { return directory }
            directory.deleteLastPathComponent()
        }
        fatalError("no config/samples above \(#filePath)")
    }()

    static let full = "rag_v1alpha1_ragpipeline_full.yaml"
    static let minimal = "rag_v1alpha1_ragpipeline_minimal.yaml"
    static let openAI = "rag_v1alpha1_ragpipeline_openai_embeddings.yaml"
    static let producer = "rag_v1alpha1_ragpipeline_producer.yaml"
    static let noNetworkPolicy = "rag_v1alpha1_ragpipeline_no_networkpolicy.yaml"

    static var names: [String] {
        let directory = root.appendingPathComponent("config/samples").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// A sample, with a uid as the API server would give it.
    static func pipeline(_ name: String) throws -> RAGPipeline {
        let text = try String(contentsOf: root.appendingPathComponent("config/samples/\(name)"), encoding: .utf8)
        var pipeline = try json(try Yams.load(yaml: text) as Any).decode(RAGPipeline.self)
        pipeline.metadata.uid = "0b6a4e1c-5f9d-4e57-9d0c-2a1f3b4c5d6e"
        return pipeline
    }

    struct UnsupportedYAML: Error { var value: String }

    /// What Yams returns, as JSON.
    static func json(_ value: Any) throws -> JSONValue {
        switch value {
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let number as Double: return .double(number)
        case let text as String: return .string(text)
        case let items as [Any]: return .array(try items.map(json))
        case let members as [String: Any]: return .object(try members.mapValues(json))
        default: throw UnsupportedYAML(value: "\(type(of: value))")
        }
    }

    static func children(_ name: String) throws -> [DesiredObject] {
        try DesiredState.children(of: try pipeline(name), options: BuildOptions(runtimeImage: "ghcr.io/rag-dev/rag-runtime:test"))
    }
}

extension [DesiredObject] {
    /// The body of the object of `kind` named `name`.
    func body(_ kind: String, _ name: String) -> JSONValue? {
        first { $0.descriptor.kind == kind && $0.name == name }?.body
    }

    func names(_ kind: String) -> [String] {
        filter { $0.descriptor.kind == kind }.map(\.name).sorted()
    }
}

extension JSONValue {
    /// The container of a Deployment body.
    var firstContainer: JSONValue? { self[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first }

    /// An env var's value from a container.
    func env(_ name: String) -> String? {
        self["env"]?.arrayValue?.first { $0["name"] == .string(name) }?["value"]?.stringValue
    }
}
