import KubernetesCore
import Foundation
import Metrics

/// A rate-limited, deduplicating work queue of keys, shared by a controller's workers.
///
/// The bookkeeping is ``StateMachine``; this actor adds time, waiting workers and metrics.
/// ``run()`` moves delayed keys to the ready queue as their deadlines pass; run it beside the workers.
///
/// ```swift
/// let queue = WorkQueue<ObjectKey>(name: "ragpipeline")
/// await queue.add(key)
/// while let key = await queue.next() { defer { Task { await queue.done(key) } }; ... }
/// ```
public actor WorkQueue<Key: Hashable & Sendable> {
    var machine: StateMachine
    private var waiters: [UUID: CheckedContinuation<Key?, Never>] = [:]
    private var waiterOrder: [UUID] = []
    private let now: @Sendable () -> Double
    /// How often the pump looks for due keys (a bound on delay precision).
    private let tick: Duration
    private let depthGauge: Gauge
    private let adds: Counter
    private let retries: Counter
    private let queueDuration: Metrics.Timer

    public init(name: String, backoff: ExponentialBackoff = .workQueue, bucket: TokenBucket = TokenBucket(), tick: Duration = .milliseconds(20)) {
        machine = StateMachine(backoff: backoff, bucket: bucket)
        let start = ContinuousClock.now
        now = { let elapsed = start.duration(to: .now); return elapsed.timeInterval }
        self.tick = tick
        depthGauge = Gauge(label: "workqueue_depth", dimensions: [("name", name)])
        adds = Counter(label: "workqueue_adds_total", dimensions: [("name", name)])
        retries = Counter(label: "workqueue_retries_total", dimensions: [("name", name)])
        queueDuration = Metrics.Timer(label: "workqueue_queue_duration_seconds", dimensions: [("name", name)], preferredDisplayUnit: .seconds)
    }

    /// Adds a key now, or after `delay`.
    public func add(_ key: Key, after delay: Duration = .zero) {
        let seconds = delay.timeInterval
        if machine.add(key, now: now(), after: seconds) == .queued { adds.increment() }
        deliver()
    }

    /// Adds a key after its per-key exponential backoff (and the overall rate limit).
    public func addRateLimited(_ key: Key) {
        retries.increment()
        _ = machine.addRateLimited(key, now: now(), random: Double.random(in: 0...1))
        deliver()
    }

    /// Resets a key's backoff after it succeeded.
    public func forget(_ key: Key) { machine.forget(key) }

    public func failureCount(_ key: Key) -> Int { machine.failureCount(key) }

    /// The next key to process; waits for one. `nil` once the queue shuts down (or the task is cancelled).
    public func next() async -> Key? {
        if let item = machine.next(now: now()) {
            record(item.waited)
            return item.key
        }
        if machine.isShuttingDown || Task.isCancelled { return nil }
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiters[id] = continuation
                waiterOrder.append(id)
                deliver()
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Marks a key processed; if it was added meanwhile, it is queued again.
    public func done(_ key: Key) {
        _ = machine.done(key, now: now())
        deliver()
    }

    /// Stops handing out keys: waiting workers get `nil`, in-flight keys may finish.
    public func shutDown() {
        machine.shutDown()
        for id in waiterOrder { waiters.removeValue(forKey: id)?.resume(returning: nil) }
        waiterOrder.removeAll()
        depthGauge.record(0)
    }

    public var depth: Int { machine.depth }
    public var isShuttingDown: Bool { machine.isShuttingDown }

    /// Moves due delayed keys to the ready queue until the queue shuts down or the task is cancelled.
    public func run() async {
        while !machine.isShuttingDown && !Task.isCancelled {
            machine.promote(now: now())
            deliver()
            do { try await Task.sleep(for: tick) } catch { return }
        }
    }

    private func deliver() {
        while !waiterOrder.isEmpty, let item = machine.next(now: now()) {
            let id = waiterOrder.removeFirst()
            record(item.waited)
            waiters.removeValue(forKey: id)?.resume(returning: item.key)
        }
        depthGauge.record(machine.depth)
    }

    private func record(_ waited: Double) {
        queueDuration.recordNanoseconds(Int64(waited * 1e9))
    }

    private func cancelWaiter(_ id: UUID) {
        waiterOrder.removeAll { $0 == id }
        waiters.removeValue(forKey: id)?.resume(returning: nil)
    }
}
