import AWS
import Foundation
import Logging
import Answering
import Retrieval
import RetrievalClients
import RuntimeContract

extension RuntimeConfiguration {
    /// The embedder `EMBEDDER` names.
    ///
    /// - `local` (the default): ``LocalSentenceEmbedder``, all-MiniLM-L6-v2 in process, from
    ///   `EMBEDDING_MODEL_DIR` or the default folders; a missing model is one line naming scripts/fetch-minilm.sh.
    /// - `hashing`: the feature-hashing embedder (no network, no model).
    /// - `bedrock`: ``BedrockEmbedder`` for `BEDROCK_MODEL_ID` in `AWS_REGION`, signed with the
    ///   default credential chain (environment keys, web identity, EKS Pod Identity); the endpoint
    ///   honours `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`. Dimensions default to 1,024.
    /// - `openai`: ``OpenAICompatibleEmbedder`` at `EMBEDDING_URL` with `EMBEDDING_MODEL`,
    ///   `EMBEDDING_DIMENSIONS` (required: the store is sized from it) and the optional
    ///   `EMBEDDING_API_KEY`.
    ///
    /// - Parameter environment: Where credentials and the API key are read. Defaults to the process's.
    /// - Throws: ``RuntimeConfigurationError`` naming a missing or invalid variable, or the
    ///   `AWSError` of the credential chain or endpoint resolver.
    func makeEmbedder(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any Embedder {
        switch embedder {
        case .local(let folder):
            return try Self.localEmbedder(folder: folder, environment: environment)
        case .hashing(let dimensions):
            return try HashingEmbedder(dimensions: dimensions)
        case .bedrock(let modelID, let dimensions):
            let http = try AWSClientFactory.httpClient(for: .bedrockRuntime, environment: environment)
            return BedrockEmbedder(client: BedrockRuntimeClient(http: http), modelID: modelID, dimensions: dimensions ?? 1024)
        case .openAI(let url, let model, let dimensions, _):
            guard let dimensions else {
                throw RuntimeConfigurationError(.embeddingDimensions, value: nil, reason: "is required when EMBEDDER=openai")
            }
            let key = environment[RuntimeVariable.embeddingAPIKey.name].flatMap { $0.isEmpty ? nil : $0 }
            return OpenAICompatibleEmbedder(configuration: .init(baseURL: url, model: model, dimensions: dimensions, apiKey: key))
        }
    }

    /// The `local` embedder from `folder`, else the default folders; a missing model is one line.
    static func localEmbedder(folder: String? = nil, environment: [String: String]) throws -> LocalSentenceEmbedder {
        let url = folder.map { URL(filePath: $0, directoryHint: .isDirectory) } ?? LocalSentenceEmbedder.defaultModelFolder(environment: environment)
        do {
            return try LocalSentenceEmbedder(modelFolder: url)
        } catch {
            throw RuntimeConfigurationError(.embedder, value: EmbedderKind.local.rawValue, reason: "\(error) (or set EMBEDDING_MODEL_DIR, or EMBEDDER=hashing)")
        }
    }

    /// The OpenSearch store `VECTOR_STORE=opensearch` names: `OPENSEARCH_INDEX` at
    /// `OPENSEARCH_ENDPOINT`, signed for `aoss` when `OPENSEARCH_SERVERLESS=true`, else `es`.
    ///
    /// - Throws: ``RuntimeConfigurationError`` when the store is not OpenSearch or the endpoint is
    ///   not a URL; the credential chain's `AWSError`.
    func makeOpenSearchStore(dimensions: Int, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> OpenSearchVectorStore {
        guard case .openSearch(let endpoint, let index, let serverless) = vectorStore else {
            throw RuntimeConfigurationError(.vectorStore, value: VectorStoreKind.embedded.rawValue, reason: "is not \(VectorStoreKind.opensearch.rawValue)")
        }
        guard let url = URL(string: endpoint.hasPrefix("http") ? endpoint : "https://\(endpoint)"), url.host != nil else {
            throw RuntimeConfigurationError(.openSearchEndpoint, value: endpoint, reason: "is not a URL")
        }
        let service: AWSService = serverless ? .openSearchServerless : .openSearch
        let http = try AWSClientFactory.httpClient(for: service, environment: environment, endpoint: url)
        // Serverless vector search collections reject custom `_id`s: the id lives in `doc_id` there.
        let client = OpenSearchClient(http: http, index: index, idMode: serverless ? .sourceField("doc_id") : .metadata)
        return OpenSearchVectorStore(client: client, dimensions: dimensions)
    }

    /// The embedded store in `DATA_DIR`, durable: the last snapshot (or a new, empty store) with
    /// its write-ahead log replayed; every acknowledged write is in the `fsync`ed log.
    ///
    /// - Returns: The store and its data directory.
    /// - Throws: ``RuntimeConfigurationError`` for `VECTOR_STORE=opensearch` (this store lives on local disk) or a
    ///   saved store another embedder built (one line: which, and `rag-runtime reindex`);
    ///   `RetrievalError.loadFailed` for a damaged data directory.
    func makeEmbeddedStore(embedder: EmbedderIdentity, logger: Logger) throws -> (store: EmbeddedVectorStore, directory: URL) {
        let dimensions = embedder.dimensions
        switch vectorStore {
        case .openSearch:
            throw RuntimeConfigurationError(.vectorStore, value: VectorStoreKind.opensearch.rawValue, reason: "this command keeps its store on local disk; use VECTOR_STORE=embedded here (rag-runtime query supports opensearch)")
        case .embedded(let path):
            let directory = URL(fileURLWithPath: path, isDirectory: true)
            let (store, replay) = try Self.refusingMismatch(in: path) {
                try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: dimensions, embedder: embedder))
            }
            guard store.configuration.dimensions == dimensions else {
                throw RuntimeConfigurationError(
                    .embeddingDimensions, value: String(dimensions),
                    reason: "differs from the \(store.configuration.dimensions) dimensions of the store saved in \(path); re-index or match it")
            }
            logger.info("opened the embedded store", metadata: [
                "data.dir": "\(path)", "log.entries.replayed": "\(replay.entries)",
                "log.torn.bytes": "\(replay.tornBytes)",
            ])
            return (store, directory)
        }
    }

    /// Runs `open`, turning a store built by another embedder into one line that says which, and what to run.
    ///
    /// `EMBEDDER=local: the store in .rag-data holds vectors of hashing (feature-hashing-v1, 384 dimensions), not local (...):
    /// re-embed it with `rag-runtime reindex --data-dir .rag-data`, or set EMBEDDER=hashing`
    static func refusingMismatch<Value>(in path: String, _ open: () throws -> Value) throws -> Value {
        do {
            return try open()
        } catch RetrievalError.embedderMismatch(_, let stored, let requested) {
            let built = stored.map { "vectors of \($0)" } ?? "vectors of an embedder it did not record (written by an earlier version)"
            var reason = "the store in \(path) holds \(built), not \(requested): re-embed it with `rag-runtime reindex --data-dir \(path)`"
            if let stored { reason += ", or set EMBEDDER=\(stored.kind)" }
            throw RuntimeConfigurationError(.embedder, value: requested.kind, reason: reason)
        }
    }

    /// The answer generator: the LLM when `LLM_URL` is set, else the extractive summary.
    func makeGenerator(logger: Logger) -> any AnswerGenerator {
        guard let llm else { return ExtractiveAnswerGenerator() }
        return LLMAnswerGenerator(client: OpenAIChatClient(configuration: .init(baseURL: llm.url, model: llm.model), logger: logger))
    }
}
