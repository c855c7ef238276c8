import Foundation
import KubernetesClient
import KubernetesCore
import Logging
import Synchronization

/// Records `events.k8s.io/v1` Events about objects, aggregated and rate-limited like client-go's recorder.
///
/// - The same (object, type, reason, note) within `aggregationWindow` updates the first Event's
///   `series` (count, lastObservedTime) instead of creating another.
/// - At most `burst` new Events per object and type (Normal, Warning), refilled at one per `refill`; beyond that they are dropped
///   (and counted in ``droppedCount``): Events are advisory and must not load the API server.
/// - Failures to write an Event are logged, never thrown: an Event must not fail a reconcile.
/// - Memory is bounded: series older than the aggregation window and buckets that have refilled are
///   evicted (swept at most once a minute), and at most `maximumTracked` series are kept (oldest first out),
///   so an operator that ran for months over thousands of pipelines holds no more than it needs.
public final class EventRecorder: Sendable {
    public let controller: String
    public let instance: String
    let client: KubernetesClient
    let logger: Logger
    let now: @Sendable () -> Date
    let aggregationWindow: TimeInterval
    let burst: Double
    let refill: TimeInterval
    let maximumTracked: Int

    struct Seen { var eventName: String; var namespace: String; var count: Int; var first: Date }
    struct Bucket { var tokens: Double; var last: Date }
    struct State { var seen: [String: Seen] = [:]; var buckets: [String: Bucket] = [:]; var dropped = 0; var sequence: UInt64 = 0; var lastSweep = Date.distantPast }
    private let state = Mutex(State())

    public init(controller: String, instance: String, client: KubernetesClient, logger: Logger, now: @escaping @Sendable () -> Date = Date.init,
                aggregationWindow: TimeInterval = 600, burst: Double = 25, refill: TimeInterval = 300, maximumTracked: Int = 4096) {
        self.controller = controller
        self.instance = instance
        self.client = client
        self.logger = logger
        self.now = now
        self.aggregationWindow = aggregationWindow
        self.burst = burst
        self.refill = refill
        self.maximumTracked = maximumTracked
    }

    public var droppedCount: Int { state.withLock { $0.dropped } }

    /// How many series and rate-limit buckets the recorder holds now.
    public var trackedCount: (series: Int, buckets: Int) { state.withLock { ($0.seen.count, $0.buckets.count) } }

    /// Drops what can no longer matter: series past the aggregation window, buckets refilled to the burst.
    private func sweep(_ state: inout State, at time: Date) {
        guard time.timeIntervalSince(state.lastSweep) >= 60 || state.seen.count > maximumTracked || state.buckets.count > maximumTracked else { return }
        state.lastSweep = time
        state.seen = state.seen.filter { time.timeIntervalSince($0.value.first) < aggregationWindow }
        state.buckets = state.buckets.filter { $0.value.tokens + time.timeIntervalSince($0.value.last) / refill < burst }
        if state.seen.count > maximumTracked {
            for (key, _) in state.seen.sorted(by: { $0.value.first < $1.value.first }).prefix(state.seen.count - maximumTracked) { state.seen.removeValue(forKey: key) }
        }
        if state.buckets.count > maximumTracked {
            for (key, _) in state.buckets.sorted(by: { $0.value.last < $1.value.last }).prefix(state.buckets.count - maximumTracked) { state.buckets.removeValue(forKey: key) }
        }
    }

    /// Records an Event. `type` is `Normal` or `Warning`; `reason` is CamelCase; `action` a verb (`Apply`, `Delete`, `Reconcile`).
    public func record(_ type: String, reason: String, note: String, action: String, regarding: ObjectReference) async {
        let time = now()
        let key = "\(regarding.uid ?? regarding.name ?? "")|\(type)|\(reason)|\(note)"
        enum Plan { case create(String), update(Seen), drop }
        let plan: Plan = state.withLock { state in
            sweep(&state, at: time)
            if var seen = state.seen[key], time.timeIntervalSince(seen.first) < aggregationWindow {
                seen.count += 1
                state.seen[key] = seen
                return .update(seen)
            }
            // One budget per object and type: a burst of Normal events (a new pipeline's children) must
            // never use up what a Warning about the same object needs.
            let objectKey = "\(regarding.uid ?? regarding.name ?? "")|\(type)"
            var bucket = state.buckets[objectKey] ?? Bucket(tokens: burst, last: time)
            bucket.tokens = min(burst, bucket.tokens + time.timeIntervalSince(bucket.last) / refill)
            bucket.last = time
            guard bucket.tokens >= 1 else {
                state.buckets[objectKey] = bucket
                state.dropped += 1
                return .drop
            }
            bucket.tokens -= 1
            state.buckets[objectKey] = bucket
            // Nanoseconds plus a sequence number: two Events in the same instant must not collide.
            state.sequence += 1
            let name = "\(regarding.name ?? "object").\(String(UInt64(time.timeIntervalSince1970 * 1e9) &+ state.sequence, radix: 16))"
            state.seen[key] = Seen(eventName: name, namespace: regarding.namespace ?? "default", count: 1, first: time)
            return .create(name)
        }
        do {
            switch plan {
            case .drop:
                return
            case .create(let name):
                var event = Event(metadata: ObjectMeta(name: name, namespace: regarding.namespace ?? "default"), eventTime: Timestamp(time, microseconds: true))
                event.type = type
                event.reason = reason
                event.note = String(note.prefix(1024))
                event.action = action
                event.regarding = regarding
                event.reportingController = controller
                event.reportingInstance = instance
                _ = try await client.create(event)
            case .update(let seen):
                let series: JSONValue = ["series": ["count": .integer(Int64(seen.count)), "lastObservedTime": .string(Timestamp(time, microseconds: true).description)]]
                _ = try await client.patch(Event.self, name: seen.eventName, namespace: seen.namespace, patch: series)
            }
        } catch {
            logger.warning("could not record event \(reason) for \(regarding.name ?? ""): \(error)")
        }
    }
}
