import ArgumentParser

/// `rag-operator-dev`: the operator without a cluster, for trying it and for its tests. Kept out of
/// `rag-operator` (and the operator image), so production never carries the fake API server.
@main
struct OperatorDevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rag-operator-dev",
        abstract: "The RAGPipeline operator against an in-memory API server (development and tests only).",
        subcommands: [DevCommand.self, FakeAPIServerCommand.self])
}
