import Foundation
import KubernetesCore

/// Failures and delays the fake server injects on purpose, for resilience tests.
struct FaultInjector: Sendable {
    struct Rule: Sendable {
        var code: Int
        var remaining: Int
        var method: KubernetesRequest.Method?
        var pathContains: String?
    }

    var rules: [Rule] = []
    var latency: Duration?
    /// Probability in 0...1 that a request (watches included) fails with one of `randomCodes`.
    var failureRate: Double = 0
    var randomCodes: [Int] = [500]
    var generator = SeededGenerator(seed: 1)

    /// The Status to answer instead of handling the request, if a fault applies.
    mutating func failure(for request: KubernetesRequest) -> Status? {
        if let index = rules.firstIndex(where: { rule in
            rule.remaining > 0 && (rule.method == nil || rule.method == request.method) && (rule.pathContains.map(request.path.contains) ?? true)
        }) {
            rules[index].remaining -= 1
            let code = rules[index].code
            rules.removeAll { $0.remaining == 0 }
            return FaultInjector.status(code)
        }
        if failureRate > 0, Double.random(in: 0..<1, using: &generator) < failureRate {
            return FaultInjector.status(randomCodes.randomElement(using: &generator) ?? 500)
        }
        return nil
    }

    static func status(_ code: Int) -> Status {
        let reason = switch code {
        case 409: "Conflict"
        case 410: "Expired"
        case 429: "TooManyRequests"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        case 504: "Timeout"
        default: "InjectedFault"
        }
        var status = Status(message: "injected fault (\(code))", reason: reason, code: code)
        if code == 429 { status.details = .init(retryAfterSeconds: 1) }
        return status
    }
}

/// A small deterministic random generator (SplitMix64), so fault-injection runs repeat.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension FakeAPIServer {
    /// Fails the next `count` matching requests with `code`.
    public func failNext(_ count: Int, withCode code: Int, method: KubernetesRequest.Method? = nil, pathContains: String? = nil) {
        faults.rules.append(.init(code: code, remaining: count, method: method, pathContains: pathContains))
    }

    /// Fails a random share of requests (deterministically seeded) with one of the codes.
    public func setFailureRate(_ rate: Double, codes: [Int] = [500], seed: UInt64 = 1) {
        faults.failureRate = rate
        faults.randomCodes = codes
        faults.generator = SeededGenerator(seed: seed)
    }

    /// Delays every request.
    public func setLatency(_ latency: Duration?) { faults.latency = latency }

    /// Ends every open watch stream, as a dropped connection or an API server restart would.
    public func closeAllWatches() {
        for watch in watches.values { watch.continuation.finish() }
        watches.removeAll()
    }
}
