import ArgumentParser

/// `rag-runtime`: every data-plane process of a RAG pipeline, from one image.
struct RAGRuntimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rag-runtime",
        abstract: "The RAG runtime: query API, web UI, stream consumer, telemetry producer, and all of them locally.",
        subcommands: [])
}

await RAGRuntimeCommand.main()
