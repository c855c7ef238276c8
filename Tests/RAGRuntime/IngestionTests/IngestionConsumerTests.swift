import Foundation
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import Retrieval
@testable import TelemetrySimulator

@Suite struct IngestionConsumerTests {
    let embedder = try! HashingEmbedder(dimensions: 64)   // 64 ≥ 16: cannot throw

    func consumer(
        stream: LocalStream, directory: URL, sink: any DocumentSink, embedder: any Embedder, deadLetters: any DeadLetterStore
    ) throws -> LocalStreamConsumer {
        var processor = BatchProcessor(embedder: embedder, sink: sink, deadLetters: deadLetters)
        processor.sleep = { _ in }
        var consumer = LocalStreamConsumer(
            stream: stream, checkpoints: try CheckpointStore(directory: directory.appendingPathComponent("checkpoints")), processor: processor)
        consumer.batchSize = 200
        consumer.commitInterval = .zero
        return consumer
    }

    @Test func aConsumerKilledMidBatchResumesFromItsCheckpointAndIndexesEveryRecordExactlyOnce() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let stream = try LocalStream(directory: directory)
        let produced = try IngestionFixtures.records(count: 3_000)
        try stream.append(try IngestionFixtures.payloads(produced))

        // Run 1: the embedded store is saved before each checkpoint; upsert call 7 dies half-way.
        let firstStore = try EmbeddedVectorStore(configuration: .init(dimensions: 64))
        let saved = VectorStoreSink(firstStore) { try firstStore.save(to: directory) }
        let crashing = RecordingSink(saved, crashOnCall: 7)
        let first = try consumer(stream: stream, directory: directory, sink: crashing, embedder: embedder, deadLetters: MemoryDeadLetters())
        let run = Task { try await first.run() }
        for await _ in crashing.crashed { break }
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(try first.checkpoints.position(for: LocalStreamConsumer.shard) == "1201@\(try stream.read(from: .start, limit: 1200).last!.next.offset)")

        // Records arrive while the consumer is down.
        let during = try IngestionFixtures.records(count: 500, start: 3_000)
        try stream.append(try IngestionFixtures.payloads(during))

        // Run 2: a new process loads the saved store and resumes from the checkpoint.
        let secondStore = try EmbeddedVectorStore.load(from: directory)
        #expect(try await secondStore.count() == 1_200)
        let recording = RecordingSink(VectorStoreSink(secondStore) { try secondStore.save(to: directory) })
        let second = try consumer(stream: stream, directory: directory, sink: recording, embedder: embedder, deadLetters: MemoryDeadLetters())
        try await second.run(until: .caughtUp)

        let expected = Set((produced + during).map(\.eventID))
        let stored = secondStore.storedEventIDs
        #expect(try await secondStore.count() == 3_500)
        #expect(stored.count == 3_500 && Set(stored) == expected)
        #expect(try await EmbeddedVectorStore.load(from: directory).count() == 3_500)
        #expect(recording.totalDeliveries == 2_300, "the interrupted batch is replayed, nothing before it")
    }

    @Test func poisonRecordsAreDeadLetteredAndTheStreamKeepsFlowing() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let stream = try LocalStream(directory: directory)
        var records = try IngestionFixtures.records(count: 300)
        records[150].message = "Sensor says \(RejectingEmbedder.marker)"
        var payloads = try IngestionFixtures.payloads(records)
        payloads.insert(Data("{not json".utf8), at: 42)
        payloads.insert(Data(#"{"event_id":"x"}"#.utf8), at: 250)
        try stream.append(payloads)

        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 64))
        let deadLetters = try FileDeadLetterStore(url: directory.appendingPathComponent("dead-letters.jsonl"))
        let consumer = try consumer(
            stream: stream, directory: directory, sink: VectorStoreSink(store), embedder: RejectingEmbedder(base: embedder), deadLetters: deadLetters)
        try await consumer.run(until: .caughtUp)

        #expect(try await store.count() == 299)
        let letters = try deadLetters.readAll()
        #expect(letters.count == 3)
        #expect(letters.filter { $0.reason.hasPrefix("unparseable") }.count == 2)
        #expect(letters.filter { $0.reason.hasPrefix("embedding rejected") }.map(\.eventID) == [records[150].eventID])
        #expect(try consumer.checkpoints.position(for: LocalStreamConsumer.shard) == stream.end.description)
    }

    @Test func throttledEmbeddingIsRetriedWithoutLosingRecords() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let stream = try LocalStream(directory: directory)
        try stream.append(try IngestionFixtures.payloads(IngestionFixtures.records(count: 250)))
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 64))
        let deadLetters = MemoryDeadLetters()
        let consumer = try consumer(
            stream: stream, directory: directory, sink: VectorStoreSink(store), embedder: FlakyEmbedder(base: embedder, failures: 2),
            deadLetters: deadLetters)
        try await consumer.run(until: .caughtUp)
        #expect(try await store.count() == 250)
        #expect(deadLetters.letters.withLock { $0.isEmpty })
    }

    @Test func localIngestionProducesConsumesAndRestartsWithoutDuplicates() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        var configuration = LocalIngestion.Configuration(dataDirectory: directory, recordsPerMinute: 6_000, backfillSeconds: 60, seed: 3, count: 1_000)
        configuration.exitWhenDone = true
        let store = try LocalIngestion.openStore(in: directory, dimensions: 64)
        let started = ContinuousClock.now
        try await LocalIngestion(configuration: configuration, embedder: embedder, store: store).run()
        let elapsed = ContinuousClock.now - started
        print("LocalIngestion: 1,000 records produced, embedded and indexed in \(elapsed)")
        #expect(try await store.count() == 1_000)

        configuration.count = 1_200   // restart: 200 more, same sequence
        let reopened = try LocalIngestion.openStore(in: directory, dimensions: 64)
        #expect(try await reopened.count() == 1_000)
        try await LocalIngestion(configuration: configuration, embedder: embedder, store: reopened).run()
        let generator = TelemetryGenerator(seed: 3)
        let expected = Set((0..<1_200).map { generator.record(index: $0, at: Date()).eventID })
        #expect(try await reopened.count() == 1_200)
        #expect(Set(reopened.storedEventIDs) == expected)
    }

    @Test func throughputOfTheLocalConsumer() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let stream = try LocalStream(directory: directory)
        try stream.append(try IngestionFixtures.payloads(IngestionFixtures.records(count: 2_000)))
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 384))
        var consumer = try consumer(
            stream: stream, directory: directory, sink: VectorStoreSink(store), embedder: try HashingEmbedder(dimensions: 384),
            deadLetters: MemoryDeadLetters())
        consumer.batchSize = 500
        let started = ContinuousClock.now
        try await consumer.run(until: .caughtUp)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        print("Local consumer: 2,000 records (384-d hashing embedder, embedded HNSW store) in \(seconds) s = \(Int(2_000 / seconds)) records/s")
        #expect(try await store.count() == 2_000)
    }
}
