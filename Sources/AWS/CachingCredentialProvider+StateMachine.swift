import Foundation

extension CachingCredentialProvider {
    /// The cache's states and decisions, without I/O: the provider performs the fetches and resumes
    /// the waiters it is told to. Generic over the waiter so tests can use plain values.
    struct StateMachine<Waiter> {
        enum RequestAction: Equatable {
            /// Return these credentials now.
            case use(AWSCredentials)
            /// Fetch, then report with ``fetchCompleted(_:at:)``.
            case fetch
            /// Wait for the fetch in progress: install a waiter with this ID.
            case wait(id: Int)
        }

        let refreshWindow: TimeInterval
        private(set) var cached: AWSCredentials?
        private(set) var isRefreshing = false
        /// Waiters of the fetch in progress, by ID; `nil` until the caller has installed its continuation.
        private var waiters: [Int: Waiter?] = [:]
        /// Results for waiters whose fetch finished before they installed their continuation.
        private var earlyResults: [Int: Result<AWSCredentials, AWSError>] = [:]
        private var nextWaiterID = 0

        init(refreshWindow: TimeInterval) {
            self.refreshWindow = refreshWindow
        }

        /// Whether `credentials` are due for refresh at `now`.
        func needsRefresh(_ credentials: AWSCredentials, at now: Date) -> Bool {
            guard let expiration = credentials.expiration else { return false }
            return expiration.timeIntervalSince(now) <= refreshWindow
        }

        mutating func credentialsRequested(at now: Date) -> RequestAction {
            if let cached, !needsRefresh(cached, at: now) { return .use(cached) }
            if isRefreshing {
                if let cached, !cached.isExpired(at: now) { return .use(cached) }
                let id = nextWaiterID
                nextWaiterID += 1
                waiters[id] = .some(nil)
                return .wait(id: id)
            }
            isRefreshing = true
            return .fetch
        }

        /// Records the fetch's result and returns what every waiter (and the fetcher) gets: the new
        /// credentials, or on failure the cached ones while still valid, else the error.
        mutating func fetchCompleted(
            _ result: Result<AWSCredentials, AWSError>, at now: Date
        ) -> (delivered: Result<AWSCredentials, AWSError>, waiters: [Waiter]) {
            isRefreshing = false
            var delivered = result
            switch result {
            case .success(let credentials):
                cached = credentials
            case .failure:
                if let cached, !cached.isExpired(at: now) { delivered = .success(cached) }
            }
            var ready: [Waiter] = []
            for (id, waiter) in waiters {
                if let waiter { ready.append(waiter) } else { earlyResults[id] = delivered }
            }
            waiters = [:]
            return (delivered, ready)
        }

        /// Installs the continuation of waiter `id`, or returns its result if the fetch already finished.
        mutating func waiterInstalled(id: Int, _ waiter: Waiter) -> Result<AWSCredentials, AWSError>? {
            if let result = earlyResults.removeValue(forKey: id) { return result }
            waiters[id] = .some(waiter)
            return nil
        }
    }
}
