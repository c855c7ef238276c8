/// URLs of an OpenAI-compatible server (vLLM, TGI, llama.cpp, OpenAI): the chat client and the
/// embedder both call `<base>/v1/<path>`.
///
/// ```swift
/// OpenAIEndpoint.url("http://vllm:8000/v1/", "models")   // "http://vllm:8000/v1/models"
/// ```
public enum OpenAIEndpoint {
    /// `<base>/v1/<path>`, tolerating trailing slashes and a `/v1` suffix on `base`.
    public static func url(_ base: String, _ path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/v1") { base.removeLast(3) }
        return base + "/v1/" + path
    }
}
