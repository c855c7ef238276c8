import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import Retrieval
import RuntimeHTTP

/// An ``Embedder`` over any OpenAI-compatible `POST /v1/embeddings` endpoint (OpenAI, vLLM, TEI,
/// Ollama, …).
///
/// Sends `{"model", "input": [...]}` in batches of ``batchSize`` texts and reads
/// `data[].embedding`, ordered by each item's `index`. Vectors are checked against
/// ``dimensions`` and L2-normalised. The endpoint has no notion of query vs document, so
/// `purpose` is ignored.
///
/// ```swift
/// let embedder = OpenAICompatibleEmbedder(configuration: .init(
///     baseURL: "http://tei.rag.svc:8080", model: "BAAI/bge-small-en-v1.5", dimensions: 384))
/// let vectors = try await embedder.embed(["engine overheating"], purpose: .query)
/// ```
///
/// ## Errors
/// - ``EmbeddingServiceError``: no response, 429 or 5xx (transient).
/// - ``RetrievalError/embeddingFailed(model:reason:)``: other statuses, an unreadable body, or a
///   vector of the wrong length (names the model).
public struct OpenAICompatibleEmbedder: Embedder {
    /// Where and what to call.
    public struct Configuration: Sendable, Equatable {
        /// The base URL; `/v1/embeddings` is appended (a trailing `/v1` is accepted).
        public var baseURL: String
        /// The `model` sent with every request.
        public var model: String
        /// The vector length the model returns.
        public var dimensions: Int
        /// Sent as `Authorization: Bearer <key>` when set. Defaults to none (in-cluster servers).
        public var apiKey: String?
        /// Texts per request. Defaults to 96, which every common server accepts.
        public var batchSize: Int
        /// Per-request timeout. Defaults to 30 seconds.
        public var requestTimeout: Duration

        /// Creates a configuration.
        public init(
            baseURL: String, model: String, dimensions: Int, apiKey: String? = nil, batchSize: Int = 96,
            requestTimeout: Duration = .seconds(30)
        ) {
            self.baseURL = baseURL
            self.model = model
            self.dimensions = dimensions
            self.apiKey = apiKey
            self.batchSize = batchSize
            self.requestTimeout = requestTimeout
        }

        /// `<baseURL>/v1/embeddings`.
        public var embeddingsURL: String { OpenAIEndpoint.url(baseURL, "embeddings") }
    }

    /// The configuration.
    public let configuration: Configuration
    private let httpClient: HTTPClient

    /// The vector length, from the configuration.
    public var dimensions: Int { configuration.dimensions }

    /// `openai (model, N dimensions)`; the endpoint is not part of it (the same model served elsewhere embeds alike).
    public var identity: EmbedderIdentity { EmbedderIdentity(kind: "openai", model: configuration.model, dimensions: dimensions) }

    /// Creates an embedder.
    ///
    /// - Parameters:
    ///   - configuration: Where and what to call.
    ///   - httpClient: The HTTP client. Defaults to ``RuntimeHTTPClient/shared``.
    public init(configuration: Configuration, httpClient: HTTPClient = RuntimeHTTPClient.shared) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// Embeds `texts` in order, one request per ``Configuration/batchSize`` texts.
    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        let size = max(1, configuration.batchSize)
        for start in stride(from: 0, to: texts.count, by: size) {
            let batch = Array(texts[start..<min(start + size, texts.count)])
            let raw = try await request(batch)
            vectors += try EmbeddingVectors.checked(raw, count: batch.count, dimensions: dimensions, model: configuration.model)
        }
        return vectors
    }

    private func request(_ texts: [String]) async throws -> [[Float]] {
        let url = configuration.embeddingsURL
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key = configuration.apiKey, !key.isEmpty {
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
        }
        let body = EmbeddingsRequest(model: configuration.model, input: texts)
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
        let seconds = configuration.requestTimeout.components.seconds
        let response: HTTPClientResponse
        let payload: ByteBuffer
        do {
            response = try await httpClient.execute(request, timeout: .seconds(max(1, seconds)))
            payload = try await response.body.collect(upTo: 64 << 20)
        } catch {
            throw EmbeddingServiceError(url: url, status: nil, reason: "\(error)")
        }
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            let text = String(String(buffer: payload).prefix(512))
            if status == 429 || status >= 500 { throw EmbeddingServiceError(url: url, status: status, reason: text) }
            throw RetrievalError.embeddingFailed(model: configuration.model, reason: "HTTP \(status): \(text)")
        }
        do {
            let decoded = try JSONDecoder().decode(EmbeddingsResponse.self, from: Data(buffer: payload))
            return decoded.data.sorted { $0.index < $1.index }.map(\.embedding)
        } catch {
            throw RetrievalError.embeddingFailed(model: configuration.model, reason: "unreadable response: \(error)")
        }
    }

    struct EmbeddingsRequest: Encodable {
        var model: String
        var input: [String]
    }

    struct EmbeddingsResponse: Decodable {
        struct Item: Decodable {
            var index: Int
            var embedding: [Float]
        }
        var data: [Item]
    }
}
