import Foundation
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Retrieval
@testable import TelemetryModel

/// The embedded store's write-ahead log: what was acknowledged survives the process, a torn last
/// entry is cut off, checkpoints truncate the log, and concurrent writers share `fsync`s.
@Suite struct DurableStoreTests {
    static func documents(_ range: Range<Int>, dimensions: Int = 16) -> [IndexedDocument] {
        range.map { index in
            let record = RetrievalFixtures.record(
                "evt-\(index)", at: RetrievalFixtures.noon.addingTimeInterval(Double(index)), level: .info, vehicle: "VH-\(index % 7)",
                code: nil, message: "reading \(index)", readings: .init(speed: Double(index)))
            var vector = [Float](repeating: 0.01, count: dimensions)
            vector[index % dimensions] = 1
            return IndexedDocument(record: record, vector: vector)
        }
    }

    static func open(_ directory: URL) throws -> (store: EmbeddedVectorStore, replay: DurableReplay) {
        try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: 16))
    }

    @Test func theChecksumIsCRC32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func whatWasAcknowledgedIsThereAfterTheProcessIsGoneWithoutASave() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        do {
            let store = try Self.open(directory).store
            try await store.upsert(Self.documents(0..<50))
            try await store.upsert(Self.documents(50..<80))
            #expect(try await store.delete(ids: ["evt-3", "evt-4"]) == 2)
        }   // no save: as after SIGKILL, only the log holds the writes
        let (reopened, replay) = try Self.open(directory)
        #expect(replay == DurableReplay(entries: 3, tornBytes: 0))
        #expect(try await reopened.count() == 78)
        #expect(!reopened.storedEventIDs.contains("evt-3"))
        let hits = try await reopened.search(vector: Self.documents(5..<6)[0].vector, k: 1, filter: SearchFilter())
        #expect(hits.first?.record.eventID == "evt-5")
    }

    @Test func aTornLastEntryIsCutOffAndWritingGoesOn() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        do {
            let store = try Self.open(directory).store
            try await store.upsert(Self.documents(0..<10))
        }
        // A frame whose write was cut short: a length promising more bytes than follow.
        let segment = try #require(try WriteAheadLog.segments(in: directory).last)
        let handle = try FileHandle(forWritingTo: directory.appendingPathComponent(WriteAheadLog.name(of: segment)))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0x00, 0x10, 0x00, 0x00, 0xAB, 0xCD, 0xEF, 0x01, 0x01, 0x02]))
        try handle.close()
        let (store, replay) = try Self.open(directory)
        #expect(replay.entries == 1 && replay.tornBytes == 10)
        #expect(try await store.count() == 10)
        try await store.upsert(Self.documents(10..<12))
        let (again, secondReplay) = try Self.open(directory)
        #expect(secondReplay.tornBytes == 0, "the tail was cut, so nothing follows garbage")
        #expect(try await again.count() == 12)
    }

    @Test func aCheckpointTruncatesTheLogAndTheSnapshotPlusTheRestIsTheStore() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        do {
            let store = try Self.open(directory).store
            try await store.upsert(Self.documents(0..<40))
            try store.save(to: directory)
            #expect(try WriteAheadLog.segments(in: directory).count == 1, "the segments the snapshot holds are gone")
            try await store.upsert(Self.documents(40..<45))
        }
        let (store, replay) = try Self.open(directory)
        #expect(replay.entries == 1, "only what followed the checkpoint is replayed")
        #expect(try await store.count() == 45)
    }

    @Test func concurrentWritersShareFlushes() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let store = try Self.open(directory).store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in 0..<64 { group.addTask { try await store.upsert(Self.documents((batch * 5)..<(batch * 5 + 5))) } }
            try await group.waitForAll()
        }
        #expect(try await store.count() == 320)
        let flushes = try #require(store.log?.flushes)
        #expect(flushes <= 64)
        print("64 concurrent upserts: \(flushes) flushes")
        #expect(try await Self.open(directory).store.count() == 320)
    }

    /// A search must never see a write that a crash could still take back: a change becomes
    /// visible once its log entry is `fsync`ed, not when it is queued. (A backend killed while a
    /// batch waited for its `fsync` had shown that batch in `/api/stats`, then lost it: the
    /// consumer had no acknowledgement and sent it again, but a reader had seen a phantom.)
    @Test func aChangeIsVisibleOnlyOnceItsLogEntryIsDurable() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let store = try Self.open(directory).store
        let log = try #require(store.log)
        let visibleWhileSyncing = Mutex<[Int]>([])
        log.observeSyncs { [weak store] in
            guard let store else { return }
            visibleWhileSyncing.withLock { $0.append(store.state.withLock { $0.index.liveCount }) }
        }
        try await store.upsert(Self.documents(0..<5))
        #expect(try await store.count() == 5, "visible once upsert returned")
        #expect(try await store.delete(ids: ["evt-1", "evt-2", "evt-99"]) == 2)
        #expect(try await store.count() == 3)
        #expect(visibleWhileSyncing.withLock { $0 } == [0, 5], "nothing became visible or vanished before its fsync")
    }

    /// A checkpoint taken while a change is queued but not yet `fsync`ed deletes the segment that
    /// change is written to: the snapshot itself must hold it.
    @Test func aCheckpointDuringAFlushKeepsTheChangesBeingFlushed() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        do {
            let store = try Self.open(directory).store
            try await store.upsert(Self.documents(0..<3))
            let log = try #require(store.log)
            let checkpoints = Mutex(0)
            log.observeSyncs { [weak store] in
                guard let store, checkpoints.withLock({ count in defer { count += 1 }; return count == 0 }) else { return }
                do { try store.save(to: directory) } catch { Issue.record("checkpoint failed: \(error)") }
            }
            try await store.upsert(Self.documents(3..<8))
            #expect(checkpoints.withLock { $0 } >= 1)
            #expect(try await store.count() == 8)
        }
        let (reopened, _) = try Self.open(directory)
        #expect(try await reopened.count() == 8, "the snapshot holds the batch whose segment it deleted")
    }

    @Test func aStoreSavedBeforeTheLogExistedOpensAndLogsFromThere() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let plain = try EmbeddedVectorStore(configuration: .init(dimensions: 16))
        try plain.upsertNow(Self.documents(0..<5))
        try plain.save(to: directory)
        let (store, replay) = try Self.open(directory)
        #expect(replay.entries == 0)
        #expect(try await store.count() == 5)
        try await store.upsert(Self.documents(5..<7))
        #expect(try await Self.open(directory).store.count() == 7)
    }
}
