/// How the query API listens and what input it accepts.
///
/// ## Defaults
/// - ``host`` `0.0.0.0` and ``port`` 8080: what the operator's Service and probes target.
/// - ``maximumQueryLength`` 4,000 characters: a question, not a document; longer is a 400.
/// - ``defaultResultCount`` 5 and ``resultCountRange`` 1...50: enough context for an answer,
///   few enough to fit a small model's prompt.
/// - ``ingestBatchSize`` 64: records embedded per embedder call in `POST /api/ingest`.
/// - ``maximumBodyBytes`` 16 MiB: an ingest batch of several thousand records.
public struct QueryAPIConfiguration: Sendable, Equatable {
    /// The address to bind.
    public var host: String
    /// The port to listen on (`PORT`).
    public var port: Int
    /// The longest accepted question, in characters.
    public var maximumQueryLength: Int
    /// `k` when the request does not say.
    public var defaultResultCount: Int
    /// The accepted values of `k`.
    public var resultCountRange: ClosedRange<Int>
    /// Records per embedder call when ingesting.
    public var ingestBatchSize: Int
    /// The largest request body accepted, in bytes.
    public var maximumBodyBytes: Int

    /// Creates a configuration; see "Defaults".
    public init(
        host: String = "0.0.0.0", port: Int = 8080, maximumQueryLength: Int = 4000, defaultResultCount: Int = 5,
        resultCountRange: ClosedRange<Int> = 1...50, ingestBatchSize: Int = 64, maximumBodyBytes: Int = 16 << 20
    ) {
        self.host = host
        self.port = port
        self.maximumQueryLength = maximumQueryLength
        self.defaultResultCount = defaultResultCount
        self.resultCountRange = resultCountRange
        self.ingestBatchSize = ingestBatchSize
        self.maximumBodyBytes = maximumBodyBytes
    }
}
