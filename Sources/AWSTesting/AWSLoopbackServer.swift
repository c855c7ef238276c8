// AWSTesting: test support for code that calls AWS. Loopback HTTP servers (Hummingbird on
// 127.0.0.1, an ephemeral port) and emulators that follow the botocore service models, usable both
// over HTTP and in memory as an `AWSHTTPTransport`.
import AWS
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Serves a request handler over HTTP on `127.0.0.1` at an ephemeral port, for as long as a body runs.
///
/// ```swift
/// let seen = try await AWSLoopbackServer.withRunning(handler: { request in
///     AWSHTTPResponse(status: 200, body: Data(#"{"AccessKeyId":"AKID", ...}"#.utf8))
/// }) { endpoint in
///     try await provider(endpoint).credentials()
/// }
/// ```
///
/// The handler gets each request as an ``AWS/AWSRequest`` (path kept percent-encoded, query decoded,
/// headers in order, body read in full) and returns the response to send.
public enum AWSLoopbackServer {
    /// The largest request body accepted: 16 MiB.
    public static let maximumRequestBytes = 16 << 20

    /// Starts the server, runs `body` with its base URL (`http://127.0.0.1:<port>`), then shuts it down.
    ///
    /// - Parameters:
    ///   - handler: Answers each request.
    ///   - logger: The server's logger. Defaults to one that logs nothing below `.critical`.
    ///   - body: The code that talks to the server.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or the server's start-up error.
    public static func withRunning<T>(
        handler: @escaping @Sendable (AWSRequest) async -> AWSHTTPResponse,
        logger: Logger = quietLogger(),
        _ body: (URL) async throws -> T
    ) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let responder = CallbackResponder<BasicRequestContext> { request, context in
            try await respond(to: request, context: context, handler: handler)
        }
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0, let url = URL(string: "http://127.0.0.1:\(port)") else {
                throw AWSError(code: .connectionFailed, message: "the loopback server did not start")
            }
            let result = try await body(url)
            group.cancelAll()
            return result
        }
    }

    /// A logger that prints only critical messages, so test output stays readable (stopping the
    /// server by cancellation logs its in-flight connections as errors).
    public static func quietLogger() -> Logger {
        var logger = Logger(label: "aws-testing.loopback")
        logger.logLevel = .critical
        return logger
    }

    static func respond(
        to request: Request, context: BasicRequestContext,
        handler: @Sendable (AWSRequest) async -> AWSHTTPResponse
    ) async throws -> Response {
        let buffer = try await request.body.collect(upTo: maximumRequestBytes)
        let host = request.head.authority ?? "127.0.0.1"
        guard let url = URL(string: "http://\(host)\(request.uri.description)") else {
            return Response(status: .badRequest)
        }
        let headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        let awsRequest = try AWSRequest(
            method: request.method.rawValue, url: url, headers: headers, body: Data(buffer.readableBytesView))
        let answer = await handler(awsRequest)
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(answer.body))))
    }
}
