import Foundation
import KubernetesClient
import KubernetesCore

extension FakeAPIServer {
    /// This server as an in-process transport: a ``KubernetesClient`` over it never touches a socket.
    public nonisolated var transport: FakeTransport { FakeTransport(server: self) }

    /// A client talking to this server in-process.
    public nonisolated func client() -> KubernetesClient { KubernetesClient(transport: transport) }
}

/// The in-process ``HTTPTransport`` of a ``FakeAPIServer``.
public struct FakeTransport: HTTPTransport {
    public let server: FakeAPIServer

    public func send(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesResponse {
        switch await server.handle(request) {
        case .body(let code, let contentType, let data):
            return KubernetesResponse(statusCode: code, headers: ["content-type": contentType], body: data)
        case .watch(let stream):
            // A watch sent as a plain request: collect what is there now, as a client with a short timeout would.
            var data = Data()
            for await line in stream { data.append(contentsOf: line) }
            return KubernetesResponse(statusCode: 200, headers: ["content-type": "application/json"], body: data)
        }
    }

    public func stream(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesStreamingResponse {
        switch await server.handle(request) {
        case .body(let code, let contentType, let data):
            let chunks = [Array(data)].async
            return KubernetesStreamingResponse(statusCode: code, headers: ["content-type": contentType], body: chunks)
        case .watch(let stream):
            return KubernetesStreamingResponse(statusCode: 200, headers: ["content-type": "application/json"], body: stream.map { (line: [UInt8]) throws -> [UInt8] in line })
        }
    }
}

/// A finite async sequence over an array, with the `any Error` failure type transports use.
struct ArrayAsyncSequence<Element: Sendable>: AsyncSequence, Sendable {
    let elements: [Element]

    struct AsyncIterator: AsyncIteratorProtocol {
        var iterator: IndexingIterator<[Element]>
        mutating func next() async throws -> Element? { iterator.next() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(iterator: elements.makeIterator()) }
}

extension Array where Element: Sendable {
    var async: ArrayAsyncSequence<Element> { ArrayAsyncSequence(elements: self) }
}
