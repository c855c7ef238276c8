import KubernetesController
import KubernetesCore
import Testing

@Suite struct WorkQueueStateMachineTests {
    typealias Machine = WorkQueue<String>.StateMachine

    @Test func addingAQueuedKeyAgainDoesNotQueueItTwice() {
        var machine = Machine()
        #expect(machine.add("a", now: 0) == .queued)
        #expect(machine.add("a", now: 0) == .alreadyQueued)
        #expect(machine.depth == 1)
    }

    @Test func aKeyBeingProcessedIsNotHandedOutAgainUntilDone() {
        var machine = Machine()
        _ = machine.add("a", now: 0)
        #expect(machine.next(now: 0)?.key == "a")
        #expect(machine.add("a", now: 1) == .deferredUntilDone)
        #expect(machine.next(now: 1) == nil, "a second worker must not get the key while the first processes it")
        let requeued = machine.done("a", now: 2)
        #expect(requeued)
        #expect(machine.next(now: 2)?.key == "a")
    }

    @Test func doneWithoutAnInterveningAddDoesNotRequeue() {
        var machine = Machine()
        _ = machine.add("a", now: 0)
        _ = machine.next(now: 0)
        let requeued = machine.done("a", now: 1)
        #expect(!requeued)
        #expect(machine.depth == 0)
    }

    @Test func requeuingAKeyThatIsAlreadyScheduledKeepsTheEarlierDeadline() {
        var machine = Machine()
        #expect(machine.add("a", now: 0, after: 30) == .scheduled(deadline: 30))
        #expect(machine.add("a", now: 0, after: 5) == .scheduled(deadline: 5))
        #expect(machine.add("a", now: 1, after: 60) == .keptEarlierDeadline)
        machine.promote(now: 4.9)
        #expect(machine.depth == 0)
        machine.promote(now: 5)
        #expect(machine.next(now: 5)?.key == "a")
    }

    @Test func anImmediateAddCancelsAPendingDelay() {
        var machine = Machine()
        _ = machine.add("a", now: 0, after: 10)
        #expect(machine.add("a", now: 1) == .queued)
        #expect(machine.nextDeadline == nil)
    }

    @Test func perKeyBackoffDoublesFromFiveMillisecondsAndResetsOnForget() {
        var machine = Machine(bucket: TokenBucket(ratePerSecond: 1_000_000, burst: 1_000_000))
        var deadlines: [Double] = []
        for _ in 0..<4 {
            if case .scheduled(let deadline) = machine.addRateLimited("a", now: 0) { deadlines.append(deadline) }
            machine.promote(now: 1_000)
            _ = machine.next(now: 1_000)
            _ = machine.done("a", now: 1_000)
        }
        #expect(deadlines.map { ($0 * 1000).rounded() } == [5, 10, 20, 40])
        #expect(machine.failureCount("a") == 4)
        machine.forget("a")
        guard case .scheduled(let deadline) = machine.addRateLimited("a", now: 0) else { Issue.record("not scheduled"); return }
        #expect((deadline * 1000).rounded() == 5)
    }

    @Test func backoffIsCappedAtOneThousandSeconds() {
        #expect(ExponentialBackoff.workQueue.delay(afterFailures: 40) == .seconds(1000))
        #expect(ExponentialBackoff.workQueue.delay(afterFailures: 1) == .milliseconds(5))
    }

    @Test func theOverallBucketLimitsBurstsAcrossKeys() {
        var bucket = TokenBucket(ratePerSecond: 10, burst: 2)
        #expect(bucket.reserve(now: 0) == 0)
        #expect(bucket.reserve(now: 0) == 0)
        #expect(abs(bucket.reserve(now: 0) - 0.1) < 1e-9)
    }

    @Test func shuttingDownDropsQueuedKeysAndRefusesNewOnes() {
        var machine = Machine()
        _ = machine.add("a", now: 0)
        machine.shutDown()
        #expect(machine.next(now: 0) == nil)
        #expect(machine.add("b", now: 0) == .ignoredShuttingDown)
    }
}

@Suite struct WorkQueueTests {
    @Test func concurrentWorkersNeverProcessTheSameKeyAtOnce() async {
        let queue = WorkQueue<Int>(name: "test", tick: .milliseconds(1))
        let tracker = InFlightTracker()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queue.run() }
            for worker in 0..<4 {
                group.addTask {
                    while let key = await queue.next() {
                        await tracker.begin(key, worker: worker)
                        await Task.yield()
                        await tracker.end(key)
                        await queue.done(key)
                    }
                }
            }
            for round in 0..<50 {
                for key in 0..<5 { await queue.add(key) }
                if round % 10 == 0 { await Task.yield() }
            }
            while await queue.depth > 0 { await Task.yield() }
            try? await Task.sleep(for: .milliseconds(50))
            await queue.shutDown()
            await group.waitForAll()
        }
        #expect(await tracker.overlaps == 0)
        #expect(await tracker.processed > 0)
    }
}

actor InFlightTracker {
    var inFlight: Set<Int> = []
    var overlaps = 0
    var processed = 0

    func begin(_ key: Int, worker: Int) {
        if inFlight.contains(key) { overlaps += 1 }
        inFlight.insert(key)
        processed += 1
    }

    func end(_ key: Int) { inFlight.remove(key) }
}
