import Foundation
import HTTPTypes
import Hummingbird
import KubernetesCore
import Logging
import NIOCore
import ServiceLifecycle

extension FakeAPIServer {
    /// A Hummingbird application serving this fake API server over plain HTTP.
    ///
    /// - Parameters:
    ///   - host: bind address; tests keep it on loopback.
    ///   - port: 0 picks a free port; `onRunning` receives the bound one.
    public nonisolated func application(host: String = "127.0.0.1", port: Int = 0, logger: Logger = Logger(label: "fake-apiserver"), onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            responder: FakeAPIResponder(server: self),
            configuration: .init(address: .hostname(host, port: port), serverName: "fake-apiserver"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves over loopback HTTP for the duration of `body`, which gets the server's base URL.
    public nonisolated func withHTTPServer<T: Sendable>(port: Int = 0, _ body: @Sendable (URL) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "fake-apiserver")
        // Cancelling the server at the end of `body` makes Hummingbird log shutdown errors; keep tests quiet.
        logger.logLevel = .critical
        let app = application(port: port, logger: logger) { continuation.yield($0) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), let url = URL(string: "http://127.0.0.1:\(bound)") else {
                throw APIError.badRequest("the fake API server did not start")
            }
            defer { group.cancelAll() }
            return try await body(url)
        }
    }
}

/// Turns HTTP requests into ``KubernetesRequest`` values and the server's answers back into HTTP.
struct FakeAPIResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: FakeAPIServer

    func respond(to request: Request, context: Context) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName == "accept" ? "Accept" : field.name.rawName] = field.value }
        let body = try await request.body.collect(upTo: 64 << 20)
        guard let method = KubernetesRequest.Method(rawValue: request.method.rawValue) else {
            return Response(status: .methodNotAllowed)
        }
        let query = QueryItems(parsing: request.uri.query ?? "")
        let kubernetesRequest = KubernetesRequest(
            method: method, path: request.uri.path, query: query, headers: headers,
            body: body.readableBytes > 0 ? Data(body.readableBytesView) : nil, isWatch: query["watch"] == "true")
        switch await server.handle(kubernetesRequest) {
        case .body(let code, let contentType, let data):
            return Response(status: .init(code: code), headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .watch(let stream):
            let server = server
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                // A graceful shutdown ends open watches, as an API server going away does; otherwise the
                // HTTP server would wait for every watch's timeout before it could stop.
                try await withGracefulShutdownHandler {
                    for await line in stream { try await writer.write(ByteBuffer(bytes: line)) }
                } onGracefulShutdown: {
                    Task { await server.closeAllWatches() }
                }
                try await writer.finish(nil)
            })
        }
    }
}
