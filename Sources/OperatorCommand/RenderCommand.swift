import ArgumentParser
import CRDs
import Foundation
import KubernetesCore
import Operator
import Yams

/// `rag-operator render -f FILE...`: every object the operator would apply, as multi-document YAML,
/// without a cluster (for GitOps review and CI).
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print, as YAML, every object the operator would apply for RAGPipeline manifests.",
        discussion: "Bad input prints one line naming the file and field, and exits 1.")

    @Option(name: [.short, .customLong("filename")], help: "A RAGPipeline manifest (YAML, several documents allowed); repeatable.")
    var files: [String] = []

    @Option(help: "The runtime image children run.")
    var runtimeImage: String = RAGPipelineDefaults.runtimeImage

    @Flag(help: "Render as for a cluster with KEDA: ScaledObjects for vLLM and consumer autoscaling (without it, their minReplicas fixed).")
    var keda = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one manifest with -f FILE") }
    }

    func run() async throws {
        var documents: [JSONValue] = []
        for file in files {
            do {
                documents += try Self.render(file: file, options: BuildOptions(runtimeImage: runtimeImage), kedaInstalled: keda)
            } catch {
                FileHandle.standardError.write(Data("rag-operator: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
        }
        print(YAMLRenderer.renderDocuments(documents), terminator: "")
    }

    struct RenderError: Error, CustomStringConvertible {
        var description: String
    }

    /// The children of every RAGPipeline in a file. Other kinds are an error: this renders pipelines only.
    static func render(file: String, options: BuildOptions, kedaInstalled: Bool = false) throws(RenderError) -> [JSONValue] {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw RenderError(description: "\(file): cannot read: \(error.localizedDescription)")
        }
        var result: [JSONValue] = []
        let documents: [Any]
        do { documents = try Array(Yams.load_all(yaml: text)).compactMap { $0 } } catch {
            throw RenderError(description: "\(file): not valid YAML: \(error)")
        }
        for (index, document) in documents.enumerated() {
            let where_ = documents.count > 1 ? "\(file) (document \(index + 1))" : file
            let json: JSONValue
            do { json = try JSONValue(yamlObject: document) } catch { throw RenderError(description: "\(where_): \(error)") }
            guard json["kind"]?.stringValue == RAGPipeline.kind, json["apiVersion"]?.stringValue == RAGPipeline.apiVersion else {
                throw RenderError(description: "\(where_): kind must be \(RAGPipeline.kind) (\(RAGPipeline.apiVersion)), got \(json["kind"]?.stringValue ?? "none")")
            }
            var pipeline: RAGPipeline
            do { pipeline = try json.decode(RAGPipeline.self) } catch let error as DecodingError {
                throw RenderError(description: "\(where_): \(Self.describe(error))")
            } catch {
                throw RenderError(description: "\(where_): \(error)")
            }
            if pipeline.metadata.namespace == nil { pipeline.metadata.namespace = options.defaultNamespace }
            let problems = pipeline.validate()
            guard problems.isEmpty else { throw RenderError(description: "\(where_): \(problems.summary)") }
            do {
                result += try DesiredState.children(of: pipeline, options: options, kedaInstalled: kedaInstalled).map(\.body)
            } catch {
                throw RenderError(description: "\(where_): \(error)")
            }
        }
        return result
    }

    /// `spec.llm: missing required field` style messages from decoding errors.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.hasPrefix(".") ? String(keys.dropFirst()) : keys
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\(parent.isEmpty ? "" : parent + ".")\(key.stringValue): required field is missing"
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
