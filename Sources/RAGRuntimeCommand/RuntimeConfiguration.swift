import Foundation
import Logging
import Observability

/// The configuration of a `rag-runtime` process, read from the environment the operator sets.
///
/// Variables (the operator's `RuntimeEnvironment` is the other side of this contract):
/// `PORT`, `AWS_REGION`, `EMBEDDER` (`local` | `bedrock` | `openai`), `EMBEDDING_DIMENSIONS`,
/// `BEDROCK_MODEL_ID`, `EMBEDDING_URL`, `EMBEDDING_MODEL`, `EMBEDDING_API_KEY`, `VECTOR_STORE`
/// (`embedded` | `opensearch`), `OPENSEARCH_ENDPOINT`, `OPENSEARCH_INDEX`, `DATA_DIR`, `LLM_URL`
/// (without `/v1`), `LLM_MODEL`, `BACKEND_URL`, plus `LOG_FORMAT` (`json` | `text`) and `LOG_LEVEL`.
///
/// ## Defaults
/// - `PORT` 8080, the port the operator's probes and Services target.
/// - `EMBEDDER=local` with 384 dimensions and `VECTOR_STORE=embedded` in `DATA_DIR` (default
///   `/var/lib/rag`): a pipeline works with no cloud service.
/// - No `LLM_URL`: answers are extractive summaries.
/// - `LOG_FORMAT=json`, `LOG_LEVEL=info`.
///
/// ```swift
/// let configuration = try RuntimeConfiguration(environment: ProcessInfo.processInfo.environment)
/// ```
struct RuntimeConfiguration: Sendable, Equatable {
    /// Which embedder to build.
    enum EmbedderSetting: Sendable, Equatable {
        case local(dimensions: Int)
        case bedrock(modelID: String, dimensions: Int?)
        case openAI(url: String, model: String, dimensions: Int?, hasAPIKey: Bool)
    }

    /// Which vector store to build.
    enum VectorStoreSetting: Sendable, Equatable {
        case embedded(dataDirectory: String)
        case openSearch(endpoint: String, index: String)
    }

    /// The chat model to answer with.
    struct LLMSetting: Sendable, Equatable {
        var url: String
        var model: String
    }

    var port: Int
    var embedder: EmbedderSetting
    var vectorStore: VectorStoreSetting
    var llm: LLMSetting?
    var backendURL: String?
    var logFormat: Observability.LogFormat
    var logLevel: Logger.Level

    /// Reads and checks the environment.
    ///
    /// - Throws: ``RuntimeConfigurationError`` naming the variable and the value that is wrong.
    init(environment: [String: String]) throws {
        let reader = EnvironmentReader(environment: environment)
        port = try reader.integer("PORT", default: 8080, range: 1...65_535)
        embedder = try Self.embedderSetting(reader)
        vectorStore = try Self.vectorStoreSetting(reader)
        if let url = reader.string("LLM_URL") {
            guard let model = reader.string("LLM_MODEL") else {
                throw RuntimeConfigurationError(variable: "LLM_MODEL", value: nil, reason: "is required when LLM_URL is set")
            }
            llm = LLMSetting(url: url, model: model)
        }
        backendURL = reader.string("BACKEND_URL")
        let format = reader.string("LOG_FORMAT") ?? "json"
        guard let logFormat = Observability.LogFormat(rawValue: format) else {
            throw RuntimeConfigurationError(variable: "LOG_FORMAT", value: format, reason: "must be json or text")
        }
        self.logFormat = logFormat
        let level = reader.string("LOG_LEVEL") ?? "info"
        guard let logLevel = Logger.Level(rawValue: level.lowercased()) else {
            throw RuntimeConfigurationError(variable: "LOG_LEVEL", value: level, reason: "must be trace, debug, info, notice, warning, error or critical")
        }
        self.logLevel = logLevel
    }

    private static func embedderSetting(_ reader: EnvironmentReader) throws -> EmbedderSetting {
        let dimensions = try reader.optionalInteger("EMBEDDING_DIMENSIONS", range: 16...8192)
        switch reader.string("EMBEDDER") ?? "local" {
        case "local":
            return .local(dimensions: dimensions ?? 384)
        case "bedrock":
            return .bedrock(modelID: try reader.required("BEDROCK_MODEL_ID", because: "EMBEDDER=bedrock"), dimensions: dimensions)
        case "openai":
            return .openAI(
                url: try reader.required("EMBEDDING_URL", because: "EMBEDDER=openai"),
                model: try reader.required("EMBEDDING_MODEL", because: "EMBEDDER=openai"),
                dimensions: dimensions, hasAPIKey: reader.string("EMBEDDING_API_KEY") != nil)
        case let other:
            throw RuntimeConfigurationError(variable: "EMBEDDER", value: other, reason: "must be local, bedrock or openai")
        }
    }

    private static func vectorStoreSetting(_ reader: EnvironmentReader) throws -> VectorStoreSetting {
        switch reader.string("VECTOR_STORE") ?? "embedded" {
        case "embedded":
            return .embedded(dataDirectory: reader.string("DATA_DIR") ?? "/var/lib/rag")
        case "opensearch":
            return .openSearch(
                endpoint: try reader.required("OPENSEARCH_ENDPOINT", because: "VECTOR_STORE=opensearch"),
                index: try reader.required("OPENSEARCH_INDEX", because: "VECTOR_STORE=opensearch"))
        case let other:
            throw RuntimeConfigurationError(variable: "VECTOR_STORE", value: other, reason: "must be embedded or opensearch")
        }
    }
}
