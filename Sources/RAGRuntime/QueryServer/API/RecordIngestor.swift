import Foundation
import Logging
import NIOCore
import Retrieval
import TelemetryModel

/// Indexes a JSON array of telemetry records: `POST /api/ingest`.
///
/// The operator's stream consumer posts batches here when the embedded store lives in the
/// backend. Each element is validated on its own, so one bad record does not reject the batch:
/// elements that do not decode, lack an `event_id`, or have nothing to embed are listed in
/// `rejected` with the reason. The rest are embedded in batches of
/// ``QueryAPIConfiguration/ingestBatchSize`` and upserted by `event_id`, so posting the same
/// records again changes nothing.
///
/// ```json
/// {"indexed": 98, "rejected": [{"event_id": "evt-7", "reason": "message is empty"}, {"reason": "element 12: ..."}]}
/// ```
public struct RecordIngestor: Sendable {
    let embedder: any Embedder
    let store: any VectorStore
    let batchSize: Int
    let meter: IngestRateMeter
    let clock: WallClock
    let logger: Logger

    /// Creates an ingestor.
    public init(
        embedder: any Embedder, store: any VectorStore, batchSize: Int, meter: IngestRateMeter, clock: WallClock,
        logger: Logger = Logger(label: "rag.ingest")
    ) {
        self.embedder = embedder
        self.store = store
        self.batchSize = max(1, batchSize)
        self.meter = meter
        self.clock = clock
        self.logger = logger
    }

    /// The result of an ingest request.
    public struct Result: Sendable, Equatable, Codable {
        /// Records embedded and upserted.
        public var indexed: Int
        /// Records left out, with why.
        public var rejected: [Rejection]
    }

    /// A record that was not indexed.
    public struct Rejection: Sendable, Equatable, Codable {
        /// The record's `event_id`, when it had one.
        public var eventID: String?
        /// Why it was rejected.
        public var reason: String

        private enum CodingKeys: String, CodingKey { case eventID = "event_id", reason }
    }

    /// Validates, embeds and upserts the records in `body`.
    ///
    /// - Throws: ``QueryAPIError`` 400 when the body is not a JSON array, 502 when the embedder
    ///   fails, 503 when the store does.
    public func ingest(_ body: ByteBuffer) async throws -> Result {
        guard body.readableBytes > 0 else {
            throw QueryAPIError.badRequest("empty_body", "the request body is empty; send a JSON array of records")
        }
        let elements: [Element]
        do {
            elements = try JSONDecoder().decode([Element].self, from: Data(body.readableBytesView))
        } catch {
            throw QueryAPIError.badRequest("invalid_json", "the body is not a JSON array of records")
        }
        var rejected: [Rejection] = []
        var records: [String: TelemetryRecord] = [:]
        var order: [String] = []
        for (index, element) in elements.enumerated() {
            switch element.validated() {
            case .success(let record):
                if records.updateValue(record, forKey: record.eventID) == nil { order.append(record.eventID) }
            case .failure(let rejection):
                rejected.append(Rejection(eventID: rejection.eventID, reason: "element \(index): \(rejection.reason)"))
            }
        }
        var indexed = 0
        let unique = order.compactMap { records[$0] }
        for start in stride(from: 0, to: unique.count, by: batchSize) {
            let batch = Array(unique[start..<min(start + batchSize, unique.count)])
            let (documents, skipped) = try await embed(batch)
            rejected += skipped
            do {
                try await store.upsert(documents)
            } catch {
                logger.warning("upsert failed", metadata: ["error": "\(error)"])
                throw QueryAPIError.unavailable("vector_store_unavailable", "indexing failed after \(indexed) records", detail: "\(error)")
            }
            indexed += documents.count
            let now = clock.now()
            meter.record(documents.count, at: now)
            meter.recordFreshness(of: documents.map(\.record.timestamp), at: now)
        }
        return Result(indexed: indexed, rejected: rejected)
    }

    /// Embeds a batch, setting aside records the embedder finds nothing in.
    private func embed(_ batch: [TelemetryRecord]) async throws -> ([IndexedDocument], [Rejection]) {
        var remaining = batch
        var skipped: [Rejection] = []
        while !remaining.isEmpty {
            do {
                let vectors = try await embedder.embed(remaining.map(\.embeddingText), purpose: .document)
                return (zip(remaining, vectors).map { IndexedDocument(record: $0, vector: $1) }, skipped)
            } catch RetrievalError.emptyEmbeddingText(let index) where remaining.indices.contains(index) {
                let record = remaining.remove(at: index)
                skipped.append(Rejection(eventID: record.eventID, reason: "nothing to embed"))
            } catch {
                logger.warning("embedding failed", metadata: ["error": "\(error)"])
                throw QueryAPIError.badGateway("embedding_failed", "the embedder failed", detail: "\(error)")
            }
        }
        return ([], skipped)
    }
}
