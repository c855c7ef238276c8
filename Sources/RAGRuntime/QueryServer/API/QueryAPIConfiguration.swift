import RuntimeContract

/// How the query API listens and what input it accepts.
///
/// ## Defaults
/// - ``host`` `0.0.0.0` and ``port`` 8080: what the operator's Service and probes target.
/// - ``maximumQueryLength`` 4,000 characters: a question, not a document; longer is a 400.
/// - ``defaultTopK`` 5 and ``maximumTopK`` 50 (the pipeline's `spec.retrieval`): enough context
///   for an answer, few enough to fit a small model's prompt. A request's `"k"` must be in
///   `1...maximumTopK`.
/// - ``ingestBatchSize`` 64: records embedded per embedder call in `POST /api/ingest`.
/// - ``maximumBodyBytes`` 16 MiB: an ingest batch of several thousand records.
public struct QueryAPIConfiguration: Sendable, Equatable {
    /// The address to bind.
    public var host: String
    /// The port to listen on (`PORT`).
    public var port: Int
    /// The longest accepted question, in characters.
    public var maximumQueryLength: Int
    /// `topK` when the request does not say.
    public var defaultTopK: Int
    /// The largest `topK` a request may ask for.
    public var maximumTopK: Int
    /// Records per embedder call when ingesting.
    public var ingestBatchSize: Int
    /// The largest request body accepted, in bytes.
    public var maximumBodyBytes: Int

    /// The default `topK`.
    public static let standardTopK = 5
    /// The default largest `topK`.
    public static let standardMaximumTopK = 50

    /// Creates a configuration; see "Defaults".
    public init(
        host: String = "0.0.0.0", port: Int = 8080, maximumQueryLength: Int = 4000, defaultTopK: Int = QueryAPIConfiguration.standardTopK,
        maximumTopK: Int = QueryAPIConfiguration.standardMaximumTopK, ingestBatchSize: Int = 64, maximumBodyBytes: Int = 16 << 20
    ) {
        self.host = host
        self.port = port
        self.maximumQueryLength = maximumQueryLength
        self.defaultTopK = defaultTopK
        self.maximumTopK = maximumTopK
        self.ingestBatchSize = ingestBatchSize
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// A configuration with the pipeline's `topK` settings (what the operator wrote into `TOP_K`
    /// and `MAX_TOP_K`); unset values keep the defaults.
    public init(host: String = "0.0.0.0", port: Int = 8080, retrieval: RuntimeSettings.Retrieval?) {
        self.init(host: host, port: port)
        if let topK = retrieval?.topK { defaultTopK = topK }
        if let maximum = retrieval?.maxTopK { maximumTopK = maximum }
    }
}
