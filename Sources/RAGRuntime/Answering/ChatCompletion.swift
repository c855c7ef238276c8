/// One message of a chat completion conversation.
public struct ChatMessage: Sendable, Equatable, Codable {
    /// `system`, `user` or `assistant`.
    public var role: String
    /// The text.
    public var content: String

    /// Creates a message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// A system message.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    /// A user message.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
}

/// The body of `POST /v1/chat/completions` (the OpenAI and vLLM wire format).
struct ChatCompletionRequest: Sendable, Encodable {
    var model: String
    var messages: [ChatMessage]
    var maxTokens: Int
    var temperature: Double
    var stream: Bool

    private enum CodingKeys: String, CodingKey {
        case model, messages, maxTokens = "max_tokens", temperature, stream
    }
}

/// A non-streaming chat completion response; only the fields we read.
struct ChatCompletionResponse: Sendable, Decodable {
    struct Choice: Sendable, Decodable {
        struct Message: Sendable, Decodable { var content: String? }
        var message: Message
    }
    var choices: [Choice]
}

/// One streamed chunk (`data: {...}` line) of a chat completion; only the fields we read.
struct ChatCompletionChunk: Sendable, Decodable {
    struct Choice: Sendable, Decodable {
        struct Delta: Sendable, Decodable { var content: String? }
        var delta: Delta?
    }
    var choices: [Choice]

    /// The text this chunk adds, possibly empty (role-only or final chunks).
    var text: String { choices.compactMap { $0.delta?.content }.joined() }
}
