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
public struct OpenSearchDeadLetterStore: DeadLetterStore, DeadLetterSource {
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

    /// The letters whose reason contains `reason` (all when `nil`), at most 10,000 a call, keyed by `_id`.
    public func list(reason: String?) async throws -> [StoredDeadLetter] {
        let response = try await client.search(body: ["size": 10_000, "query": ["match_all": [:]]])
        let hits = response["hits"]?["hits"]?.arrayValue ?? []
        return try hits.compactMap { hit -> StoredDeadLetter? in
            guard let id = hit["_id"]?.stringValue, let source = hit["_source"] else { return nil }
            let letter = try JSONDecoder().decode(DeadLetter.self, from: try source.encoded())
            guard reason == nil || letter.reason.contains(reason!) else { return nil }
            return StoredDeadLetter(key: id, letter: letter)
        }
    }

    /// Deletes the letters with these `_id`s.
    ///
    /// - Throws: ``IngestionError/deadLetterFailed(path:reason:)`` when some could not be deleted.
    public func remove(_ keys: [String]) async throws {
        let failures = try await client.deleteDocuments(ids: keys).failures
        guard failures.isEmpty else {
            throw IngestionError.deadLetterFailed(path: client.index, reason: "\(failures.count) letters not deleted: \(failures.map(\.reason).joined(separator: "; "))")
        }
    }
}
