import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import Retrieval

/// Indexes through the query backend: `POST <BACKEND_URL>/api/ingest` with a JSON array of
/// records, which the backend embeds and upserts by `event_id` into its store.
///
/// Pair it with ``DeferredEmbedder``: the backend embeds, so the consumer does not.
///
/// ## Errors
/// - Records the backend lists as `rejected` make ``upsert(_:)`` throw
///   ``IngestionError/backendRejected(status:body:)`` with status 422, which the consumer treats
///   as rejected input: it splits the batch until the rejected records are alone and
///   dead-letters them.
/// - 401 and 403 (the ingest token is missing or refused), 404 (an older backend without the
///   endpoint), 502, 503 and 504 are "unavailable": the batch is not acknowledged and is retried
///   later, so nothing is lost while the backend is missing or its token is being fixed.
///
/// Requests carry `Authorization: Bearer <token>` when `token` returns one: the backend's
/// internal listener accepts writes only with the pipeline's ingest token.
public struct BackendIngestSink: DocumentSink {
    /// `<BACKEND_URL>/api/ingest`.
    public let url: String
    private let httpClient: HTTPClient
    private let timeout: Duration
    private let token: @Sendable () -> String?
    private let lag: @Sendable () -> Double?

    /// The header that tells the backend how far behind the stream the consumer is, for `/api/stats`.
    public static let lagHeader = "X-Consumer-Lag-Seconds"

    /// Creates a sink posting to `<backendURL>/api/ingest`.
    ///
    /// - Parameters:
    ///   - backendURL: The backend's internal base URL, such as `http://rag-backend:8081`.
    ///   - token: The ingest token to send, read on every request (so a rotated one is picked up).
    ///   - lag: The consumer's lag behind the stream, sent along so `/api/stats` can show it.
    ///   - httpClient: The client. Defaults to `HTTPClient.shared`.
    ///   - timeout: Per request. Defaults to 60 seconds (a batch is embedded while we wait).
    public init(
        backendURL: String, token: @escaping @Sendable () -> String? = { nil }, lag: @escaping @Sendable () -> Double? = { nil },
        httpClient: HTTPClient = .shared, timeout: Duration = .seconds(60)
    ) {
        self.lag = lag
        url = (backendURL.hasSuffix("/") ? String(backendURL.dropLast()) : backendURL) + "/api/ingest"
        self.httpClient = httpClient
        self.timeout = timeout
        self.token = token
    }

    struct Response: Decodable {
        struct Rejection: Decodable {
            var eventID: String?
            var reason: String
            private enum CodingKeys: String, CodingKey { case eventID = "event_id", reason }
        }
        var indexed: Int
        var rejected: [Rejection]
    }

    /// Posts the documents' records.
    public func upsert(_ documents: [IndexedDocument]) async throws {
        guard !documents.isEmpty else { return }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token = token() { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let lag = lag() { request.headers.add(name: Self.lagHeader, value: String(format: "%.1f", lag)) }
        request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(documents.map(\.record))))
        let response = try await httpClient.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
        let body = try await response.body.collect(upTo: 4 << 20)
        let text = String(buffer: body)
        guard response.status.code == 200 else {
            throw IngestionError.backendRejected(status: Int(response.status.code), body: String(text.prefix(500)))
        }
        let result = try JSONDecoder().decode(Response.self, from: Data(buffer: body))
        if !result.rejected.isEmpty {
            let reasons = result.rejected.map { "\($0.eventID ?? "?"): \($0.reason)" }.joined(separator: "; ")
            throw IngestionError.backendRejected(status: 422, body: reasons)
        }
    }

    /// Nothing to do: the backend owns durability.
    public func persist() async throws {}
}

/// Dead letters of a consumer that indexes through the backend: `POST <BACKEND_URL>/api/dead-letters`
/// with a JSON array of letters, which the backend appends to `dead-letters.jsonl` on its volume.
///
/// Anything but 200 fails the write, so the batch is not acknowledged and is retried later.
public struct BackendDeadLetterStore: DeadLetterStore {
    /// `<BACKEND_URL>/api/dead-letters`.
    public let url: String
    private let httpClient: HTTPClient
    private let token: @Sendable () -> String?

    /// Creates the store; `token` as for ``BackendIngestSink``.
    public init(backendURL: String, token: @escaping @Sendable () -> String? = { nil }, httpClient: HTTPClient = .shared) {
        url = (backendURL.hasSuffix("/") ? String(backendURL.dropLast()) : backendURL) + "/api/dead-letters"
        self.httpClient = httpClient
        self.token = token
    }

    /// Posts the letters.
    ///
    /// - Throws: ``IngestionError/deadLetterFailed(path:reason:)``.
    public func write(_ letters: [DeadLetter]) async throws {
        guard !letters.isEmpty else { return }
        do {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            if let token = token() { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(letters)))
            let response = try await httpClient.execute(request, timeout: .seconds(30))
            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
            guard response.status.code == 200 else {
                throw IngestionError.deadLetterFailed(path: url, reason: "HTTP \(response.status.code): \(body.prefix(300))")
            }
        } catch let error as IngestionError {
            throw error
        } catch {
            throw IngestionError.deadLetterFailed(path: url, reason: "\(error)")
        }
    }
}

/// A placeholder embedder for a consumer whose sink embeds (``BackendIngestSink``: the backend embeds
/// what it is sent). It computes nothing: one empty vector per text, so the consumer's pipeline shape
/// stays the same whichever side embeds.
public struct DeferredEmbedder: Embedder {
    /// 0: no vectors are computed here.
    public var dimensions: Int { 0 }

    /// `deferred`: the sink's side (the backend) embeds, and its store checks its own identity.
    public var identity: EmbedderIdentity { EmbedderIdentity(kind: "deferred", model: "none", dimensions: 0) }

    /// Creates the embedder.
    public init() {}

    /// One empty vector per text.
    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        Array(repeating: [], count: texts.count)
    }
}
