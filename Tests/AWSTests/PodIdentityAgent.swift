import AWS
import Foundation
import Synchronization

/// A fake EKS Pod Identity agent: answers credentials that expire an hour after its clock's now,
/// records the `Authorization` header of every fetch, and can be told to fail.
final class PodIdentityAgent: Sendable {
    struct State {
        var authorizations: [String?] = []
        var failing = false
    }

    let clock: ManualClock
    let responseDelay: Duration
    private let state = Mutex(State())

    init(clock: ManualClock, responseDelay: Duration = .zero) {
        self.clock = clock
        self.responseDelay = responseDelay
    }

    var fetches: Int { state.withLock { $0.authorizations.count } }
    var authorizations: [String?] { state.withLock { $0.authorizations } }

    func setFailing(_ failing: Bool) {
        state.withLock { $0.failing = failing }
    }

    @Sendable func handle(_ request: AWSRequest) async -> AWSHTTPResponse {
        let (count, failing) = state.withLock { state in
            state.authorizations.append(request.headerValue(named: "Authorization"))
            return (state.authorizations.count, state.failing)
        }
        if responseDelay > .zero { try? await Task.sleep(for: responseDelay) }
        if failing {
            return AWSHTTPResponse(status: 500, body: Data(#"{"code":"InternalError","message":"agent down"}"#.utf8))
        }
        let formatter = ISO8601DateFormatter()
        let expiration = formatter.string(from: clock.now.addingTimeInterval(3600))
        let body = """
            {"AccessKeyId":"ASIAFETCH\(count)","SecretAccessKey":"secret-\(count)","Token":"token-\(count)",\
            "AccountId":"111122223333","Expiration":"\(expiration)"}
            """
        return AWSHTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
    }
}
