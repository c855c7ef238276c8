import Foundation
import Testing

@testable import AWS

@Suite struct CachingCredentialProviderStateMachineTests {
    typealias Machine = CachingCredentialProvider.StateMachine<Int>
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    func credentials(expiringIn seconds: TimeInterval) -> AWSCredentials {
        AWSCredentials(accessKeyID: "A\(Int(seconds))", secretAccessKey: "s", expiration: now.addingTimeInterval(seconds))
    }

    @Test func callersDuringAFetchWaitAndGetItsResult() throws {
        var machine = Machine(refreshWindow: 300)
        #expect(machine.credentialsRequested(at: now) == .fetch)
        #expect(machine.credentialsRequested(at: now) == .wait(id: 0))
        #expect(machine.credentialsRequested(at: now) == .wait(id: 1))
        #expect(machine.waiterInstalled(id: 0, 100) == nil)
        let fresh = credentials(expiringIn: 3600)
        let (delivered, waiters) = machine.fetchCompleted(.success(fresh), at: now)
        #expect(try delivered.get() == fresh)
        #expect(waiters == [100])
        #expect(try machine.waiterInstalled(id: 1, 101)?.get() == fresh)
        #expect(machine.credentialsRequested(at: now) == .use(fresh))
    }

    @Test func stillValidCredentialsAreServedWhileAnotherCallerRefreshes() {
        var machine = Machine(refreshWindow: 300)
        _ = machine.credentialsRequested(at: now)
        let old = credentials(expiringIn: 200)
        _ = machine.fetchCompleted(.success(old), at: now)
        #expect(machine.credentialsRequested(at: now) == .fetch)
        #expect(machine.credentialsRequested(at: now) == .use(old))
    }

    @Test func credentialsWithoutExpirationAreNeverRefreshed() {
        var machine = Machine(refreshWindow: 300)
        _ = machine.credentialsRequested(at: now)
        _ = machine.fetchCompleted(.success(.test), at: now)
        #expect(machine.credentialsRequested(at: .distantFuture) == .use(.test))
    }
}
