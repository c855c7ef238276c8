/// How the query API ranks the records matching a question's filter.
public enum RetrievalMode: String, Sendable, Hashable, CaseIterable {
    /// By the question's embedding alone (k-NN).
    case vector
    /// By the embedding and the question's words (BM25), fused by reciprocal rank: exact codes and
    /// ids ("P0217", "VH-0042") are found even where an embedding blurs them. The default.
    case hybrid
}
