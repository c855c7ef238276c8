import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import Ingestion
@testable import QueryServer
@testable import Retrieval
@testable import TelemetryModel

/// A query router over an embedded store seeded with a small fleet, at a fixed "now".
struct APIHarness {
    typealias F = RetrievalFixtures
    /// 2025-06-15T12:00:00Z.
    static let now = F.noon

    let store: EmbeddedVectorStore
    let embedder: HashingEmbedder
    let meter = IngestRateMeter()
    let router: Router<BasicRequestContext>
    /// The internal listener's router (ingest, dead letters, metrics), accepting ``token``.
    let internalRouter: Router<BasicRequestContext>

    /// The ingest token the internal router accepts.
    static let token = "test-ingest-token-0123456789"
    /// `Authorization` and `Content-Type` headers carrying ``token``.
    static let ingestHeaders: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]

    /// A folder holding `token` (and `previous` when given), as the operator's Secret mount does.
    static func tokenDirectory(token: String = APIHarness.token, previous: String? = nil) throws -> URL {
        let directory = try IngestionFixtures.temporaryDirectory()
        try Data(token.utf8).write(to: directory.appending(path: "token"))
        if let previous { try Data(previous.utf8).write(to: directory.appending(path: "previous")) }
        return directory
    }

    /// Records: critical engine alerts 30 and 90 minutes ago, a battery warning yesterday, an info event 3 days ago.
    static let records: [TelemetryRecord] = [
        F.record("evt-eng-1", at: now.addingTimeInterval(-1_800), level: .critical, vehicle: "VH-0042", code: "ENG-001",
                 message: "Engine temperature critical", readings: .init(engineTemp: 118.5)),
        F.record("evt-eng-2", at: now.addingTimeInterval(-5_400), level: .critical, vehicle: "VH-0007", code: "ENG-001",
                 message: "Engine temperature critical", readings: .init(engineTemp: 121)),
        F.record("evt-bat-1", at: now.addingTimeInterval(-86_400), level: .warn, vehicle: "VH-0013", state: "PARKED", code: "BAT-002",
                 message: "Battery voltage low", readings: .init(batteryVoltage: 11.2)),
        F.record("evt-info-1", at: now.addingTimeInterval(-3 * 86_400), level: .info, vehicle: "VH-0001", code: nil,
                 message: "Routine status report", readings: .init(speed: 62)),
    ]

    init(
        generator: any AnswerGenerator = ExtractiveAnswerGenerator(), store: EmbeddedVectorStore? = nil,
        configuration: QueryAPIConfiguration = QueryAPIConfiguration(), seed: Bool = true,
        deadLetters: (any DeadLetterStore)? = nil
    ) async throws {
        embedder = try HashingEmbedder(dimensions: 128)
        self.store = try store ?? EmbeddedVectorStore(configuration: .init(dimensions: 128))
        if seed {
            let vectors = try await embedder.embed(Self.records.map(\.embeddingText), purpose: .document)
            try await self.store.upsert(zip(Self.records, vectors).map { IndexedDocument(record: $0, vector: $1) })
        }
        router = buildQueryRouter(
            configuration: configuration, embedder: embedder, store: self.store, generator: generator, clock: .fixed(Self.now), meter: meter)
        internalRouter = buildInternalRouter(
            configuration: configuration, embedder: embedder, store: self.store, tokens: IngestTokens(directory: try Self.tokenDirectory()),
            clock: .fixed(Self.now), meter: meter, metricsExposition: { Array("rag_test_metric 1\n".utf8) }, deadLetters: deadLetters)
    }

    /// Runs `body` against the router in memory.
    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: router).test(.router, body)
    }

    /// Runs `body` against the internal router in memory.
    func testInternal<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: internalRouter).test(.router, body)
    }
}

/// A generator that answers with a fixed text and counts its calls.
final class RecordingGenerator: StreamingAnswerGenerator {
    let calls = Mutex(0)
    let tokens: [String]

    init(tokens: [String] = ["VH-0042 ", "at 2025-06-15T11:30:00Z ", "reported 118.5 °C."]) {
        self.tokens = tokens
    }

    var callCount: Int { calls.withLock { $0 } }

    func answer(_ request: AnswerRequest) async throws -> GeneratedAnswer {
        calls.withLock { $0 += 1 }
        return GeneratedAnswer(text: tokens.joined(), source: .llm)
    }

    func streamAnswer(_ request: AnswerRequest, onToken: (String) async throws -> Void) async throws -> GeneratedAnswer {
        calls.withLock { $0 += 1 }
        for token in tokens { try await onToken(token) }
        return GeneratedAnswer(text: tokens.joined(), source: .llm)
    }
}

/// A generator that always fails, as an unreachable LLM does.
struct FailingGenerator: AnswerGenerator {
    func answer(_ request: AnswerRequest) async throws -> GeneratedAnswer {
        throw LLMError.connectFailed(url: "http://llm.invalid/v1/chat/completions", underlying: CancellationError())
    }
}

/// Request and response helpers.
enum APITest {
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
        return try #require(object as? [String: Any])
    }

    /// The `error.code` of an error response.
    static func errorCode(_ response: TestResponse) throws -> String? {
        let error = try json(response)["error"] as? [String: Any]
        return error?["code"] as? String
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]
}
