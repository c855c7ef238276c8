/// Errors from embedding, indexing, searching and persisting documents.
///
/// Cases are named after the operation that failed and keep the cause. Most name bad input or a
/// damaged data directory; ``isRetryable`` tells the two that a later attempt can fix.
public enum RetrievalError: Error, Sendable, Equatable {
    /// A vector had `actual` dimensions where the store or embedder works with `expected`.
    case dimensionMismatch(expected: Int, actual: Int)
    /// A vector contained NaN or infinity, or had zero length, so it cannot be normalised.
    case invalidVector(id: String)
    /// The embedder found nothing to embed in a text (empty, or only punctuation and stop words).
    case emptyEmbeddingText(index: Int)
    /// A search asked for `k < 1`.
    case invalidResultCount(Int)
    /// A ``FieldFilter`` named a field that documents do not have.
    case unknownFilterField(String)
    /// A configuration value is out of range; the message names it.
    case invalidConfiguration(String)
    /// Writing the data directory failed; the message carries the underlying error.
    case saveFailed(path: String, reason: String)
    /// Reading the data directory failed: missing file, bad magic, unsupported version or truncation.
    case loadFailed(path: String, reason: String)
    /// The durable store in `path` holds vectors of the `stored` embedder (`nil`: a store written
    /// before stores recorded it), and was opened for `requested`: its vectors would not compare.
    case embedderMismatch(path: String, stored: EmbedderIdentity?, requested: EmbedderIdentity)
    /// A remote embedder failed or answered with vectors of the wrong length; the message names the model.
    case embeddingFailed(model: String, reason: String)
    /// A remote store rejected these documents for good (mapping errors, bad values, …).
    case indexingFailed(ids: [String], reason: String)
    /// A remote store could not take these documents now (429, 5xx); sending them later may work.
    case indexingThrottled(ids: [String], reason: String)

    /// Whether a later attempt may succeed: a throttled store, or a write that failed on the
    /// writer's side (a full disk, an I/O error), never the input's fault.
    public var isRetryable: Bool {
        switch self {
        case .indexingThrottled, .saveFailed: true
        default: false
        }
    }
}
