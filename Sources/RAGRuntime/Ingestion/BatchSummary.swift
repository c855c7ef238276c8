/// What happened to one batch: the figures of the consumer's summary log line.
public struct BatchSummary: Sendable, Equatable {
    /// Records read.
    public var received: Int
    /// Documents upserted.
    public var indexed = 0
    /// Records sent to the dead-letter store.
    public var deadLettered = 0
    /// Earlier copies of an `event_id` that appears twice in the batch (the later copy is indexed).
    public var duplicates = 0
    /// Embed calls made.
    public var embedCalls = 0
    /// Retries after transient failures.
    public var retries = 0

    /// Creates a summary.
    public init(received: Int, indexed: Int = 0, deadLettered: Int = 0) {
        self.received = received
        self.indexed = indexed
        self.deadLettered = deadLettered
    }
}
