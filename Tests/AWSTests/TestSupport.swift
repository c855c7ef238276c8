import AWS
import Foundation
import Synchronization

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let date: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        date = Mutex(start)
    }

    var now: Date { date.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        date.withLock { $0 += seconds }
    }

    /// The clock as the closure the `AWS` types take.
    var closure: @Sendable () -> Date { { self.now } }
}

/// A transport that answers from a script and records what it was sent.
final class ScriptedTransport: AWSHTTPTransport {
    private let script: Mutex<[Result<AWSHTTPResponse, any Error>]>
    private let sent = Mutex<[AWSRequest]>([])

    init(_ script: [Result<AWSHTTPResponse, any Error>]) {
        self.script = Mutex(script)
    }

    var requests: [AWSRequest] { sent.withLock { $0 } }

    func send(_ request: AWSRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        sent.withLock { $0.append(request) }
        let next = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else { throw URLError(.cannotConnectToHost) }
        return try next.get()
    }

    /// A JSON-protocol error response.
    static func awsError(_ status: Int, _ code: String, requestID: String = "req-1") -> Result<AWSHTTPResponse, any Error> {
        .success(AWSHTTPResponse(
            status: status, headers: [("x-amzn-RequestId", requestID)],
            body: Data(#"{"__type":"\#(code)","message":"\#(code) happened"}"#.utf8)))
    }

    static func ok(_ json: String = "{}") -> Result<AWSHTTPResponse, any Error> {
        .success(AWSHTTPResponse(status: 200, body: Data(json.utf8)))
    }
}

/// Records the delays a retry strategy asks for, without waiting.
final class SleepRecorder: Sendable {
    private let delays = Mutex<[Duration]>([])

    var recorded: [Duration] { delays.withLock { $0 } }

    var closure: @Sendable (Duration) async throws -> Void {
        { delay in self.delays.withLock { $0.append(delay) } }
    }
}

extension AWSCredentials {
    static let test = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret")
}
