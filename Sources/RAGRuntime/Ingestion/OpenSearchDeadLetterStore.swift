import AWS
import Foundation

/// Dead letters as documents of an OpenSearch index beside the vector index (by default
/// `<index>-dead-letters`), one per record, with id `<shard>/<position>` so a replayed batch
/// replaces its letters instead of repeating them.
///
/// ```swift
/// let deadLetters = OpenSearchDeadLetterStore(client: OpenSearchClient(http: http, index: "telemetry-dead-letters"))
/// try await deadLetters.write([letter])
/// ```
public struct OpenSearchDeadLetterStore: DeadLetterStore {
    /// The client, pointed at the dead-letter index.
    public let client: OpenSearchClient

    /// Creates the store.
    public init(client: OpenSearchClient) {
        self.client = client
    }

    /// The dead-letter index name for a vector index.
    public static func indexName(for vectorIndex: String) -> String { "\(vectorIndex)-dead-letters" }

    /// Indexes the letters with `_bulk` (retryable item failures retried by the client).
    ///
    /// - Throws: ``IngestionError/deadLetterFailed(path:reason:)`` when any letter is not stored;
    ///   the batch is then not acknowledged.
    public func write(_ letters: [DeadLetter]) async throws {
        guard !letters.isEmpty else { return }
        let location = "\(client.http.endpoint.absoluteString)/\(client.index)"
        do {
            let documents = try letters.map { letter in
                (id: "\(letter.shard)/\(letter.position)", source: try AWSJSONValue.decode(JSONEncoder().encode(letter)))
            }
            let failures = try await client.bulk(documents: documents)
            guard failures.isEmpty else {
                let reasons = Set(failures.map { "\($0.type): \($0.reason)" }).sorted().joined(separator: "; ")
                throw IngestionError.deadLetterFailed(path: location, reason: "\(failures.count) letters not stored: \(reasons)")
            }
        } catch let error as IngestionError {
            throw error
        } catch {
            throw IngestionError.deadLetterFailed(path: location, reason: "\(error)")
        }
    }
}
