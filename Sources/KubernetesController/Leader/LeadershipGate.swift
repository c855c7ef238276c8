import Synchronization

/// Whether this instance leads; controllers wait on it before taking work.
public final class LeadershipGate: Sendable {
    struct State {
        var leading = false
        var ended = false
        var waiters: [CheckedContinuation<Bool, Never>] = []
    }

    private let state = Mutex(State())

    public init() {}

    public var isLeading: Bool { state.withLock { $0.leading } }

    /// Returns `true` once this instance leads, or `false` if leader election ended first.
    public func waitUntilLeading() async -> Bool {
        await withCheckedContinuation { continuation in
            let answer: Bool? = state.withLock { state in
                if state.leading { return true }
                if state.ended { return false }
                state.waiters.append(continuation)
                return nil
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    func set(leading: Bool) {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.leading = leading
            guard leading else { return [] }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    func end() {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.leading = false
            state.ended = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: false) }
    }
}
