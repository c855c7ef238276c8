/// Answers with a language model over the OpenAI-compatible chat completions API.
///
/// The prompt comes from ``ChatPrompt``: the current UTC time (the request's `now`, from the
/// query service's injected clock), citation rules and the retrieved records as JSON lines.
/// Errors propagate as ``LLMError``; the query service then falls back to
/// ``ExtractiveAnswerGenerator`` and reports a warning.
///
/// ```swift
/// let generator = LLMAnswerGenerator(client: OpenAIChatClient(configuration: .init(baseURL: llmURL, model: model)))
/// let answer = try await generator.answer(request)   // answer.source == .llm
/// ```
public struct LLMAnswerGenerator: StreamingAnswerGenerator {
    /// The chat client.
    public let client: OpenAIChatClient

    /// Creates a generator.
    public init(client: OpenAIChatClient) {
        self.client = client
    }

    /// The model's answer, non-streaming.
    ///
    /// - Throws: ``LLMError``.
    public func answer(_ request: AnswerRequest) async throws -> GeneratedAnswer {
        let text = try await client.complete(ChatPrompt.messages(for: request))
        return GeneratedAnswer(text: text, source: .llm)
    }

    /// The model's answer, streamed token by token.
    ///
    /// - Throws: ``LLMError``, or whatever `onToken` throws.
    public func streamAnswer(_ request: AnswerRequest, onToken: (String) async throws -> Void) async throws -> GeneratedAnswer {
        let text = try await client.streamCompletion(ChatPrompt.messages(for: request), onToken: onToken)
        return GeneratedAnswer(text: text, source: .llm)
    }

    /// Whether the model server answers `GET /v1/models`.
    public func isReachable() async -> Bool {
        await client.isReachable()
    }
}
