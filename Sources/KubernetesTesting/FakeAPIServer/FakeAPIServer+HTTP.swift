import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import KubernetesCore
import Logging
import NIOCore
import ServiceLifecycle

extension FakeAPIServer {
    /// A Hummingbird application serving this fake API server: plain HTTP/1.1, or HTTPS with HTTP/2 and
    /// HTTP/1.1 and a required bearer token (``FakeServing/https()``).
    ///
    /// - Parameters:
    ///   - host: bind address; tests keep it on loopback.
    ///   - port: 0 picks a free port; `onRunning` receives the bound one.
    public nonisolated func application(
        host: String = "127.0.0.1", port: Int = 0, serving: FakeServing = .plain, logger: Logger = Logger(label: "fake-apiserver"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let server: HTTPServerBuilder
        if let authority = serving.certificateAuthority {
            server = try .http2Upgrade(tlsConfiguration: try authority.serverTLSConfiguration())
        } else {
            server = .http1()
        }
        return Application(
            responder: FakeAPIResponder(server: self, serving: serving),
            server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "fake-apiserver"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves over loopback HTTP for the duration of `body`, which gets the server's base URL.
    public nonisolated func withHTTPServer<T: Sendable>(port: Int = 0, _ body: @Sendable (URL) async throws -> T) async throws -> T {
        try await serve(.plain, port: port) { try await body($0.url) }
    }

    /// Serves on loopback as `serving` says for the duration of `body`, which gets the endpoint.
    public nonisolated func serve<T: Sendable>(_ serving: FakeServing, port: Int = 0, _ body: @Sendable (FakeEndpoint) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "fake-apiserver")
        // Cancelling the server at the end of `body` makes Hummingbird log shutdown errors; keep tests quiet.
        logger.logLevel = .critical
        let app = try application(port: port, serving: serving, logger: logger) { continuation.yield($0) }
        let scheme = serving.certificateAuthority == nil ? "http" : "https"
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { try await BookmarkTicker(server: self).run() }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), let url = URL(string: "\(scheme)://127.0.0.1:\(bound)") else {
                throw APIError.badRequest("the fake API server did not start")
            }
            defer { group.cancelAll() }
            return try await body(FakeEndpoint(url: url, serving: serving))
        }
    }
}

/// Turns HTTP requests into ``KubernetesRequest`` values and the server's answers back into HTTP.
struct FakeAPIResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: FakeAPIServer
    let serving: FakeServing

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
        // As a real API server: no valid token, no answer beyond 401 (anonymous access is off).
        let answer = serving.authorizes(request.headers[.authorization])
            ? await server.handle(kubernetesRequest) : .status(Status(message: "Unauthorized", reason: "Unauthorized", code: 401))
        switch answer {
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
