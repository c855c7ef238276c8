import Foundation
import TelemetryModel

extension BatchProcessor {
    /// The processing of one batch, without I/O: parse, embed in groups of at most 96 texts,
    /// upsert, dead-letter, acknowledge, in that order.
    ///
    /// The owner asks ``nextAction()``, performs it and reports the outcome. A group that fails
    /// transiently (throttling, 5xx, a service that cannot be reached) is retried after
    /// ``Action/wait(attempt:)`` for as long as it takes: backpressure, never a dead letter. A group
    /// that fails permanently (the embedder or store rejects the input) is split in halves until
    /// the failing records are alone, and those are dead-lettered. The batch is acknowledged only
    /// once every record is indexed or dead-lettered.
    struct StateMachine {
        /// Records (by index into the batch) handled together, and how often they were tried.
        struct Group: Equatable {
            var indices: [Int]
            var attempt = 1
        }

        /// How an embed or upsert call failed.
        enum Failure: Equatable {
            /// Worth retrying (throttling, timeouts, 5xx, an unreachable or refusing service).
            case transient(String)
            /// The input was rejected; retrying the same input fails again.
            case permanent(String)
        }

        enum Action: Equatable {
            case embed(indices: [Int], texts: [String])
            case upsert(indices: [Int])
            case wait(attempt: Int)
            case deadLetter([DeadLetter])
            case acknowledge(position: String)
            case finished(BatchSummary)
        }

        let records: [SourceRecord]
        private(set) var parsed: [TelemetryRecord?]
        private(set) var vectors: [[Float]?]
        private var embedQueue: [Group] = []
        private var upsertQueue: [Group]?
        private var pendingWait: Int?
        private var deadLetters: [DeadLetter] = []
        private var deadLettersWritten = false
        private var acknowledged = false
        private var summary: BatchSummary
        private let now: Date
        /// The last transient failure, while retrying it.
        private(set) var lastTransientFailure: String?

        init(records: [SourceRecord], now: Date, maxEmbedTexts: Int = 96) {
            self.records = records
            self.now = now
            summary = BatchSummary(received: records.count)
            vectors = Array(repeating: nil, count: records.count)
            parsed = Array(repeating: nil, count: records.count)
            var lastIndexByID: [String: Int] = [:]
            let decoder = JSONDecoder()
            for (index, record) in records.enumerated() {
                do {
                    let telemetry = try decoder.decode(TelemetryRecord.self, from: record.data)
                    parsed[index] = telemetry
                    if let earlier = lastIndexByID[telemetry.eventID] {
                        parsed[earlier] = nil   // re-delivered within the batch: the later copy wins
                        summary.duplicates += 1
                    }
                    lastIndexByID[telemetry.eventID] = index
                } catch {
                    deadLetters.append(DeadLetter(record: record, eventID: nil, reason: "unparseable: \(Self.describe(error))", at: now))
                }
            }
            let valid = parsed.indices.filter { parsed[$0] != nil }
            embedQueue = stride(from: 0, to: valid.count, by: max(1, maxEmbedTexts)).map {
                Group(indices: Array(valid[$0..<min($0 + max(1, maxEmbedTexts), valid.count)]))
            }
        }

        /// What to do next.
        mutating func nextAction() -> Action {
            if let attempt = pendingWait {
                pendingWait = nil
                return .wait(attempt: attempt)
            }
            if let group = embedQueue.first {
                summary.embedCalls += 1
                return .embed(indices: group.indices, texts: group.indices.map { parsed[$0]?.embeddingText ?? "" })
            }
            if upsertQueue == nil {
                let ready = vectors.indices.filter { vectors[$0] != nil }
                upsertQueue = ready.isEmpty ? [] : [Group(indices: ready)]
            }
            if let group = upsertQueue?.first { return .upsert(indices: group.indices) }
            if !deadLettersWritten && !deadLetters.isEmpty { return .deadLetter(deadLetters) }
            if !acknowledged, let last = records.last { return .acknowledge(position: last.position) }
            summary.deadLettered = deadLetters.count
            return .finished(summary)
        }

        /// The embed call of the first group returned `vectors`.
        mutating func embedSucceeded(_ result: [[Float]]) {
            guard let group = embedQueue.first else { return }
            guard result.count == group.indices.count else {
                embedFailed(.transient("embedder returned \(result.count) vectors for \(group.indices.count) texts"))
                return
            }
            embedQueue.removeFirst()
            lastTransientFailure = nil
            for (index, vector) in zip(group.indices, result) { vectors[index] = vector }
        }

        /// The embed call of the first group failed.
        mutating func embedFailed(_ failure: Failure) {
            var queue = embedQueue
            handle(failure, in: &queue, stage: "embedding")
            embedQueue = queue
        }

        /// The upsert of the first group succeeded.
        mutating func upsertSucceeded() {
            guard let group = upsertQueue?.first else { return }
            upsertQueue?.removeFirst()
            lastTransientFailure = nil
            summary.indexed += group.indices.count
        }

        /// The upsert of the first group failed.
        mutating func upsertFailed(_ failure: Failure) {
            guard var queue = upsertQueue else { return }
            handle(failure, in: &queue, stage: "indexing")
            upsertQueue = queue
        }

        /// The dead letters are durable.
        mutating func deadLettersStored() { deadLettersWritten = true }

        /// The checkpoint is written.
        mutating func acknowledgementStored() { acknowledged = true }

        private mutating func handle(_ failure: Failure, in queue: inout [Group], stage: String) {
            guard !queue.isEmpty else { return }
            var group = queue.removeFirst()
            switch failure {
            case .transient(let message):
                // Backpressure: the same group again, later, however long the outage lasts.
                pendingWait = group.attempt
                group.attempt += 1
                summary.retries += 1
                lastTransientFailure = "\(stage): \(message)"
                queue.insert(group, at: 0)
            case .permanent(let message):
                if group.indices.count > 1 {
                    let middle = group.indices.count / 2
                    queue.insert(contentsOf: [Group(indices: Array(group.indices[..<middle])), Group(indices: Array(group.indices[middle...]))], at: 0)
                } else if let index = group.indices.first {
                    deadLetter(index, reason: "\(stage) rejected: \(message)")
                }
            }
        }

        private mutating func deadLetter(_ index: Int, reason: String) {
            vectors[index] = nil
            deadLetters.append(DeadLetter(record: records[index], eventID: parsed[index]?.eventID, reason: reason, at: now))
        }

        static func describe(_ error: any Error) -> String {
            switch error {
            case DecodingError.dataCorrupted(let context): context.debugDescription
            case DecodingError.keyNotFound(let key, _): "missing field \(key.stringValue)"
            case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
                "bad value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
            default: "\(error)"
            }
        }
    }
}
