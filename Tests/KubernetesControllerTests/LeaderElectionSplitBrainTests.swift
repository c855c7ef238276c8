import Foundation
import KubernetesClient
import KubernetesController
import KubernetesCore
import KubernetesTesting
import Logging
import Synchronization
import Testing

/// A transport in front of the fake whose requests can be made to hang, as over a partitioned network
/// where the connection neither answers nor fails.
final class HangingTransport: HTTPTransport {
    let inner: FakeTransport
    let hanging = Mutex(false)

    init(inner: FakeTransport) { self.inner = inner }

    func hangIfAsked() async throws(KubernetesClientError) {
        guard hanging.withLock({ $0 }) else { return }
        do {
            try await Task.sleep(for: .seconds(120))
        } catch {
            throw KubernetesClientError.wrapping(error)
        }
    }

    func send(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesResponse {
        try await hangIfAsked()
        return try await inner.send(request)
    }

    func stream(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesStreamingResponse {
        try await hangIfAsked()
        return try await inner.stream(request)
    }
}

/// When each of two electors acted as leader, sampled from their gates.
final class LeadershipTimeline: Sendable {
    struct Interval: Sendable { var identity: String; var start: ContinuousClock.Instant; var end: ContinuousClock.Instant? }
    let intervals = Mutex<[Interval]>([])

    func sample(_ identity: String, leading: Bool) {
        let now = ContinuousClock.now
        intervals.withLock { intervals in
            let open = intervals.lastIndex { $0.identity == identity && $0.end == nil }
            switch (leading, open) {
            case (true, nil): intervals.append(Interval(identity: identity, start: now))
            case (false, let index?): intervals[index].end = now
            default: break
            }
        }
    }

    /// Pairs of intervals of different electors that overlap.
    var overlaps: [(Interval, Interval)] {
        let all = intervals.withLock { $0 }
        var result: [(Interval, Interval)] = []
        for (i, a) in all.enumerated() {
            for b in all[(i + 1)...] where a.identity != b.identity {
                let aEnd = a.end ?? .now, bEnd = b.end ?? .now
                if a.start < bEnd && b.start < aEnd { result.append((a, b)) }
            }
        }
        return result
    }
}

@Suite(.serialized) struct LeaderElectionSplitBrainTests {
    func elector(_ identity: String, transport: any HTTPTransport) -> LeaderElector {
        LeaderElectionTests.elector(identity, client: KubernetesClient(transport: transport), renewDeadline: .seconds(1), retryPeriod: .milliseconds(100))
    }

    /// Before the fix a hung renew kept the old leader's gate open for the 60 s request timeout, while
    /// the other elector took the expired lease after 2 s: two leaders at once.
    @Test func aLeaderWhoseRenewHangsStopsLeadingBeforeAnotherCanAcquire() async throws {
        let server = FakeAPIServer()
        let hangingA = HangingTransport(inner: server.transport)
        let a = elector("a", transport: hangingA)
        let b = elector("b", transport: server.transport)
        let timeline = LeadershipTimeline()
        try await withThrowingTaskGroup(of: Void.self) { group in
            let outcomeA = Mutex<(any Error)?>(nil)
            group.addTask {
                do { try await a.run() } catch { outcomeA.withLock { $0 = error } }
            }
            group.addTask {
                while !Task.isCancelled {
                    timeline.sample("a", leading: a.gate.isLeading)
                    timeline.sample("b", leading: b.gate.isLeading)
                    try await Task.sleep(for: .milliseconds(2))
                }
            }
            try await eventually("a leads") { a.gate.isLeading }
            group.addTask { try await b.run() }
            try await Task.sleep(for: .milliseconds(500))
            #expect(!b.gate.isLeading, "b follows while a renews")

            hangingA.hanging.withLock { $0 = true }
            try await eventually("b takes over", timeout: .seconds(10)) { b.gate.isLeading }
            try await Task.sleep(for: .milliseconds(300))
            #expect(!a.gate.isLeading)
            #expect(outcomeA.withLock { $0 as? LeaderElectionError } == .leadershipLost(identity: "a"), "a's run() ends with leadershipLost")
            let overlaps = timeline.overlaps
            #expect(overlaps.isEmpty, "a and b led at once: \(overlaps.map { "\($0.0.identity) \($0.0.start)...\(String(describing: $0.0.end)) / \($0.1.identity) \($0.1.start)..." })")
            group.cancelAll()
        }
    }
}

/// Polls until `condition` holds; throws after `timeout`.
func eventually(_ what: String, timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out waiting for \(what)")
    throw CancellationError()
}
