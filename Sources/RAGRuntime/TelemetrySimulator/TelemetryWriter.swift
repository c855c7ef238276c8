import Foundation
import TelemetryModel

/// Where the producer sends records: a Kinesis stream or the local stream.
public protocol TelemetryWriter: Sendable {
    /// Sends `records`, in order, durably (every record is stored when this returns).
    ///
    /// - Throws: When some record could not be stored after retries.
    func write(_ records: [TelemetryRecord]) async throws
}
