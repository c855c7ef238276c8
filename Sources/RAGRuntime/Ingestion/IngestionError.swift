/// Errors of the ingestion side: streams, checkpoints, dead letters and the consumer.
///
/// Cases are named after the operation that failed and keep the cause as text. ``reason`` is a
/// bounded label for metrics.
public enum IngestionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Appending to or reading the local stream failed.
    case streamFailed(path: String, reason: String)
    /// A complete line in the middle of the local stream is not a stream entry.
    case streamCorrupted(path: String, offset: UInt64)
    /// Reading or writing a checkpoint failed.
    case checkpointFailed(path: String, reason: String)
    /// Writing dead letters failed; the batch is not acknowledged.
    case deadLetterFailed(path: String, reason: String)
    /// A configuration value is missing or invalid; the message names it.
    case invalidConfiguration(String)
    /// The ingest endpoint of the query backend answered with an error status.
    case backendRejected(status: Int, body: String)
    /// Another worker holds the shard's lease now: this worker must stop reading the shard.
    case leaseLost(shard: String)

    /// A bounded label for metrics.
    public var reason: String {
        switch self {
        case .streamFailed: "stream_failed"
        case .streamCorrupted: "stream_corrupted"
        case .checkpointFailed: "checkpoint_failed"
        case .deadLetterFailed: "dead_letter_failed"
        case .invalidConfiguration: "invalid_configuration"
        case .backendRejected: "backend_rejected"
        case .leaseLost: "lease_lost"
        }
    }

    /// A readable description with the cause.
    public var description: String {
        switch self {
        case .streamFailed(let path, let reason): "local stream \(path): \(reason)"
        case .streamCorrupted(let path, let offset): "local stream \(path): corrupt entry at byte \(offset)"
        case .checkpointFailed(let path, let reason): "checkpoint \(path): \(reason)"
        case .deadLetterFailed(let path, let reason): "dead letters \(path): \(reason)"
        case .invalidConfiguration(let message): message
        case .backendRejected(let status, let body): "backend ingest answered \(status): \(body)"
        case .leaseLost(let shard): "lease of \(shard) is held by another worker now"
        }
    }
}
