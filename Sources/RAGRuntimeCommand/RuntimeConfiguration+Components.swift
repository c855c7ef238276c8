import Foundation
import Logging
import RAGRuntime

extension RuntimeConfiguration {
    /// The embedder `EMBEDDER` names.
    ///
    /// - Throws: ``RuntimeConfigurationError`` for `bedrock` and `openai`, which this build does
    ///   not wire yet, and for an invalid dimension count.
    func makeEmbedder() throws -> any Embedder {
        switch embedder {
        case .local(let dimensions):
            return try HashingEmbedder(dimensions: dimensions)
        case .bedrock:
            throw RuntimeConfigurationError(variable: "EMBEDDER", value: "bedrock", reason: "is not supported by rag-runtime yet; use EMBEDDER=local")
        case .openAI:
            throw RuntimeConfigurationError(variable: "EMBEDDER", value: "openai", reason: "is not supported by rag-runtime yet; use EMBEDDER=local")
        }
    }

    /// The embedded store in `DATA_DIR`: the saved one if there is one, else a new, empty store.
    ///
    /// - Returns: The store and its data directory.
    /// - Throws: ``RuntimeConfigurationError`` for `VECTOR_STORE=opensearch` (not wired yet) or a
    ///   saved store whose dimensions differ from the embedder's; `RetrievalError.loadFailed`
    ///   for a damaged data directory.
    func makeEmbeddedStore(dimensions: Int, logger: Logger) throws -> (store: EmbeddedVectorStore, directory: URL) {
        switch vectorStore {
        case .openSearch:
            throw RuntimeConfigurationError(variable: "VECTOR_STORE", value: "opensearch", reason: "is not supported by rag-runtime yet; use VECTOR_STORE=embedded")
        case .embedded(let path):
            let directory = URL(fileURLWithPath: path, isDirectory: true)
            guard EmbeddedVectorStore.hasSavedStore(in: directory) else {
                logger.info("starting with an empty embedded store", metadata: ["data.dir": "\(path)"])
                return (try EmbeddedVectorStore(configuration: .init(dimensions: dimensions)), directory)
            }
            let store = try EmbeddedVectorStore.load(from: directory)
            guard store.configuration.dimensions == dimensions else {
                throw RuntimeConfigurationError(
                    variable: "EMBEDDING_DIMENSIONS", value: String(dimensions),
                    reason: "differs from the \(store.configuration.dimensions) dimensions of the store saved in \(path); re-index or match it")
            }
            logger.info("loaded the embedded store", metadata: ["data.dir": "\(path)"])
            return (store, directory)
        }
    }

    /// The answer generator: the LLM when `LLM_URL` is set, else the extractive summary.
    func makeGenerator(logger: Logger) -> any AnswerGenerator {
        guard let llm else { return ExtractiveAnswerGenerator() }
        return LLMAnswerGenerator(client: OpenAIChatClient(configuration: .init(baseURL: llm.url, model: llm.model), logger: logger))
    }
}
