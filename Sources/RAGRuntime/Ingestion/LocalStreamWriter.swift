import Foundation
import TelemetryModel
import TelemetrySimulator

/// Writes records to a ``LocalStream`` as JSON payloads, one `fsync` per call.
public struct LocalStreamWriter: TelemetryWriter {
    /// The stream.
    public let stream: LocalStream

    /// Creates a writer.
    public init(stream: LocalStream) {
        self.stream = stream
    }

    /// Appends the records' JSON.
    public func write(_ records: [TelemetryRecord]) async throws {
        let encoder = JSONEncoder()
        try stream.append(records.map { try encoder.encode($0) })
    }
}
