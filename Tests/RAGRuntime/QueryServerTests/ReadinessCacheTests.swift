import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import QueryServer
@testable import Retrieval

/// An embedder that counts its calls and can be made to hang, as a throttled or unreachable Bedrock would.
final class CountingEmbedder: Embedder {
    let inner: HashingEmbedder
    let calls = Mutex(0)
    let hangs = Mutex(false)

    init() throws { inner = try HashingEmbedder(dimensions: 128) }

    var dimensions: Int { inner.dimensions }
    var identity: EmbedderIdentity { inner.identity }
    var callCount: Int { calls.withLock { $0 } }

    func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        calls.withLock { $0 += 1 }
        if hangs.withLock({ $0 }) { try await Task.sleep(for: .seconds(60)) }
        return try await inner.embed(texts, purpose: purpose)
    }
}

/// A wall clock the test moves.
final class SettableClock: Sendable {
    let current = Mutex(Date(timeIntervalSince1970: 1_750_000_000))
    var clock: WallClock { WallClock { self.current.withLock { $0 } } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite struct ReadinessCacheTests {
    /// Before: every probe embedded a text, one paid embedding call per replica every probe period.
    @Test func probesShareOneEmbedderCheckUntilItIsStale() async throws {
        let embedder = try CountingEmbedder()
        let time = SettableClock()
        let router = buildQueryRouter(
            configuration: QueryAPIConfiguration(), embedder: embedder, store: try EmbeddedVectorStore(configuration: .init(dimensions: 128)),
            generator: ExtractiveAnswerGenerator(), clock: time.clock)
        try await Application(router: router).test(.router) { client in
            for _ in 0..<10 {
                let response = try await client.execute(uri: "/readyz", method: .get)
                #expect(response.status == .ok)
                time.advance(5)
            }
            #expect(embedder.callCount == 1, "ten probes within a minute cost \(embedder.callCount) embedding calls")
            time.advance(60)
            _ = try await client.execute(uri: "/readyz", method: .get)
            #expect(embedder.callCount == 2)
        }
    }

    @Test func aHungEmbedderMakesTheProbeFailInTimeAndLivenessStaysUp() async throws {
        let embedder = try CountingEmbedder()
        embedder.hangs.withLock { $0 = true }
        let router = buildQueryRouter(
            configuration: QueryAPIConfiguration(), embedder: embedder, store: try EmbeddedVectorStore(configuration: .init(dimensions: 128)),
            generator: ExtractiveAnswerGenerator(), clock: .system)
        try await Application(router: router).test(.router) { client in
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(String(buffer: ready.body).contains("no answer within"))
            let live = try await client.execute(uri: "/healthz", method: .get)
            #expect(live.status == .ok)
        }
    }
}
