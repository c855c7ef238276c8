import KubernetesCore
import DequeModule

extension WorkQueue {
    /// The queue's bookkeeping, free of I/O and clocks: every method takes `now` in seconds.
    ///
    /// Guarantees, as client-go's work queue gives them:
    /// - a key is queued at most once (deduplication);
    /// - a key being processed is never handed to a second worker; adding it meanwhile marks it
    ///   dirty and it is queued again when the first worker calls ``done(_:)``;
    /// - a delayed add keeps the earliest deadline.
    public struct StateMachine: Sendable {
        var ready: Deque<Key> = []
        var queued: Set<Key> = []
        var processing: Set<Key> = []
        var dirty: Set<Key> = []
        var delayed: [Key: Double] = [:]
        var failures: [Key: Int] = [:]
        var addedAt: [Key: Double] = [:]
        public private(set) var isShuttingDown = false
        var backoff: ExponentialBackoff
        var bucket: TokenBucket

        public init(backoff: ExponentialBackoff = .workQueue, bucket: TokenBucket = TokenBucket()) {
            self.backoff = backoff
            self.bucket = bucket
        }

        /// What an add did.
        public enum AddResult: Equatable, Sendable {
            case queued
            case alreadyQueued
            /// The key is being processed; it is queued again when processing ends.
            case deferredUntilDone
            case scheduled(deadline: Double)
            case keptEarlierDeadline
            case ignoredShuttingDown
        }

        public mutating func add(_ key: Key, now: Double, after delay: Double = 0) -> AddResult {
            guard !isShuttingDown else { return .ignoredShuttingDown }
            if delay > 0 {
                if queued.contains(key) { return .alreadyQueued }
                let deadline = now + delay
                if let existing = delayed[key], existing <= deadline { return .keptEarlierDeadline }
                delayed[key] = deadline
                return .scheduled(deadline: deadline)
            }
            delayed[key] = nil
            if processing.contains(key) {
                dirty.insert(key)
                return .deferredUntilDone
            }
            if queued.contains(key) { return .alreadyQueued }
            queued.insert(key)
            ready.append(key)
            addedAt[key] = now
            return .queued
        }

        /// Adds after the key's backoff (its failure count grows) or the overall rate limit, whichever is longer.
        public mutating func addRateLimited(_ key: Key, now: Double, random: Double = 1) -> AddResult {
            let count = (failures[key] ?? 0) + 1
            failures[key] = count
            let perKey = backoff.delay(afterFailures: count, random: random)
            let perKeySeconds = perKey.timeInterval
            return add(key, now: now, after: max(perKeySeconds, bucket.reserve(now: now)))
        }

        /// Clears the key's failure count (after a success).
        public mutating func forget(_ key: Key) { failures[key] = nil }

        public func failureCount(_ key: Key) -> Int { failures[key] ?? 0 }

        /// Moves every delayed key whose deadline has passed into the ready queue.
        public mutating func promote(now: Double) {
            for (key, deadline) in delayed where deadline <= now {
                delayed[key] = nil
                _ = add(key, now: now)
            }
        }

        /// The earliest pending deadline.
        public var nextDeadline: Double? { delayed.values.min() }

        /// Takes the next ready key and marks it processing; also returns how long it waited.
        public mutating func next(now: Double) -> (key: Key, waited: Double)? {
            guard let key = ready.popFirst() else { return nil }
            queued.remove(key)
            processing.insert(key)
            let waited = addedAt.removeValue(forKey: key).map { now - $0 } ?? 0
            return (key, waited)
        }

        /// Ends processing of a key; a key added meanwhile is queued again (returns `true`).
        public mutating func done(_ key: Key, now: Double) -> Bool {
            processing.remove(key)
            guard dirty.remove(key) != nil, !isShuttingDown else { return false }
            return add(key, now: now) == .queued
        }

        /// Stops accepting keys; keys in flight may finish.
        public mutating func shutDown() {
            isShuttingDown = true
            ready.removeAll()
            queued.removeAll()
            delayed.removeAll()
            dirty.removeAll()
        }

        public var depth: Int { ready.count }
        public var processingCount: Int { processing.count }
        public func isProcessing(_ key: Key) -> Bool { processing.contains(key) }
    }
}
