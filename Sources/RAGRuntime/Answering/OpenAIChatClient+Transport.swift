import AsyncHTTPClient
import Foundation
import NIOCore

extension OpenAIChatClient {
    /// Whether the server answers `GET /v1/models` with a 2xx status within 2 seconds.
    public func isReachable() async -> Bool {
        var request = HTTPClientRequest(url: configuration.modelsURL)
        request.method = .GET
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(2))
            _ = try await response.body.collect(upTo: 1 << 20)
            return (200..<300).contains(response.status.code)
        } catch {
            logger.debug("LLM not reachable", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Sends the request, retrying connection failures only, and checks the status.
    func send(_ messages: [ChatMessage], stream: Bool) async throws -> HTTPClientResponse {
        let body = ChatCompletionRequest(
            model: configuration.model, messages: messages, maxTokens: configuration.maxTokens,
            temperature: configuration.temperature, stream: stream)
        var request = HTTPClientRequest(url: configuration.completionsURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: stream ? "text/event-stream" : "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
        let url = configuration.completionsURL
        let timeout = TimeAmount.nanoseconds(Int64(configuration.requestTimeout.components.seconds) * 1_000_000_000
            + configuration.requestTimeout.components.attoseconds / 1_000_000_000)

        var attempt = 0
        while true {
            let response: HTTPClientResponse
            do {
                response = try await httpClient.execute(request, timeout: timeout)
            } catch {
                if Self.isConnectionFailure(error) {
                    guard attempt < configuration.connectRetries else {
                        throw LLMError.connectFailed(url: url, underlying: error)
                    }
                    attempt += 1
                    logger.debug("LLM connection failed, retrying", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                    try await Task.sleep(for: configuration.retryDelay)
                    continue
                }
                throw LLMError.requestFailed(url: url, underlying: error)
            }
            guard (200..<300).contains(response.status.code) else {
                let text: String
                do {
                    text = String(buffer: try await response.body.collect(upTo: 4096))
                } catch {
                    text = "(body unreadable: \(error))"
                }
                throw LLMError.badStatus(code: Int(response.status.code), body: text)
            }
            return response
        }
    }

    /// Reads a whole response body, at most 16 MiB.
    func collect(_ body: HTTPClientResponse.Body) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: 16 << 20)
        } catch {
            throw LLMError.requestFailed(url: configuration.completionsURL, underlying: error)
        }
    }

    /// `true` for errors raised before the request reached the server: refused, unreachable,
    /// name resolution and connect timeouts.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError {
            return error == .connectTimeout || error == .socksHandshakeTimeout
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        if let error = error as? IOError {
            return [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL].contains(error.errnoCode)
        }
        // NIOPosix's `NIOConnectionError` (every address failed) and DNS failures: RAGRuntime does
        // not link NIOPosix, so match on the type name instead of the type.
        let name = String(describing: type(of: error))
        return name == "NIOConnectionError" || name.contains("Resolution")
    }
}
