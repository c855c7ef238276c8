import Foundation
import KubernetesCore

/// The events of one watch connection, decoded line by line as the bytes arrive.
///
/// Backpressure comes from the transport: the next chunk is read only when the consumer asks for
/// the next event. The sequence ends when the server ends the response (normal at `timeoutSeconds`).
public struct WatchStream<R: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = WatchEvent<R>
    let body: any AsyncSequence<[UInt8], any Error> & Sendable

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator())
    }

    public struct Iterator: AsyncIteratorProtocol {
        var body: any AsyncIteratorProtocol<[UInt8], any Error>
        var framer = LineFramer()
        var pending: [[UInt8]] = []
        var finished = false

        public mutating func next() async throws -> WatchEvent<R>? {
            while true {
                if !pending.isEmpty { return try Self.decode(pending.removeFirst()) }
                if finished { return nil }
                let chunk: [UInt8]?
                do {
                    chunk = try await body.next(isolation: nil)
                } catch {
                    throw KubernetesClientError(.transportFailed, message: "watch stream of \(R.self) broke", underlying: error)
                }
                if let chunk {
                    do { pending = try framer.append(chunk) } catch {
                        throw KubernetesClientError(.invalidWatchStream, message: error.description, underlying: error)
                    }
                } else {
                    finished = true
                    if let last = framer.finish() { pending = [last] }
                }
            }
        }

        static func decode(_ line: [UInt8]) throws -> WatchEvent<R> {
            do {
                return try JSONValue(bytes: line).decode(WatchEvent<R>.self)
            } catch {
                let text = String(decoding: line.prefix(300), as: UTF8.self)
                throw KubernetesClientError(.invalidWatchStream, message: "cannot decode watch event: \(text)", underlying: error)
            }
        }
    }
}
