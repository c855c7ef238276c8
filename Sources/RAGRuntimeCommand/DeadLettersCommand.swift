import ArgumentParser
import AsyncHTTPClient
import Foundation
import Ingestion
import Logging
import NIOCore
import NIOHTTP1
import NIOFoundationCompat
import Observability
import Retrieval
import RetrievalClients
import RuntimeContract

/// `rag-runtime dead-letters list|redrive`: the records the consumer gave up on, where the pipeline
/// keeps them: the backend's `dead-letters.jsonl` (through its internal listener, with the ingest
/// token: `BACKEND_URL`, `INGEST_TOKEN_DIR`) or the OpenSearch dead-letter index
/// (`VECTOR_STORE=opensearch`). Run it with the consumer's environment, for example
/// `kubectl exec deploy/<pipeline>-consumer -- rag-runtime dead-letters redrive --reason indexing`.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters", abstract: "List dead letters, or put them back through embedding and indexing.",
        subcommands: [List.self, Redrive.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the dead letters, one a line: key, when, why.")

        @Option(help: "Only letters whose reason contains this text.")
        var reason: String?

        func run() async throws {
            let letters: [StoredDeadLetter] = try await DeadLettersCommand.withTarget { target in
                switch target {
                case .backend(let url, let token):
                    return try await DeadLettersCommand.call(url, path: "/api/dead-letters", reason: reason, method: .GET, token: token)
                case .source(let source, _):
                    return try await source.list(reason: reason)
                }
            }
            for stored in letters { print("\(stored.key)\t\(stored.letter.failedAt)\t\(stored.letter.reason)") }
            print("\(letters.count) dead letter\(letters.count == 1 ? "" : "s")")
        }
    }

    struct Redrive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put dead letters back through parse, embed and upsert; each is removed once indexed (idempotent by event_id).")

        @Option(help: "Only letters whose reason contains this text.")
        var reason: String?

        func run() async throws {
            let result: DeadLetterRedrive.Result = try await DeadLettersCommand.withTarget { target in
                switch target {
                case .backend(let url, let token):
                    return try await DeadLettersCommand.call(url, path: "/api/dead-letters/redrive", reason: reason, method: .POST, token: token)
                case .source(let source, let redrive):
                    return try await redrive.redrive(from: source, reason: reason)
                }
            }
            for letter in result.failed { print("still failing\t\(letter.shard)/\(letter.position)\t\(letter.reason)") }
            print("redriven \(result.redriven); still failing \(result.failed.count)")
        }
    }

    enum Target {
        case backend(url: String, token: String?)
        case source(any DeadLetterSource, DeadLetterRedrive)
    }

    /// Where this environment's dead letters are.
    static func withTarget<Value>(_ body: (Target) async throws -> Value) async throws -> Value {
        let environment = ProcessInfo.processInfo.environment
        let runtime = try RuntimeConfiguration(environment: environment)
        _ = Observability.bootstrap(logFormat: .text, logLevel: .warning)
        if let backendURL = runtime.backendURL {
            return try await body(.backend(url: backendURL, token: runtime.ingestTokenReader()()))
        }
        guard case .openSearch(_, let index, _) = runtime.vectorStore else {
            throw ValidationError("dead letters live in the backend (set BACKEND_URL and INGEST_TOKEN_DIR, as the consumer has them) or in OpenSearch (VECTOR_STORE=opensearch)")
        }
        let embedder = try runtime.makeEmbedder()
        let store = try runtime.makeOpenSearchStore(dimensions: embedder.dimensions)
        var letters = store.client
        letters.index = OpenSearchDeadLetterStore.indexName(for: index)
        if case .sourceField = letters.idMode { letters.idMode = .sourceField("letter_id") }
        let source = OpenSearchDeadLetterStore(client: letters)
        let processor = BatchProcessor(embedder: embedder, sink: VectorStoreSink(store), deadLetters: source, logger: Logger(label: "rag-runtime.dead-letters"))
        return try await body(.source(source, DeadLetterRedrive(processor: processor)))
    }

    /// A call to the backend's internal listener, decoded.
    static func call<Value: Decodable>(_ base: String, path: String, reason: String?, method: HTTPMethod, token: String?) async throws -> Value {
        var url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
        if let reason, let encoded = reason.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) { url += "?reason=\(encoded)" }
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await HTTPClient.shared.execute(request, timeout: .minutes(10))
        let body = try await response.body.collect(upTo: 64 << 20)
        guard response.status.code == 200 else {
            throw ValidationError("\(url) answered \(response.status.code): \(String(buffer: body).prefix(300))")
        }
        return try JSONDecoder().decode(Value.self, from: Data(buffer: body))
    }
}
