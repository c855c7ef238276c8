import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import RuntimeHTTP

/// A client for OpenAI-compatible chat completions (vLLM, OpenAI, llama.cpp server).
///
/// Sends `POST <baseURL>/v1/chat/completions`, non-streaming (``complete(_:)``) or streaming
/// (``streamCompletion(_:onToken:)``, server-sent `data:` lines ending with `[DONE]`).
///
/// ## Retries
/// Only connection failures (refused, unreachable, connect timeout) are retried, up to
/// ``Configuration/connectRetries`` times: once a request reached the server it may already be
/// generating, so it is never sent twice. Everything else fails at once with an ``LLMError``.
///
/// ```swift
/// let client = OpenAIChatClient(configuration: .init(baseURL: "http://vllm:8000", model: "mistral-7b"))
/// let text = try await client.complete([.system("Be brief."), .user("Hello")])
/// ```
public struct OpenAIChatClient: Sendable {
    /// The settings of a client.
    public struct Configuration: Sendable, Equatable {
        /// The server's base URL without `/v1` (`LLM_URL`), for example `http://vllm:8000`.
        public var baseURL: String
        /// The model name sent with every request (`LLM_MODEL`).
        public var model: String
        /// The most tokens one answer may have. Defaults to 512: a few paragraphs with citations.
        public var maxTokens: Int
        /// Sampling temperature. Defaults to 0.1: answers should stick to the records.
        public var temperature: Double
        /// The whole-request deadline, including the streamed body. Defaults to 60 seconds.
        public var requestTimeout: Duration
        /// How many times a failed connection is retried. Defaults to 2.
        public var connectRetries: Int
        /// The pause before each connection retry. Defaults to 250 ms.
        public var retryDelay: Duration

        /// Creates a configuration; see the properties for defaults.
        public init(
            baseURL: String, model: String, maxTokens: Int = 512, temperature: Double = 0.1,
            requestTimeout: Duration = .seconds(60), connectRetries: Int = 2, retryDelay: Duration = .milliseconds(250)
        ) {
            self.baseURL = baseURL
            self.model = model
            self.maxTokens = maxTokens
            self.temperature = temperature
            self.requestTimeout = requestTimeout
            self.connectRetries = connectRetries
            self.retryDelay = retryDelay
        }

        /// `<baseURL>/v1/chat/completions`, tolerating a trailing slash or a `/v1` suffix.
        public var completionsURL: String { OpenAIEndpoint.url(baseURL, "chat/completions") }
        /// `<baseURL>/v1/models`, for readiness checks.
        public var modelsURL: String { OpenAIEndpoint.url(baseURL, "models") }

    }

    /// The client settings.
    public let configuration: Configuration
    let httpClient: HTTPClient
    let logger: Logger

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Where and how to ask.
    ///   - httpClient: The HTTP client; its lifecycle belongs to the caller. Defaults to
    ///     ``RuntimeHTTPClient/shared``. A client that retries connection establishment itself (as
    ///     `HTTPClient.shared` does) turns a refused connection into a wait for the whole request
    ///     timeout, which delays the extractive fallback.
    ///   - logger: Where retries are logged (at `.debug`).
    public init(configuration: Configuration, httpClient: HTTPClient = RuntimeHTTPClient.shared, logger: Logger = Logger(label: "rag.llm")) {
        self.configuration = configuration
        self.httpClient = httpClient
        self.logger = logger
    }

    /// The whole answer to `messages`, non-streaming.
    ///
    /// - Throws: ``LLMError``.
    public func complete(_ messages: [ChatMessage]) async throws -> String {
        let response = try await send(messages, stream: false)
        let body = try await collect(response.body)
        let decoded: ChatCompletionResponse
        do {
            decoded = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(body.readableBytesView))
        } catch {
            throw LLMError.invalidResponse("not a chat completion: \(error)")
        }
        guard let content = decoded.choices.first?.message.content else {
            throw LLMError.invalidResponse("no choices in the response")
        }
        return content
    }

    /// Streams the answer to `messages`, calling `onToken` with each text fragment as it arrives.
    ///
    /// - Returns: The whole answer.
    /// - Throws: ``LLMError``, or whatever `onToken` throws.
    @discardableResult
    public func streamCompletion(
        _ messages: [ChatMessage], onToken: (String) async throws -> Void
    ) async throws -> String {
        let response = try await send(messages, stream: true)
        var parser = ServerSentEventParser()
        var text = ""
        do {
            streaming: for try await buffer in response.body {
                for line in try parser.feed(buffer.readableBytesView) {
                    guard case .data(let payload) = line else { break streaming }
                    let fragment = try Self.decodeChunk(payload)
                    guard !fragment.isEmpty else { continue }
                    text += fragment
                    try await onToken(fragment)
                }
            }
        } catch let error as LLMError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LLMError.requestFailed(url: configuration.completionsURL, underlying: error)
        }
        return text
    }

    static func decodeChunk(_ payload: String) throws -> String {
        do {
            return try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(payload.utf8)).text
        } catch {
            throw LLMError.invalidResponse("not a chat completion chunk: \(error)")
        }
    }
}
