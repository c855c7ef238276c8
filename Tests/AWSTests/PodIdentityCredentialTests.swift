import AWSTesting
import Foundation
import Testing

@testable import AWS

/// Credential providers against a loopback HTTP server acting as the EKS Pod Identity agent.
@Suite struct PodIdentityCredentialTests {
    let clock = ManualClock()

    func provider(endpoint: URL, tokenFile: URL) throws -> ContainerCredentialProvider {
        try #require(try ContainerCredentialProvider.fromEnvironment([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": endpoint.appendingPathComponent("v1/credentials").absoluteString,
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile.path,
        ], transport: AsyncHTTPClientTransport()))
    }

    func tokenFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("eks-pod-identity-token-\(UUID())")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theTokenFileIsReadOnEveryFetch() async throws {
        let agent = PodIdentityAgent(clock: clock)
        let file = try tokenFile("token-one\n")
        defer { try? FileManager.default.removeItem(at: file) }
        try await AWSLoopbackServer.withRunning(handler: agent.handle) { endpoint in
            let provider = try provider(endpoint: endpoint, tokenFile: file)
            let first = try await provider.credentials()
            try "token-two".write(to: file, atomically: true, encoding: .utf8)
            let second = try await provider.credentials()
            #expect(first.accessKeyID == "ASIAFETCH1")
            #expect(first.sessionToken == "token-1")
            #expect(first.expiration == clock.now.addingTimeInterval(3600))
            #expect(second.accessKeyID == "ASIAFETCH2")
        }
        #expect(agent.authorizations == ["token-one", "token-two"])
    }

    @Test func cachedCredentialsAreRefreshedOnlyWithinFiveMinutesOfExpiry() async throws {
        let agent = PodIdentityAgent(clock: clock)
        let file = try tokenFile("token")
        defer { try? FileManager.default.removeItem(at: file) }
        try await AWSLoopbackServer.withRunning(handler: agent.handle) { endpoint in
            let cache = CachingCredentialProvider(wrapping: try provider(endpoint: endpoint, tokenFile: file), now: clock.closure)
            #expect(try await cache.credentials().accessKeyID == "ASIAFETCH1")
            clock.advance(by: 54 * 60)  // 6 minutes left
            #expect(try await cache.credentials().accessKeyID == "ASIAFETCH1")
            #expect(agent.fetches == 1)
            clock.advance(by: 2 * 60)  // 4 minutes left
            #expect(try await cache.credentials().accessKeyID == "ASIAFETCH2")
            #expect(try await cache.credentials().accessKeyID == "ASIAFETCH2")
        }
        #expect(agent.fetches == 2)
    }

    @Test func eightConcurrentCallersCauseExactlyOneFetch() async throws {
        let agent = PodIdentityAgent(clock: clock, responseDelay: .milliseconds(200))
        let file = try tokenFile("token")
        defer { try? FileManager.default.removeItem(at: file) }
        let keys = try await AWSLoopbackServer.withRunning(handler: agent.handle) { endpoint in
            let cache = CachingCredentialProvider(wrapping: try provider(endpoint: endpoint, tokenFile: file), now: clock.closure)
            return try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 { group.addTask { try await cache.credentials().accessKeyID } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(keys == Array(repeating: "ASIAFETCH1", count: 8))
        #expect(agent.fetches == 1)
    }

    @Test func aFailedRefreshStillServesValidCachedCredentials() async throws {
        let agent = PodIdentityAgent(clock: clock)
        let file = try tokenFile("token")
        defer { try? FileManager.default.removeItem(at: file) }
        try await AWSLoopbackServer.withRunning(handler: agent.handle) { endpoint in
            let cache = CachingCredentialProvider(wrapping: try provider(endpoint: endpoint, tokenFile: file), now: clock.closure)
            #expect(try await cache.credentials().accessKeyID == "ASIAFETCH1")
            agent.setFailing(true)
            clock.advance(by: 58 * 60)  // inside the refresh window, not yet expired
            #expect(try await cache.credentials().accessKeyID == "ASIAFETCH1")
            #expect(agent.fetches == 2)
            clock.advance(by: 3 * 60)  // expired: nothing valid to fall back to
            let error = await #expect(throws: AWSError.self) { try await cache.credentials() }
            #expect(error?.code == .credentialsUnavailable)
            #expect(error?.statusCode == 500)
            agent.setFailing(false)
            #expect(try await cache.credentials().accessKeyID == "ASIAFETCH4")
        }
    }
}
