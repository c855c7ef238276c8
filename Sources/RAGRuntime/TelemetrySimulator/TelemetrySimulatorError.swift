/// Errors of the telemetry simulator: its settings, and records Kinesis would not store.
///
/// ``reason`` is a bounded label for metrics.
public enum TelemetrySimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting (rate, backfill, count, a duration) is invalid; the message names it.
    case invalidConfiguration(String)
    /// `PutRecords` left records unstored after every retry.
    case putRecordsFailed(failed: Int, errorCode: String)

    /// A bounded label for metrics.
    public var reason: String {
        switch self {
        case .invalidConfiguration: "invalid_configuration"
        case .putRecordsFailed: "put_records_failed"
        }
    }

    /// A readable description with the cause.
    public var description: String {
        switch self {
        case .invalidConfiguration(let message): message
        case .putRecordsFailed(let failed, let code): "PutRecords: \(failed) records still failing (\(code))"
        }
    }
}
