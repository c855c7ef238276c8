import Foundation
import KubernetesClient
import KubernetesCore
import Logging
import Synchronization

/// Records `events.k8s.io/v1` Events about objects, aggregated and rate-limited like client-go's recorder.
///
/// - The same (object, type, reason, note) within `aggregationWindow` updates the first Event's
///   `series` (count, lastObservedTime) instead of creating another.
/// - At most `burst` new Events per object, refilled at one per `refill`; beyond that they are dropped
///   (and counted in ``droppedCount``): Events are advisory and must not load the API server.
/// - Failures to write an Event are logged, never thrown: an Event must not fail a reconcile.
public final class EventRecorder: Sendable {
    public let controller: String
    public let instance: String
    let client: KubernetesClient
    let logger: Logger
    let now: @Sendable () -> Date
    let aggregationWindow: TimeInterval
    let burst: Double
    let refill: TimeInterval

    struct Seen { var eventName: String; var namespace: String; var count: Int; var first: Date }
    struct Bucket { var tokens: Double; var last: Date }
    struct State { var seen: [String: Seen] = [:]; var buckets: [String: Bucket] = [:]; var dropped = 0; var sequence: UInt64 = 0 }
    private let state = Mutex(State())

    public init(controller: String, instance: String, client: KubernetesClient, logger: Logger, now: @escaping @Sendable () -> Date = Date.init,
                aggregationWindow: TimeInterval = 600, burst: Double = 25, refill: TimeInterval = 300) {
        self.controller = controller
        self.instance = instance
        self.client = client
        self.logger = logger
        self.now = now
        self.aggregationWindow = aggregationWindow
        self.burst = burst
        self.refill = refill
    }

    public var droppedCount: Int { state.withLock { $0.dropped } }

    /// Records an Event. `type` is `Normal` or `Warning`; `reason` is CamelCase; `action` a verb (`Apply`, `Delete`, `Reconcile`).
    public func record(_ type: String, reason: String, note: String, action: String, regarding: ObjectReference) async {
        let time = now()
        let key = "\(regarding.uid ?? regarding.name ?? "")|\(type)|\(reason)|\(note)"
        enum Plan { case create(String), update(Seen), drop }
        let plan: Plan = state.withLock { state in
            if var seen = state.seen[key], time.timeIntervalSince(seen.first) < aggregationWindow {
                seen.count += 1
                state.seen[key] = seen
                return .update(seen)
            }
            let objectKey = regarding.uid ?? regarding.name ?? ""
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
            logger.debug("could not record event \(reason) for \(regarding.name ?? ""): \(error)")
        }
    }
}
