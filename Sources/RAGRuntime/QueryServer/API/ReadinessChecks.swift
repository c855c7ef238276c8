import Foundation
import Synchronization

/// The dependency checks behind `/readyz`, cached and time-bounded.
///
/// A kubelet probes every few seconds on every replica; checking the embedder live each time is a
/// paid Bedrock call per probe, and readiness would flap with every throttled one. So each check's
/// result is kept for `passingFor` (60 s) when it passed and `failingFor` (5 s) when it failed, each
/// run is cut off after `timeout` (2 s) so a hung dependency cannot hang the probe (checks must honour
/// cancellation, as the HTTP clients here do), and concurrent probes share the last result instead of
/// piling up calls.
final class ReadinessChecks: Sendable {
    struct Result: Sendable, Equatable {
        var passed: Bool
        var detail: String
        var checkedAt: Date
    }

    struct TimedOut: Error, CustomStringConvertible {
        var timeout: Duration
        var description: String { "no answer within \(timeout)" }
    }

    let clock: WallClock
    let passingFor: TimeInterval
    let failingFor: TimeInterval
    let timeout: Duration
    private let state = Mutex<(results: [String: Result], running: Set<String>)>(([:], []))

    init(clock: WallClock, passingFor: TimeInterval = 60, failingFor: TimeInterval = 5, timeout: Duration = .seconds(2)) {
        self.clock = clock
        self.passingFor = passingFor
        self.failingFor = failingFor
        self.timeout = timeout
    }

    /// The result of check `name`: the cached one while fresh (or while another probe is running it),
    /// otherwise a new run of `check`, which returns the detail to report when it passes.
    func result(of name: String, _ check: @escaping @Sendable () async throws -> String) async -> Result {
        let now = clock.now()
        let cached: Result? = state.withLock { state in
            let last = state.results[name]
            if let last, now.timeIntervalSince(last.checkedAt) < (last.passed ? passingFor : failingFor) { return last }
            if state.running.contains(name) {
                // Another probe is checking: share its last answer, or say the first check is under way.
                return last ?? Result(passed: false, detail: "checking", checkedAt: now)
            }
            state.running.insert(name)
            return nil
        }
        if let cached { return cached }
        let result: Result
        do {
            result = Result(passed: true, detail: try await bounded(check), checkedAt: now)
        } catch is CancellationError {
            // The probe went away (the client hung up): nothing was learnt about the dependency.
            state.withLock { _ = $0.running.remove(name) }
            return Result(passed: false, detail: "cancelled", checkedAt: now)
        } catch {
            result = Result(passed: false, detail: "failed: \(error)", checkedAt: now)
        }
        state.withLock { state in
            state.results[name] = result
            state.running.remove(name)
        }
        return result
    }

    private func bounded(_ check: @escaping @Sendable () async throws -> String) async throws -> String {
        let timeout = timeout
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask { try await check() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let detail = try await group.next() ?? nil else { throw TimedOut(timeout: timeout) }
            return detail
        }
    }
}
