import Foundation

/// Produces the `Authorization` header for each request and refreshes credentials that rotate.
///
/// - Token files are re-read when older than ``tokenFileMaxAge`` (default 60 s, as client-go does)
///   and after a 401, so projected service-account tokens keep working as the kubelet rotates them.
/// - Exec plugins run on first use, again once the credential's `expirationTimestamp` has passed,
///   and after a 401. Concurrent callers during a refresh share one plugin run.
public actor RequestAuthenticator {
    public let authentication: ClientConfiguration.Authentication
    /// How long a token read from a file is trusted before the file is read again.
    public let tokenFileMaxAge: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: (header: String, validUntil: Date?)?
    private var refreshing: Task<(header: String, validUntil: Date?), any Error>?
    /// How many times credentials were obtained (file reads or plugin runs); for tests and metrics.
    public private(set) var refreshCount = 0

    public init(_ authentication: ClientConfiguration.Authentication, tokenFileMaxAge: TimeInterval = 60, now: @escaping @Sendable () -> Date = Date.init) {
        self.authentication = authentication
        self.tokenFileMaxAge = tokenFileMaxAge
        self.now = now
    }

    /// Whether a 401 is worth one retry with fresh credentials.
    public nonisolated var canRefresh: Bool {
        switch authentication {
        case .tokenFile, .exec: true
        case .none, .bearerToken, .basic: false
        }
    }

    /// The header value, or `nil` for anonymous requests. `forceRefresh` drops any cached credential first.
    public func authorizationHeader(forceRefresh: Bool = false) async throws(KubernetesClientError) -> String? {
        switch authentication {
        case .none: return nil
        case .bearerToken(let token): return "Bearer \(token.value)"
        case .basic(let username, let password):
            return "Basic " + Data("\(username):\(password.value)".utf8).base64EncodedString()
        case .tokenFile, .exec:
            if forceRefresh { cached = nil }
            if let cached, cached.validUntil.map({ now() < $0 }) ?? true { return cached.header }
            return try await refresh()
        }
    }

    private func refresh() async throws(KubernetesClientError) -> String {
        let task: Task<(header: String, validUntil: Date?), any Error>
        if let refreshing {
            task = refreshing
        } else {
            let authentication = authentication
            let readAt = now()
            let maxAge = tokenFileMaxAge
            task = Task { try await Self.obtain(authentication, readAt: readAt, maxAge: maxAge) }
            refreshing = task
            refreshCount += 1
        }
        do {
            let result = try await task.value
            cached = result
            refreshing = nil
            return result.header
        } catch {
            refreshing = nil
            if let error = error as? KubernetesClientError { throw error }
            throw KubernetesClientError(.authenticationFailed, message: "could not obtain credentials", underlying: error)
        }
    }

    private static func obtain(_ authentication: ClientConfiguration.Authentication, readAt: Date, maxAge: TimeInterval) async throws -> (header: String, validUntil: Date?) {
        switch authentication {
        case .tokenFile(let path):
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw KubernetesClientError(.authenticationFailed, message: "cannot read token file \(path)", underlying: error)
            }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw KubernetesClientError(.authenticationFailed, message: "token file \(path) is empty") }
            return ("Bearer \(token)", readAt.addingTimeInterval(maxAge))
        case .exec(let config):
            let credential = try await ExecCredentialPlugin.run(config)
            return ("Bearer \(credential.token.value)", credential.expiration)
        case .none, .bearerToken, .basic:
            throw KubernetesClientError(.authenticationFailed, message: "credentials of this kind do not refresh")
        }
    }
}
