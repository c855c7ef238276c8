import Foundation
import NIOCore
import QueryUnderstanding

/// One server-sent event of a streamed query: `event: <name>\ndata: <json>\n\n`.
///
/// A streamed `POST /api/query` sends, in order: `filter` (the ``QueryFilter`` plus the parser's
/// `warnings`), `sources` (the array of ``QuerySource``), `token` (`{"text": "..."}`, repeated, the
/// answer in fragments), and `done` (the complete ``QueryResponse``, whose `answer` is
/// authoritative). The data is always one line of JSON.
///
/// ```text
/// event: token
/// data: {"text":"VH-0042 reported"}
///
/// ```
public struct ServerSentEvent: Sendable, Equatable {
    /// The event name: `filter`, `sources`, `token`, `done`.
    public var name: String
    /// The JSON payload, on one line.
    public var data: String

    /// Creates an event with a JSON-encoded payload.
    ///
    /// - Throws: `EncodingError` when `payload` cannot be encoded.
    public init(name: String, payload: some Encodable) throws {
        self.name = name
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        self.data = String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    /// The wire form.
    public var text: String { "event: \(name)\ndata: \(data)\n\n" }

    /// The wire form as a buffer.
    public var buffer: ByteBuffer { ByteBuffer(string: text) }

    /// The payload of the `filter` event.
    struct FilterPayload: Encodable {
        var timeRange: TimeRange?
        var fields: [FieldFilter]
        var warnings: [String]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(timeRange, forKey: .timeRange)
            try container.encode(fields, forKey: .fields)
            try container.encode(warnings, forKey: .warnings)
        }

        private enum CodingKeys: String, CodingKey { case timeRange, fields, warnings }
    }

    /// The payload of a `token` event.
    struct TokenPayload: Encodable {
        var text: String
    }
}
