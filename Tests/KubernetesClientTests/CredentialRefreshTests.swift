import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Synchronization
import Testing

/// A settable clock for the authenticator.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite struct CredentialRefreshTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("creds-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes a fake exec plugin that counts its runs and prints a token valid for `lifetime` seconds from the test clock.
    func makePlugin(expiration: String?, exitCode: Int = 0) throws -> ExecConfig {
        let script = directory.appendingPathComponent("plugin.sh")
        let counter = directory.appendingPathComponent("runs")
        let status = expiration.map { #""token":"tok-%s","expirationTimestamp":"\#($0)""# } ?? #""token":"tok-%s""#
        try """
        #!/bin/sh
        n=$(cat "\(counter.path)" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "\(counter.path)"
        [ "$KUBERNETES_EXEC_INFO" = "" ] && { echo "no exec info" >&2; exit 3; }
        [ "$PLUGIN_MODE" = "fail" ] && { echo "credentials expired, run aws sso login" >&2; exit \(exitCode == 0 ? 1 : exitCode); }
        printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{\(status)}}' "$n"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return ExecConfig(command: script.path)
    }

    func runs() -> Int {
        Int((try? String(contentsOf: directory.appendingPathComponent("runs"), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0
    }

    @Test func anExecCredentialIsCachedUntilItsExpirationThenRefreshed() async throws {
        let clock = TestClock()
        let expiry = Date(timeIntervalSince1970: 1_700_000_000 + 600)
        let authenticator = RequestAuthenticator(.exec(try makePlugin(expiration: ISO8601DateFormatter().string(from: expiry))), now: { clock.now })
        #expect(try await authenticator.authorizationHeader() == "Bearer tok-1")
        #expect(try await authenticator.authorizationHeader() == "Bearer tok-1")
        #expect(runs() == 1)
        clock.advance(601)
        #expect(try await authenticator.authorizationHeader() == "Bearer tok-2")
        #expect(runs() == 2)
    }

    @Test func aForcedRefreshAfterA401RerunsThePlugin() async throws {
        let authenticator = RequestAuthenticator(.exec(try makePlugin(expiration: nil)))
        #expect(try await authenticator.authorizationHeader() == "Bearer tok-1")
        #expect(try await authenticator.authorizationHeader(forceRefresh: true) == "Bearer tok-2")
    }

    @Test func concurrentCallersShareOnePluginRun() async throws {
        let authenticator = RequestAuthenticator(.exec(try makePlugin(expiration: nil)))
        let headers = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<8 { group.addTask { try await authenticator.authorizationHeader() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(headers) == ["Bearer tok-1"])
        #expect(runs() == 1)
    }

    @Test func aFailingPluginIsAnAuthenticationErrorWithItsStderr() async throws {
        var plugin = try makePlugin(expiration: nil)
        plugin.env = [.init(name: "PLUGIN_MODE", value: "fail")]
        let authenticator = RequestAuthenticator(.exec(plugin))
        do {
            _ = try await authenticator.authorizationHeader()
            Issue.record("expected a failure")
        } catch {
            #expect(error.reason == .authenticationFailed)
            #expect(error.message.contains("aws sso login"))
        }
    }

    @Test func aRotatedTokenFileIsReadAgainAfterItsMaximumAge() async throws {
        let clock = TestClock()
        let file = directory.appendingPathComponent("token")
        try "first\n".write(to: file, atomically: true, encoding: .utf8)
        let authenticator = RequestAuthenticator(.tokenFile(path: file.path), tokenFileMaxAge: 60, now: { clock.now })
        #expect(try await authenticator.authorizationHeader() == "Bearer first")
        try "second\n".write(to: file, atomically: true, encoding: .utf8)
        clock.advance(30)
        #expect(try await authenticator.authorizationHeader() == "Bearer first")
        clock.advance(31)
        #expect(try await authenticator.authorizationHeader() == "Bearer second")
    }

    @Test func aRotatedTokenFileIsReadAgainAtOnceAfterA401() async throws {
        let file = directory.appendingPathComponent("token")
        try "first".write(to: file, atomically: true, encoding: .utf8)
        let authenticator = RequestAuthenticator(.tokenFile(path: file.path))
        #expect(try await authenticator.authorizationHeader() == "Bearer first")
        try "second".write(to: file, atomically: true, encoding: .utf8)
        #expect(try await authenticator.authorizationHeader(forceRefresh: true) == "Bearer second")
    }

    @Test func theHTTPTransportRetriesA401OnceWithFreshCredentials() async throws {
        let server = FakeAPIServer()
        let plugin = try makePlugin(expiration: nil)
        try await server.withHTTPServer { url in
            let client = try KubernetesClient(configuration: ClientConfiguration(server: url, authentication: .exec(plugin)))
            await server.failNext(1, withCode: 401)
            let namespace = try await client.get(Namespace.self, name: "default")
            #expect(namespace.metadata.name == "default")
            try await client.shutdown()
        }
        #expect(runs() == 2)
    }
}
