import Foundation
import KubernetesClient
import KubernetesCore
import Synchronization
import Testing
@testable import KubernetesTesting

/// Watch streams: event order, resumption, 410 Gone after compaction, bookmarks and ending.
///
/// Each test opens a watch, makes its changes, then ends the stream with `closeAllWatches()` and
/// compares every event the stream delivered, so that a missing or an extra event fails the test.
@Suite(.timeLimit(.minutes(1))) struct WatchTests {
    let server = FakeAPIServer()

    @Test func aWatchSeesAddedModifiedAndDeletedInOrder() async throws {
        let client = server.client()
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion))

        var object = try await client.create(ConfigMap.named("a"))
        object.data = ["k": "v"]
        _ = try await client.replace(object)
        try await client.delete(ConfigMap.self, name: "a", namespace: "default")

        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED a", "MODIFIED a", "DELETED a"])
    }

    @Test func eventsCarryTheObjectAtThatResourceVersion() async throws {
        let client = server.client()
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion))
        let created = try await client.create(ConfigMap.named("a", data: ["k": "1"]))
        var iterator = watch.makeAsyncIterator()
        let event = try await iterator.next()
        #expect(event == .added(created))
    }

    @Test func aWatchWithoutAResourceVersionStartsWithTheCurrentObjects() async throws {
        let client = server.client()
        _ = try await client.create(ConfigMap.named("existing"))
        let watch = try await client.watch(ConfigMap.self, namespace: "default")
        _ = try await client.create(ConfigMap.named("new"))
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED existing", "ADDED new"])
    }

    @Test func resumingFromAResourceVersionReplaysOnlyLaterEvents() async throws {
        let client = server.client()
        var first = try await client.create(ConfigMap.named("first"))
        first.data = ["k": "v"]
        let resumePoint = try await client.replace(first).metadata.resourceVersion
        _ = try await client.create(ConfigMap.named("second"))
        try await client.delete(ConfigMap.self, name: "first", namespace: "default")

        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: resumePoint))
        _ = try await client.create(ConfigMap.named("third"))

        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED second", "DELETED first", "ADDED third"])
    }

    @Test func aWatchFromBeforeTheCompactionGetsA410ErrorEventAndEnds() async throws {
        let client = server.client()
        let old = try await client.create(ConfigMap.named("a")).metadata.resourceVersion
        _ = try await client.create(ConfigMap.named("b"))
        await server.compact()

        var iterator = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: old)).makeAsyncIterator()
        let status = try await Self.firstError(&iterator)
        #expect(status?.code == 410)
        #expect(status?.reason == "Expired")
        #expect(try await iterator.next() == nil)
    }

    /// The status of the watch's first event, which must be an ERROR (`nil`, with an issue, otherwise).
    static func firstError(_ iterator: inout WatchStream<ConfigMap>.AsyncIterator) async throws -> Status? {
        guard case .error(let status)? = try await iterator.next() else {
            Issue.record("the first event is not an ERROR")
            return nil
        }
        return status
    }

    /// Before: history was compacted by count only (10,000 events), so a watch from a version an hour
    /// old was served as if the server kept everything, and no relist path ever ran.
    @Test func historyOlderThanTheRetentionIsCompactedAwayAsEtcdDoes() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 1_750_000_000))
        let server = FakeAPIServer(now: { clock.withLock { $0 } })
        let client = server.client()
        let old = try await client.create(ConfigMap.named("a")).metadata.resourceVersion
        _ = try await client.patch(ConfigMap.self, name: "a", namespace: "default", patch: ["data": ["k": "v"]])  // an event after `old`
        clock.withLock { $0 = $0.addingTimeInterval(301) }
        _ = try await client.create(ConfigMap.named("b"))
        var iterator = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: old)).makeAsyncIterator()
        #expect(try await Self.firstError(&iterator)?.code == 410)
    }

    @Test func aWatchFromTheCompactionPointItselfStillWorks() async throws {
        let client = server.client()
        _ = try await client.create(ConfigMap.named("a"))
        await server.compact()
        let watch = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion))
        _ = try await client.create(ConfigMap.named("b"))
        await server.closeAllWatches()
        #expect(try await watch.summaries() == ["ADDED b"])
    }

    @Test func bookmarksGoOnlyToWatchesThatAllowThem() async throws {
        let client = server.client()
        let start = await server.currentResourceVersion
        let withBookmarks = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: start, allowWatchBookmarks: true))
        let without = try await client.watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: start))
        _ = try await client.create(ConfigMap.named("a"))

        await server.sendBookmarks()

        let current = await server.currentResourceVersion
        await server.closeAllWatches()
        #expect(try await withBookmarks.summaries() == ["ADDED a", "BOOKMARK \(current)"])
        #expect(try await without.summaries() == ["ADDED a"])
    }

    @Test func closingAllWatchesEndsOpenStreams() async throws {
        let watch = try await server.client().watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion))
        #expect(await server.openWatchCount == 1)

        await server.closeAllWatches()

        var iterator = watch.makeAsyncIterator()
        #expect(try await iterator.next() == nil)
        #expect(await server.openWatchCount == 0)
    }

    /// The one test that waits in real time: it checks the server-side timeout itself.
    @Test func timeoutSecondsEndsTheStream() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let watch = try await server.client().watch(ConfigMap.self, namespace: "default", options: .init(resourceVersion: await server.currentResourceVersion, timeoutSeconds: 1))
        #expect(try await watch.summaries() == [])
        #expect(clock.now - start >= .milliseconds(900))
    }
}
