import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import QueryServer
#if canImport(Glibc)
import Glibc
#endif

/// The data plane as an attacker meets it: the real `rag-runtime query` and `rag-runtime ui`
/// processes on loopback, and a client that tries to write through the UI, writes without the
/// token, sends huge bodies, holds idle connections and floods the backend.
@Suite(.serialized, .timeLimit(.minutes(3))) struct HostileClientTests {
    /// A backend (public and internal listeners) and a UI in front of it.
    struct Pipeline {
        let backend: RuntimeProcess
        let ui: RuntimeProcess
        let publicPort: Int, internalPort: Int, uiPort: Int

        var backendURL: String { "http://127.0.0.1:\(publicPort)" }
        var internalURL: String { "http://127.0.0.1:\(internalPort)" }
        var uiURL: String { "http://127.0.0.1:\(uiPort)" }

        static func start(llmURL: String? = nil, maxConcurrent: Int = 32, idleSeconds: Int = 30) async throws -> Pipeline {
            let directory = try IngestionFixtures.temporaryDirectory()
            let tokens = try APIHarness.tokenDirectory()
            let (publicPort, internalPort) = (try RuntimeProcess.freePort(), try RuntimeProcess.freePort())
            var environment = [
                "PORT": String(publicPort), "INTERNAL_PORT": String(internalPort), "INGEST_TOKEN_DIR": tokens.path,
                "EMBEDDER": "hashing", "EMBEDDING_DIMENSIONS": "64", "VECTOR_STORE": "embedded", "DATA_DIR": directory.appending(path: "store").path,
                "MAX_CONCURRENT_REQUESTS": String(maxConcurrent), "IDLE_TIMEOUT_SECONDS": String(idleSeconds),
            ]
            if let llmURL {
                environment["LLM_URL"] = llmURL
                environment["LLM_MODEL"] = "test-model"
            }
            let backend = try RuntimeProcess(["query", "--host", "127.0.0.1"], environment: environment, log: directory.appending(path: "backend.log"))
            let (uiPort, uiInternal) = (try RuntimeProcess.freePort(), try RuntimeProcess.freePort())
            let ui = try RuntimeProcess(
                ["ui", "--host", "127.0.0.1", "--backend-url", "http://127.0.0.1:\(publicPort)"],
                environment: ["PORT": String(uiPort), "INTERNAL_PORT": String(uiInternal), "IDLE_TIMEOUT_SECONDS": String(idleSeconds)],
                log: directory.appending(path: "ui.log"))
            let pipeline = Pipeline(backend: backend, ui: ui, publicPort: publicPort, internalPort: internalPort, uiPort: uiPort)
            do {
                try await backend.waitUntilServing(pipeline.backendURL + "/healthz")
                try await backend.waitUntilServing(pipeline.internalURL + "/healthz")
                try await ui.waitUntilServing(pipeline.uiURL + "/healthz")
            } catch {
                pipeline.stop()
                throw error
            }
            return pipeline
        }

        func stop() {
            backend.stop()
            ui.stop()
        }
    }

    /// One request; the status and body.
    static func send(
        _ url: String, method: HTTPMethod = .POST, body: String? = nil, bytes: ByteBuffer? = nil, headers: [(String, String)] = [],
        client: HTTPClient = .shared, timeout: TimeAmount = .seconds(10)
    ) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        if let bytes { request.body = .bytes(bytes) }
        let response = try await client.execute(request, timeout: timeout)
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    static let records: String = {
        let lines = APIHarness.records.map { record in String(decoding: (try? JSONEncoder().encode(record)) ?? Data(), as: UTF8.self) }
        return "[" + lines.joined(separator: ",") + "]"
    }()

    static func documents(_ pipeline: Pipeline) async throws -> Int? {
        let stats = try await send(pipeline.backendURL + "/api/stats", method: .GET)
        return (try JSONSerialization.jsonObject(with: Data(stats.body.utf8)) as? [String: Any])?["documents"] as? Int
    }

    @Test func theUIForwardsOnlyWhatThePageUses() async throws {
        let pipeline = try await Pipeline.start()
        defer { pipeline.stop() }
        let bearer = [("Authorization", "Bearer \(APIHarness.token)")]
        #expect(try await Self.send(pipeline.uiURL + "/api/ingest", body: Self.records, headers: bearer).status == 404)
        #expect(try await Self.send(pipeline.uiURL + "/api/dead-letters", body: "[]", headers: bearer).status == 404)
        #expect(try await Self.send(pipeline.uiURL + "/metrics", method: .GET).status == 404)
        #expect(try await Self.send(pipeline.uiURL + "/api/anything", method: .GET).status == 404)
        #expect(try await Self.send(pipeline.backendURL + "/api/ingest", body: Self.records, headers: bearer).status == 404, "the public listener has no write route")
        #expect(try await Self.documents(pipeline) == 0)
        #expect(try await Self.send(pipeline.uiURL + "/api/query", body: #"{"query": "engine temperature"}"#).status == 200)
        #expect(try await Self.send(pipeline.uiURL + "/api/stats", method: .GET).status == 200)
    }

    @Test func writesNeedTheIngestTokenAndStoreNothingWithout() async throws {
        let pipeline = try await Pipeline.start()
        defer { pipeline.stop() }
        let url = pipeline.internalURL + "/api/ingest"
        let missing = try await Self.send(url, body: Self.records)
        #expect(missing.status == 401)
        #expect(missing.body.contains("Authorization: Bearer"))
        #expect(try await Self.send(url, body: Self.records, headers: [("Authorization", "Bearer wrong-token-0123456789")]).status == 401)
        #expect(try await Self.send(url, body: Self.records, headers: [("Authorization", APIHarness.token)]).status == 401, "no Bearer scheme")
        #expect(try await Self.documents(pipeline) == 0)
        let accepted = try await Self.send(url, body: Self.records, headers: [("Authorization", "Bearer \(APIHarness.token)")])
        #expect(accepted.status == 200)
        #expect(try await Self.documents(pipeline) == APIHarness.records.count)
    }

    @Test func aHugeBodyIsRefusedAtOnceOnEveryPort() async throws {
        let pipeline = try await Pipeline.start()
        defer { pipeline.stop() }
        let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 10 << 20)
        for url in [pipeline.backendURL + "/api/query", pipeline.uiURL + "/api/query"] {
            // Answered, not read to the end: the client gives up after 5 seconds.
            let response = try await Self.send(url, bytes: huge, timeout: .seconds(5))
            #expect(response.status == 413, "\(url): \(response.body)")
        }
        let multibyte = String(repeating: "€", count: 1_500)   // 1,500 characters, 4,500 bytes
        let long = try await Self.send(pipeline.backendURL + "/api/query", body: #"{"query": "\#(multibyte)"}"#)
        #expect(long.status == 400)
        #expect(long.body.contains("query_too_long"))
    }

    @Test func aConnectionThatSendsNothingIsClosed() async throws {
        let pipeline = try await Pipeline.start(idleSeconds: 1)
        defer { pipeline.stop() }
        for port in [pipeline.publicPort, pipeline.internalPort, pipeline.uiPort] {
            let closed = try await Task.detached { try IdleConnection.closedByServer(port: port, within: 15) }.value
            #expect(closed, "port \(port) kept an idle connection open")
        }
    }

    @Test func aFloodGetsOnly200sAnd429sAndTheBackendAnswersAfterwards() async throws {
        let llm = FakeOpenAIServer(delay: .milliseconds(400))
        try await Application(router: llm.router).test(.live) { llmClient in
            let pipeline = try await Pipeline.start(llmURL: "http://127.0.0.1:\(try #require(llmClient.port))", maxConcurrent: 32)
            defer { pipeline.stop() }
            let ingest = try await Self.send(
                pipeline.internalURL + "/api/ingest", body: Self.records, headers: [("Authorization", "Bearer \(APIHarness.token)")])
            try #require(ingest.status == 200)
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 300
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let statuses = await withTaskGroup(of: Int.self) { group in
                for _ in 0..<300 {
                    group.addTask {
                        do {
                            return try await Self.send(pipeline.backendURL + "/api/query", body: #"{"query": "engine temperature"}"#, client: client, timeout: .seconds(60)).status
                        } catch {
                            return -1
                        }
                    }
                }
                var all: [Int] = []
                for await status in group { all.append(status) }
                return all
            }
            try await client.shutdown()
            let counts = Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count)
            print("300 concurrent queries against MAX_CONCURRENT_REQUESTS=32: \(counts.sorted { $0.key < $1.key })")
            #expect(Set(counts.keys).isSubset(of: [200, 429]), "statuses: \(counts)")
            #expect((counts[429] ?? 0) > 0, "the limit refused some: \(counts)")
            #expect((counts[200] ?? 0) >= 32, "the limit let 32 at a time through: \(counts)")
            #expect(try await Self.send(pipeline.backendURL + "/api/query", body: #"{"query": "engine temperature"}"#).status == 200)
        }
    }
}

/// A raw TCP connection that sends nothing.
enum IdleConnection {
    /// Whether the server closes a silent connection to `port` within `seconds`.
    static func closedByServer(port: Int, within seconds: Int) throws -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RuntimeProcessError(message: "socket() failed: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw RuntimeProcessError(message: "connect() to \(port) failed: \(errno)") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 64)
        let read = recv(socket, &buffer, buffer.count, 0)
        return read == 0 || (read < 0 && errno == ECONNRESET)
    }
}
