import ArgumentParser

/// `rag-operator`: the RAGPipeline operator's command line.
@main
struct OperatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rag-operator",
        abstract: "The RAGPipeline operator for Amazon EKS.",
        subcommands: [RunCommand.self, RenderCommand.self, CRDCommand.self])
}
