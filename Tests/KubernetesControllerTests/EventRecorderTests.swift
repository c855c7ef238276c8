import Foundation
import KubernetesController
import KubernetesCore
import KubernetesTesting
import Logging
import Testing

@Suite struct EventRecorderTests {
    let regarding = ObjectReference(apiVersion: "rag.dev/v1alpha1", kind: "RAGPipeline", namespace: "default", name: "demo", uid: "u-1")

    func recorder(_ server: FakeAPIServer, clock: TestTime, burst: Double = 25) -> EventRecorder {
        EventRecorder(controller: "rag-operator", instance: "pod-a", client: server.client(), logger: Logger(label: "test"), now: { clock.now }, burst: burst)
    }

    @Test func aRepeatedEventBecomesASeriesOnTheFirstEvent() async throws {
        let server = FakeAPIServer()
        let clock = TestTime()
        let events = recorder(server, clock: clock)
        for _ in 0..<3 {
            await events.record("Warning", reason: "InvalidSpec", note: "spec.llm: required", action: "Validate", regarding: regarding)
            clock.advance(10)
        }
        let stored = try await server.client().list(Event.self, namespace: "default").items
        #expect(stored.count == 1)
        #expect(stored.first?.series?.count == 3)
        #expect(stored.first?.reportingController == "rag-operator")
        #expect(stored.first?.regarding?.uid == "u-1")
    }

    @Test func aDifferentNoteOrAnEventAfterTheWindowIsANewEvent() async throws {
        let server = FakeAPIServer()
        let clock = TestTime()
        let events = recorder(server, clock: clock)
        await events.record("Normal", reason: "Created", note: "Created Deployment a", action: "Apply", regarding: regarding)
        await events.record("Normal", reason: "Created", note: "Created Deployment b", action: "Apply", regarding: regarding)
        clock.advance(601)
        await events.record("Normal", reason: "Created", note: "Created Deployment a", action: "Apply", regarding: regarding)
        #expect(try await server.client().list(Event.self, namespace: "default").items.count == 3)
    }

    @Test func newEventsBeyondTheBurstAreDroppedAndCounted() async throws {
        let server = FakeAPIServer()
        let clock = TestTime()
        let events = recorder(server, clock: clock, burst: 2)
        for index in 0..<5 {
            await events.record("Normal", reason: "Updated", note: "change \(index)", action: "Apply", regarding: regarding)
        }
        #expect(try await server.client().list(Event.self, namespace: "default").items.count == 2)
        #expect(events.droppedCount == 3)
    }

    @Test func aFailingEventWriteNeverThrows() async throws {
        let server = FakeAPIServer()
        await server.failNext(1, withCode: 500)
        await recorder(server, clock: TestTime()).record("Normal", reason: "Created", note: "x", action: "Apply", regarding: regarding)
    }

    /// Before: one budget per object, so a new pipeline's 21 `Created` events left a later Warning
    /// (the finalizer given up, say) to be dropped.
    @Test func aBurstOfNormalEventsNeverStarvesAWarningAboutTheSameObject() async throws {
        let server = FakeAPIServer()
        let events = recorder(server, clock: TestTime())
        for index in 0..<30 { await events.record("Normal", reason: "Created", note: "Created Deployment \(index)", action: "Apply", regarding: regarding) }
        await events.record("Warning", reason: "CleanupAbandoned", note: "gave up", action: "Finalize", regarding: regarding)
        let stored = try await server.client().list(Event.self, namespace: "default").items
        #expect(stored.contains { $0.reason == "CleanupAbandoned" && $0.type == "Warning" })
    }

    @Test func memoryIsBoundedOverManyObjectsAndTime() async throws {
        let server = FakeAPIServer()
        let clock = TestTime()
        let events = EventRecorder(controller: "rag-operator", instance: "pod-a", client: server.client(), logger: Logger(label: "test"), now: { clock.now }, maximumTracked: 100)
        for index in 0..<500 {
            let object = ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "cm-\(index)", uid: "u-\(index)")
            await events.record("Normal", reason: "Created", note: "n", action: "Apply", regarding: object)
        }
        #expect(events.trackedCount.series <= 101 && events.trackedCount.buckets <= 101, "\(events.trackedCount)")
        // Past the aggregation window and the refill time, everything tracked can go.
        clock.advance(10_000)
        await events.record("Normal", reason: "Created", note: "n", action: "Apply", regarding: regarding)
        #expect(events.trackedCount.series == 1 && events.trackedCount.buckets == 1, "\(events.trackedCount)")
    }
}

/// A settable wall clock.
final class TestTime: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

import Synchronization
