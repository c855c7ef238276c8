import Foundation
import Logging
import Synchronization

/// Dead letters that can be listed and removed: the backend's `dead-letters.jsonl`
/// (``FileDeadLetterStore``) or an OpenSearch dead-letter index (``OpenSearchDeadLetterStore``).
public protocol DeadLetterSource: Sendable {
    /// The stored letters whose reason contains `reason` (all when `nil`), each with the key that removes it.
    func list(reason: String?) async throws -> [StoredDeadLetter]
    /// Removes the letters with these keys.
    func remove(_ keys: [String]) async throws
}

/// A dead letter as a ``DeadLetterSource`` holds it.
public struct StoredDeadLetter: Sendable, Equatable, Codable {
    /// What removes it from its source (an `_id`, or `<shard>/<position>`).
    public var key: String
    public var letter: DeadLetter

    public init(key: String, letter: DeadLetter) {
        self.key = key
        self.letter = letter
    }
}

/// Puts dead letters back through the normal path (parse, embed, upsert: a ``BatchProcessor``
/// over the pipeline's embedder and store), and removes each from its source only after it is
/// indexed. Idempotent: documents are keyed by `event_id`, so a letter redriven twice (or one
/// whose record was indexed since) is stored once. A letter that fails again stays, with the
/// reason it failed for now in ``Result/failed``.
///
/// ```swift
/// let result = try await DeadLetterRedrive(processor: processor).redrive(from: deadLetters, reason: "indexing")
/// ```
public struct DeadLetterRedrive: Sendable {
    /// The normal path; its own dead-letter store is replaced by one that only collects.
    public var processor: BatchProcessor

    public init(processor: BatchProcessor) {
        self.processor = processor
    }

    /// What a redrive did.
    public struct Result: Sendable, Equatable, Codable {
        /// Letters indexed and removed from their source.
        public var redriven: Int
        /// Letters that failed again and stay, with the new reason.
        public var failed: [DeadLetter]
    }

    /// Redrives the letters of `source` whose reason contains `reason` (all when `nil`).
    ///
    /// - Throws: What the source, or a retryable failure of the store or embedder, throws;
    ///   nothing is removed for letters not indexed.
    public func redrive(from source: any DeadLetterSource, reason: String? = nil) async throws -> Result {
        let stored = try await source.list(reason: reason)
        guard !stored.isEmpty else { return Result(redriven: 0, failed: []) }
        let collected = CollectedLetters()
        var processor = self.processor
        processor.deadLetters = collected
        let records = stored.map { SourceRecord(shard: $0.letter.shard, position: $0.letter.position, data: Data($0.letter.data.utf8), arrivedAt: nil) }
        _ = try await processor.process(records) { _ in }
        let failed = collected.letters.withLock { $0 }
        let stillFailing = Set(failed.map { "\($0.shard)/\($0.position)" })
        let indexed = stored.filter { !stillFailing.contains("\($0.letter.shard)/\($0.letter.position)") }
        try await source.remove(indexed.map(\.key))
        return Result(redriven: indexed.count, failed: failed)
    }
}

/// The letters a redrive gives up on again, kept in memory (their originals stay in the source).
final class CollectedLetters: DeadLetterStore {
    let letters = Mutex<[DeadLetter]>([])

    func write(_ letters: [DeadLetter]) async throws {
        self.letters.withLock { $0 += letters }
    }
}
