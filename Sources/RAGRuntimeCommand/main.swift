import ArgumentParser

/// `rag-runtime`: every data-plane process of a RAG pipeline, from one image.
struct RAGRuntimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rag-runtime",
        abstract: "The RAG runtime: query API, web UI, stream consumer, telemetry producer, and all of them locally.",
        subcommands: [LocalCommand.self, QueryCommand.self, UICommand.self, ProducerCommand.self, ConsumerCommand.self, DeadLettersCommand.self, ReindexCommand.self, EvalCommand.self])
}

// In top-level code `await RAGRuntimeCommand.main()` resolves to ParsableCommand's synchronous
// `main()`, which refuses async commands at run time; inside an async function the async
// overload wins.
func runRAGRuntimeCommand() async {
    await RAGRuntimeCommand.main()
}

await runRAGRuntimeCommand()
