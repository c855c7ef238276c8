/// How many records the query API retrieves per question (`topK`, the `k` of k-NN search).
public struct RetrievalSpec: Codable, Sendable, Equatable {
    /// Records retrieved when a request does not say. Defaults: 5.
    public var topK: Int?
    /// The most records a request may ask for (`"k"` in `POST /api/query`). Defaults: 50.
    public var maxTopK: Int?

    public init(topK: Int? = nil, maxTopK: Int? = nil) {
        self.topK = topK
        self.maxTopK = maxTopK
    }

    static var schema: JSONSchemaProperty {
        .object("How many records the query API retrieves per question (the k of the k-NN search). They are the LLM's context and the answer's sources.", properties: [
            "topK": .integer("Records retrieved when a request does not name a number (the web UI's Default). Defaults to 5.", minimum: 1, maximum: RAGPipelineDefaults.topKLimit, default: RAGPipelineDefaults.topK),
            "maxTopK": .integer("The most records a request may ask for with \"k\"; larger requests get a 400. Defaults to 50.", minimum: 1, maximum: RAGPipelineDefaults.topKLimit, default: RAGPipelineDefaults.maxTopK),
        ])
        .validated(by: "!has(self.topK) || !has(self.maxTopK) || self.topK <= self.maxTopK", message: "topK must not exceed maxTopK")
    }
}
