import KubernetesClient
import KubernetesController
import KubernetesCore
import Testing

@Suite struct WatcherStateMachineTests {
    func configMap(_ name: String, version: String) -> ConfigMap {
        var object = ConfigMap(metadata: ObjectMeta(name: name, namespace: "rag"))
        object.metadata.resourceVersion = version
        return object
    }

    @Test func itListsFirstThenWatchesFromTheListsVersion() {
        var machine = WatcherStateMachine()
        #expect(machine.nextAction() == .list)
        machine.listSucceeded(resourceVersion: "10")
        #expect(machine.nextAction() == .watch(from: "10"))
    }

    @Test func eventsAndBookmarksAdvanceTheResumeVersion() {
        var machine = WatcherStateMachine()
        machine.listSucceeded(resourceVersion: "10")
        guard case .applied = machine.eventReceived(WatchEvent<ConfigMap>.added(configMap("a", version: "11"))) else { Issue.record("not applied"); return }
        guard case .bookmark = machine.eventReceived(WatchEvent<ConfigMap>.bookmark(resourceVersion: "15")) else { Issue.record("not a bookmark"); return }
        machine.watchEnded()
        #expect(machine.nextAction() == .watch(from: "15"), "a normally ended watch resumes from the bookmark without delay")
    }

    @Test func a410ErrorEventMeansRelistWithoutBackoff() {
        var machine = WatcherStateMachine()
        machine.listSucceeded(resourceVersion: "10")
        guard case .relist = machine.eventReceived(WatchEvent<ConfigMap>.error(Status(message: "too old", reason: "Expired", code: 410))) else {
            Issue.record("not a relist")
            return
        }
        #expect(machine.nextAction() == .list)
    }

    @Test func failuresBackOffExponentiallyAndASuccessResetsTheBackoff() {
        var machine = WatcherStateMachine(backoff: ExponentialBackoff(base: .seconds(1), cap: .seconds(8)))
        let failure = KubernetesClientError.api(Status(message: "boom", reason: "InternalError", code: 500))
        var delays: [Action] = []
        for _ in 0..<5 {
            machine.requestFailed(failure)
            delays.append(machine.nextAction())
            _ = machine.nextAction()
        }
        #expect(delays == [.wait(.seconds(1)), .wait(.seconds(2)), .wait(.seconds(4)), .wait(.seconds(8)), .wait(.seconds(8))])
        machine.listSucceeded(resourceVersion: "3")
        machine.requestFailed(failure)
        #expect(machine.nextAction() == .wait(.seconds(1)))
    }

    @Test func aGoneRequestFailureRelistsAfterTheBackoff() {
        var machine = WatcherStateMachine(backoff: ExponentialBackoff(base: .seconds(1), cap: .seconds(8)))
        machine.listSucceeded(resourceVersion: "3")
        machine.requestFailed(KubernetesClientError.api(Status(message: "gone", reason: "Gone", code: 410)))
        #expect(machine.nextAction() == .wait(.seconds(1)))
        #expect(machine.nextAction() == .list)
    }

    typealias Action = WatcherStateMachine.Action
}

@Suite struct LeaderElectionStateMachineTests {
    let start = Date(timeIntervalSince1970: 1_000)

    @Test func anEmptyLeaseIsAcquiredAndThenRenewed() {
        var machine = LeaderElectionStateMachine(identity: "a", leaseDuration: 15)
        #expect(machine.decide(nil, now: start) == .acquire(transition: true))
        let spec = machine.spec(for: .acquire(transition: true), current: nil, now: start)
        #expect(spec.holderIdentity == "a")
        #expect(machine.decide(spec, now: start + 2) == .renew)
    }

    @Test func aLiveLeaseOfAnotherHolderIsFollowedUntilUnchangedForTheLeaseDuration() {
        var machine = LeaderElectionStateMachine(identity: "b", leaseDuration: 15)
        let held = Lease.Spec(holderIdentity: "a", leaseDurationSeconds: 15, renewTime: Timestamp(start, microseconds: true), leaseTransitions: 0)
        #expect(machine.decide(held, now: start) == .follow(holder: "a"))
        #expect(machine.decide(held, now: start + 10) == .follow(holder: "a"))
        #expect(machine.decide(held, now: start + 15.5) == .acquire(transition: true))
    }

    @Test func aRenewedLeaseRestartsTheObservationClock() {
        var machine = LeaderElectionStateMachine(identity: "b", leaseDuration: 15)
        var held = Lease.Spec(holderIdentity: "a", leaseDurationSeconds: 15, renewTime: Timestamp(start, microseconds: true))
        _ = machine.decide(held, now: start)
        held.renewTime = Timestamp(start + 10, microseconds: true)
        #expect(machine.decide(held, now: start + 12) == .follow(holder: "a"))
        #expect(machine.decide(held, now: start + 26) == .follow(holder: "a"))
        #expect(machine.decide(held, now: start + 27.5) == .acquire(transition: true))
    }

    @Test func takingOverCountsATransition() {
        let machine = LeaderElectionStateMachine(identity: "b", leaseDuration: 15)
        let held = Lease.Spec(holderIdentity: "a", leaseDurationSeconds: 15, leaseTransitions: 3)
        let spec = machine.spec(for: .acquire(transition: true), current: held, now: start)
        #expect(spec.leaseTransitions == 4)
        #expect(spec.holderIdentity == "b")
    }
}

import Foundation
