import Foundation
import NIOCore

/// The body of `POST /api/query` and `POST /submit_query`: `{"query": string, "k"?: int, "stream"?: bool}`.
///
/// ``validated(from:configuration:)`` turns raw bytes into a checked request or a 400
/// ``QueryAPIError`` whose code says which rule failed (`empty_body`, `invalid_json`,
/// `missing_query`, `query_too_long`, `k_out_of_range`).
public struct QueryRequestBody: Sendable, Equatable, Decodable {
    /// The question.
    public var query: String?
    /// How many records to retrieve (`topK`); the configuration's default when absent.
    public var k: Int?
    /// Whether to answer with server-sent events.
    public var stream: Bool?

    /// A request that passed validation.
    public struct Validated: Sendable, Equatable {
        /// The question, trimmed.
        public var query: String
        /// The number of records to retrieve.
        public var k: Int
        /// Whether the body asked for streaming.
        public var stream: Bool
    }

    /// Decodes and validates a request body.
    ///
    /// - Throws: A 400 ``QueryAPIError``.
    public static func validated(from body: ByteBuffer, configuration: QueryAPIConfiguration) throws -> Validated {
        guard body.readableBytes > 0, body.readableBytesView.contains(where: { !Self.isWhitespace($0) }) else {
            throw QueryAPIError.badRequest("empty_body", #"the request body is empty; send {"query": "..."}"#)
        }
        let decoded: QueryRequestBody
        do {
            decoded = try JSONDecoder().decode(QueryRequestBody.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw QueryAPIError.badRequest("invalid_json", "the body is not a query object: \(Self.describe(error))")
        } catch {
            throw QueryAPIError.badRequest("invalid_json", "the body is not JSON")
        }
        let query = (decoded.query ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else {
            throw QueryAPIError.badRequest("missing_query", #""query" must be a non-empty string"#)
        }
        guard query.utf8.count <= configuration.maximumQueryLength else {
            throw QueryAPIError.badRequest(
                "query_too_long", "the query has \(query.utf8.count) bytes of UTF-8; the limit is \(configuration.maximumQueryLength)")
        }
        let k = decoded.k ?? configuration.defaultTopK
        guard (1...configuration.maximumTopK).contains(k) else {
            throw QueryAPIError.badRequest("k_out_of_range", #""k" must be between 1 and \#(configuration.maximumTopK), got \#(k)"#)
        }
        return Validated(query: query, k: k, stream: decoded.stream ?? false)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// A short description of a decoding error, without Swift type or coding-key names.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = (context.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \(path(context, key))"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not \(type == String.self ? "a string" : type == Int.self ? "an integer" : type == Bool.self ? "a boolean" : "of the expected type")"
        case .valueNotFound(_, let context):
            return "\(path(context)) is null"
        case .dataCorrupted(let context):
            let location = path(context)
            return location.isEmpty ? "malformed JSON" : "\(location): \(context.debugDescription)"
        @unknown default:
            return "malformed"
        }
    }
}
