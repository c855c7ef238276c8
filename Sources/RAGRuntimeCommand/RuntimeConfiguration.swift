import Foundation
import Logging
import Observability
import QueryServer
import RuntimeContract

/// The configuration of a `rag-runtime` process: the ``RuntimeSettings`` the operator wrote into the
/// environment (decoded by the contract both sides share, `RuntimeContract`), with the runtime's
/// defaults applied, plus the logging settings.
///
/// ## Defaults
/// - `PORT` 8080, the port the operator's probes and Services target.
/// - `EMBEDDER=local` (all-MiniLM-L6-v2 in process, 384 dimensions, its model in
///   `EMBEDDING_MODEL_DIR` or the default folders) and `VECTOR_STORE=embedded` in `DATA_DIR`
///   (default `/var/lib/rag`): a pipeline works with no cloud service. `EMBEDDER=hashing` (384
///   dimensions unless `EMBEDDING_DIMENSIONS`) is the explicit choice for tiny footprints and tests.
/// - No `LLM_URL`: answers are extractive summaries.
/// - `LOG_FORMAT=json`, `LOG_LEVEL=info`.
///
/// ```swift
/// let configuration = try RuntimeConfiguration(environment: ProcessInfo.processInfo.environment)
/// ```
struct RuntimeConfiguration: Sendable {
    /// Which embedder to build.
    enum EmbedderSetting: Sendable, Equatable {
        /// all-MiniLM-L6-v2 from `modelFolder` (`nil`: ``LocalSentenceEmbedder/defaultModelFolder(environment:)``).
        case local(modelFolder: String?)
        case hashing(dimensions: Int)
        case bedrock(modelID: String, dimensions: Int?)
        case openAI(url: String, model: String, dimensions: Int?, hasAPIKey: Bool)
    }

    /// Which vector store to build.
    enum VectorStoreSetting: Sendable, Equatable {
        case embedded(dataDirectory: String)
        case openSearch(endpoint: String, index: String, serverless: Bool)
    }

    /// The chat model to answer with.
    typealias LLMSetting = RuntimeSettings.LLM

    /// The embedded store's directory when `DATA_DIR` is not set.
    static let defaultDataDirectory = "/var/lib/rag"
    /// The hashing embedder's dimensions when `EMBEDDING_DIMENSIONS` is not set.
    static let defaultHashingDimensions = 384
    /// all-MiniLM-L6-v2's dimensions.
    static let localDimensions = 384

    /// Everything the operator set, as decoded.
    var settings: RuntimeSettings
    var port: Int
    var embedder: EmbedderSetting
    var vectorStore: VectorStoreSetting
    var llm: LLMSetting?
    var backendURL: String?
    var logFormat: Observability.LogFormat
    var logLevel: Logger.Level
    /// The HTTP servers' limits: `MAX_CONCURRENT_REQUESTS` (default 32) and `IDLE_TIMEOUT_SECONDS`
    /// (default 30) over ``ServerLimits``' defaults.
    var limits: ServerLimits
    /// The ingest token, from `INGEST_TOKEN_DIR`: what the backend accepts and the consumer sends.
    var ingestTokens: IngestTokens?

    /// Reads and checks the environment.
    ///
    /// - Throws: ``RuntimeConfigurationError`` naming the variable and the value that is wrong.
    init(environment: [String: String]) throws {
        settings = try RuntimeSettings(environment: environment)
        port = settings.port
        let reader = EnvironmentReader(environment: environment)
        switch settings.embedder ?? .local(dimensions: nil) {
        case .local(let dimensions):
            if let dimensions, dimensions != Self.localDimensions {
                throw RuntimeConfigurationError(
                    .embeddingDimensions, value: String(dimensions),
                    reason: "EMBEDDER=local (all-MiniLM-L6-v2) makes \(Self.localDimensions)-dimensional vectors; unset it or use EMBEDDER=hashing")
            }
            embedder = .local(modelFolder: reader.string(.embeddingModelDirectory))
        case .hashing(let dimensions): embedder = .hashing(dimensions: dimensions ?? Self.defaultHashingDimensions)
        case .bedrock(let modelID, let dimensions): embedder = .bedrock(modelID: modelID, dimensions: dimensions)
        case .openAI(let url, let model, let dimensions, let apiKey): embedder = .openAI(url: url, model: model, dimensions: dimensions, hasAPIKey: apiKey != nil)
        }
        switch settings.vectorStore ?? .embedded(dataDirectory: nil) {
        case .embedded(let directory): vectorStore = .embedded(dataDirectory: directory ?? Self.defaultDataDirectory)
        case .openSearch(let endpoint, let index, let serverless): vectorStore = .openSearch(endpoint: endpoint, index: index, serverless: serverless)
        }
        llm = settings.llm
        backendURL = settings.backendURL
        let format = reader.string(.logFormat) ?? "json"
        guard let logFormat = Observability.LogFormat(rawValue: format) else {
            throw RuntimeConfigurationError(.logFormat, value: format, reason: "must be json or text")
        }
        self.logFormat = logFormat
        let level = reader.string(.logLevel) ?? "info"
        guard let logLevel = Logger.Level(rawValue: level.lowercased()) else {
            throw RuntimeConfigurationError(.logLevel, value: level, reason: "must be trace, debug, info, notice, warning, error or critical")
        }
        self.logLevel = logLevel
        var limits = ServerLimits()
        if let concurrent = try reader.integer(.maxConcurrentRequests, range: 1...100_000) { limits.maximumConcurrentRequests = concurrent }
        if let idle = try reader.integer(.idleTimeoutSeconds, range: 1...3_600) { limits.idleTimeout = .seconds(idle) }
        self.limits = limits
        ingestTokens = settings.ingestTokenDirectory.map { IngestTokens(directory: URL(filePath: $0, directoryHint: .isDirectory)) }
    }

    /// The internal listener's port: `INTERNAL_PORT`, else 8081.
    var internalPort: Int { settings.internalPort ?? RuntimeSettings.defaultInternalPort }

    /// What a client of the internal listener sends as its token (re-read as the Secret rotates).
    func ingestTokenReader() -> @Sendable () -> String? {
        let tokens = ingestTokens
        return { tokens?.clientToken() }
    }
}
