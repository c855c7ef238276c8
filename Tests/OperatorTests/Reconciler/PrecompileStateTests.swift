import KubernetesCore
@testable import Operator
import Testing

/// The pre-compilation Job read from the cache, and claims that keep their live spec. Pure.
@Suite struct PrecompileStateTests {
    let job = "rag-compile-1a2b3c4d"

    func live(_ status: JSONValue) -> JSONValue {
        ["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": .string(job)], "status": status]
    }

    @Test func aJobThatIsMissingOrRunningHoldsTheDeployment() {
        #expect(PrecompileState(requested: true, job: job, live: nil) == .compiling(job: job))
        #expect(PrecompileState(requested: true, job: job, live: live(["active": 1])) == .compiling(job: job))
        #expect(PrecompileState(requested: true, job: job, live: nil).holdsDeployment)
        #expect(PrecompileState(requested: true, job: job, live: nil).condition(key: "k")?.reason == "Compiling")
    }

    @Test func aSucceededJobReleasesTheDeploymentAndShortensTheProbe() {
        let state = PrecompileState(requested: true, job: job, live: live(["succeeded": 1, "conditions": [["type": "Complete", "status": "True"]]]))
        #expect(state == .succeeded(job: job))
        #expect(!state.holdsDeployment && state.artifactsReady)
        #expect(state.condition(key: "k")?.ready == true)
    }

    @Test func aFailedJobSaysWhyAndKeepsHolding() {
        let state = PrecompileState(requested: true, job: job, live: live(["failed": 3, "conditions": [["type": "Failed", "status": "True", "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit"]]]))
        #expect(state == .failed(job: job, message: "Job has reached the specified backoff limit"))
        #expect(state.holdsDeployment)
        #expect(state.condition(key: "k")?.reason == "CompileFailed")
    }

    @Test func withoutPrecompileThereIsNoConditionAndNothingHeld() {
        let state = PrecompileState(requested: false, job: job, live: nil)
        #expect(state == .notRequested && !state.holdsDeployment && !state.artifactsReady)
        #expect(state.condition(key: "k") == nil)
    }

    @Test func anExistingClaimKeepsItsSpecAndTheDifferencesAreReported() {
        let desired: JSONValue = ["spec": ["accessModes": ["ReadWriteMany"], "resources": ["requests": ["storage": "200Gi"]], "storageClassName": "efs-sc"]]
        let live: JSONValue = ["spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "100Gi"]], "storageClassName": "efs-sc", "volumeName": "pv-1"]]
        let retained = ClaimSpecRetention.retained(desired, live: live)
        #expect(retained.body == ["spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "100Gi"]], "storageClassName": "efs-sc"]])
        #expect(retained.differences.count == 2)
        #expect(retained.differences.first?.hasPrefix("accessMode ReadWriteMany (the claim has ReadWriteOnce)") == true)
        #expect(ClaimSpecRetention.retained(desired, live: nil).body == desired, "a new claim is made as the spec says")
    }

    @Test func aStorageClassTheSpecLeavesOutIsNotTouched() {
        let desired: JSONValue = ["spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "100Gi"]]]]
        let live: JSONValue = ["spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "100Gi"]], "storageClassName": "gp3"]]
        let retained = ClaimSpecRetention.retained(desired, live: live)
        #expect(retained.body == desired && retained.differences.isEmpty, "the default class the API server filled in is not ours")
    }
}
