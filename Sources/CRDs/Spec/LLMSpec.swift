/// The language model that writes answers: exactly one of `vllm` (run by the operator) or `external`.
public struct LLMSpec: Codable, Sendable, Equatable {
    /// vLLM on AWS Inferentia2, run by the operator.
    public var vllm: VLLMSpec?
    /// An OpenAI-compatible server the operator does not manage.
    public var external: ExternalLLMSpec?

    public init(vllm: VLLMSpec? = nil, external: ExternalLLMSpec? = nil) {
        self.vllm = vllm
        self.external = external
    }

    /// The model that answers, whichever way it is served (shown in the `LLM` printer column via `status.llmModel`).
    public var modelName: String? { vllm?.model ?? external?.model }

    static var schema: JSONSchemaProperty {
        .object("The language model that writes answers: exactly one of vllm (the operator runs vLLM on AWS Inferentia2) or external (any OpenAI-compatible server).", properties: [
            "vllm": VLLMSpec.schema,
            "external": ExternalLLMSpec.schema,
        ])
        .validated(by: "has(self.vllm) != has(self.external)", message: "set exactly one of llm.vllm or llm.external")
    }
}

/// An OpenAI-compatible chat completions server the operator does not manage.
public struct ExternalLLMSpec: Codable, Sendable, Equatable {
    /// Base URL; the runtime calls `<url>/v1/chat/completions`.
    public var url: String
    /// The model name sent in each request.
    public var model: String

    public init(url: String, model: String) {
        self.url = url
        self.model = model
    }

    static var schema: JSONSchemaProperty {
        .object("An OpenAI-compatible server the operator does not manage; the runtime calls POST <url>/v1/chat/completions.", properties: [
            "url": .string("Base URL of the server, such as http://vllm.llm.svc:8000 (http or https).", pattern: "^https?://", minLength: 8),
            "model": .string("Model name sent in every request, such as meta-llama/Llama-3.1-8B-Instruct.", minLength: 1),
        ], required: ["url", "model"])
    }
}

/// A key in a Secret in the pipeline's namespace.
public struct SecretKeyReference: Codable, Sendable, Equatable {
    /// The Secret's name.
    public var name: String
    /// The key in the Secret. Defaults: `token`.
    public var key: String?

    public init(name: String, key: String? = nil) {
        self.name = name
        self.key = key
    }

    static var schema: JSONSchemaProperty {
        .object("A key in a Secret in the RAGPipeline's namespace.", properties: [
            "name": .string("Name of the Secret.", minLength: 1, maxLength: 253),
            "key": .string("Key in the Secret. Defaults to token.", minLength: 1, default: RAGPipelineDefaults.hfTokenKey),
        ], required: ["name"])
    }
}
