import ArgumentParser
import CRDs

/// `rag-operator crd`: prints the RAGPipeline CustomResourceDefinition, generated from the Swift types.
struct CRDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crd", abstract: "Print the RAGPipeline CustomResourceDefinition as YAML.")

    func run() async throws {
        print(try RAGPipelineCRD.yaml(), terminator: "")
    }
}
