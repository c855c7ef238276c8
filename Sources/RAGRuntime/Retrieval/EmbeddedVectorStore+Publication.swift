import Foundation

// What a reader may see of a durable store's writes: a change is queued to the write-ahead log
// and kept aside; it is applied to the index only once the log has `fsync`ed it, in log order. So
// a search never returns a record that a crash could still take back, and a checkpoint (which
// deletes the segments its snapshot covers) snapshots the index with the queued changes applied.

extension EmbeddedVectorStore {
    /// A change queued to the log, not yet visible.
    enum QueuedChange {
        case upsert([IndexedDocument], normalised: [[Float]])
        case delete([String])
    }

    /// The index and the changes the log holds that it does not show yet.
    struct State {
        var index: EmbeddedIndex
        /// In log order (they are queued under the same lock that orders them in the log).
        var queued: [(sequence: UInt64, change: QueuedChange)] = []
        /// How many documents each published delete removed, until its caller collects it.
        var removedByDelete: [UInt64: Int] = [:]

        init(index: EmbeddedIndex) {
            self.index = index
        }

        /// Applies the queued changes up to `durable`, oldest first.
        mutating func publish(upTo durable: UInt64) {
            var published = 0
            for (sequence, change) in queued {
                guard sequence <= durable else { break }
                if let removed = Self.apply(change, to: &index) { removedByDelete[sequence] = removed }
                published += 1
            }
            queued.removeFirst(published)
        }

        /// The index with every queued change applied: what the log holds, durable or about to be.
        var snapshot: EmbeddedIndex {
            guard !queued.isEmpty else { return index }
            var snapshot = index
            for (_, change) in queued { Self.apply(change, to: &snapshot) }
            return snapshot
        }

        /// Applies one change; a delete's count of removed documents.
        @discardableResult
        private static func apply(_ change: QueuedChange, to index: inout EmbeddedIndex) -> Int? {
            switch change {
            case .upsert(let documents, let normalised):
                index.insert(documents, normalised: normalised)
                return nil
            case .delete(let ids):
                return index.delete(ids: ids)
            }
        }
    }

    /// Queues `change` (already encoded as `payload`) to `log`, waits for its `fsync`, and makes
    /// every change that is durable by then visible; the sequence number of `change`.
    func logThenPublish(_ change: QueuedChange, payload: [UInt8], to log: WriteAheadLog) async throws -> UInt64 {
        let sequence = state.withLock { state in
            let sequence = log.enqueue(payload)
            state.queued.append((sequence, change))
            return sequence
        }
        try await log.waitUntilDurable(sequence)
        state.withLock { state in state.publish(upTo: log.durableSequence) }
        return sequence
    }
}
