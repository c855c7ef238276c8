import RuntimeContract

/// How the query API listens and what input it accepts.
///
/// ## Defaults
/// - ``host`` `0.0.0.0` and ``port`` 8080: what the operator's Service and probes target;
///   ``internalPort`` 8081 for the ingest routes and `/metrics`.
/// - ``maximumQueryLength`` 4,000 bytes of UTF-8: a question, not a document; longer is a 400.
/// - ``defaultTopK`` 5 and ``maximumTopK`` 50 (the pipeline's `spec.retrieval`): enough context
///   for an answer, few enough to fit a small model's prompt. A request's `"k"` must be in
///   `1...maximumTopK`.
/// - ``ingestBatchSize`` 64: records embedded per embedder call in `POST /api/ingest`.
/// - ``maximumIngestBodyBytes`` 16 MiB: an ingest batch of several thousand records (internal
///   listener only; the public routes take ``ServerLimits/maximumBodyBytes``, 64 KiB).
/// - ``limits``: ``ServerLimits``' defaults.
public struct QueryAPIConfiguration: Sendable, Equatable {
    /// The address to bind.
    public var host: String
    /// The port to listen on (`PORT`).
    public var port: Int
    /// The internal listener's port (`INTERNAL_PORT`).
    public var internalPort: Int
    /// The longest accepted question, in bytes of UTF-8.
    public var maximumQueryLength: Int
    /// `topK` when the request does not say.
    public var defaultTopK: Int
    /// The largest `topK` a request may ask for.
    public var maximumTopK: Int
    /// Records per embedder call when ingesting.
    public var ingestBatchSize: Int
    /// The largest ingest or dead-letter body accepted, in bytes.
    public var maximumIngestBodyBytes: Int
    /// Body size, concurrency and timeouts of both listeners.
    public var limits: ServerLimits

    /// The default `topK`.
    public static let standardTopK = 5
    /// The default largest `topK`.
    public static let standardMaximumTopK = 50

    /// Creates a configuration; see "Defaults".
    public init(
        host: String = "0.0.0.0", port: Int = 8080, internalPort: Int = 8081, maximumQueryLength: Int = 4000,
        defaultTopK: Int = QueryAPIConfiguration.standardTopK, maximumTopK: Int = QueryAPIConfiguration.standardMaximumTopK,
        ingestBatchSize: Int = 64, maximumIngestBodyBytes: Int = 16 << 20, limits: ServerLimits = ServerLimits()
    ) {
        self.host = host
        self.port = port
        self.internalPort = internalPort
        self.maximumQueryLength = maximumQueryLength
        self.defaultTopK = defaultTopK
        self.maximumTopK = maximumTopK
        self.ingestBatchSize = ingestBatchSize
        self.maximumIngestBodyBytes = maximumIngestBodyBytes
        self.limits = limits
    }

    /// A configuration with the pipeline's `topK` settings (what the operator wrote into `TOP_K`
    /// and `MAX_TOP_K`); unset values keep the defaults.
    public init(
        host: String = "0.0.0.0", port: Int = 8080, internalPort: Int = 8081, retrieval: RuntimeSettings.Retrieval?,
        limits: ServerLimits = ServerLimits()
    ) {
        self.init(host: host, port: port, internalPort: internalPort, limits: limits)
        if let topK = retrieval?.topK { defaultTopK = topK }
        if let maximum = retrieval?.maxTopK { maximumTopK = maximum }
    }
}
