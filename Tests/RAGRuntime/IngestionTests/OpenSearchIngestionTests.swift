import AWS
import Foundation
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import Retrieval
@testable import RetrievalClients

private typealias F = RetrievalFixtures

/// The consumer's OpenSearch side: Serverless vector collections (no custom `_id`), and the
/// dead-letter index.
struct OpenSearchIngestionTests {
    func client(_ emulator: OpenSearchEmulator, index: String = "telemetry", idMode: OpenSearchDocumentIDMode) -> OpenSearchClient {
        let http = AWSHTTPClient(
            service: .openSearchServerless, region: "us-east-1", endpoint: URL(string: "https://abc.us-east-1.aoss.amazonaws.com")!,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")),
            transport: emulator)
        return OpenSearchClient(http: http, index: index, idMode: idMode)
    }

    func documents(_ ids: [String]) -> [IndexedDocument] {
        ids.map { IndexedDocument(record: F.record($0), vector: F.axis(0)) }
    }

    @Test func aServerlessVectorCollectionGetsEachEventOnceAlthoughItChoosesTheIDs() async throws {
        let emulator = OpenSearchEmulator(serverlessVector: true)
        let store = OpenSearchVectorStore(client: client(emulator, idMode: .sourceField("doc_id")), dimensions: 8)
        try await store.upsert(documents(["e1", "e2", "e3", "e4"]))
        try await store.upsert(documents(["e3", "e4"]))   // replayed in this process: skipped without a lookup
        // Replayed by another replica (another store, no shared memory): the lookup finds them.
        let replica = OpenSearchVectorStore(client: client(emulator, idMode: .sourceField("doc_id")), dimensions: 8)
        try await replica.upsert(documents(["e3", "e4", "e5"]))
        let stored = emulator.documents(in: "telemetry").values.compactMap { $0["doc_id"]?.stringValue }
        #expect(stored.sorted() == ["e1", "e2", "e3", "e4", "e5"])
        let lastBulk = try #require(emulator.requests.last { $0.percentEncodedPath == "/_bulk" })
        #expect(lastBulk.body.split(separator: UInt8(ascii: "\n")).count == 2, "only e5 was sent again")
    }

    @Test func aCopyLeftByRacingWritersShowsOnceInSearchResults() async throws {
        let emulator = OpenSearchEmulator(serverlessVector: true)
        let source = try OpenSearchDocumentCoding.source(for: documents(["e1"])[0], dimensions: 8)
        for _ in 0..<2 {   // two replicas that raced on e1: both looked it up before either wrote it
            #expect(try await client(emulator, idMode: .sourceField("doc_id")).bulk(documents: [("e1", source)]).isEmpty)
        }
        #expect(emulator.documents(in: "telemetry").count == 2)
        let store = OpenSearchVectorStore(client: client(emulator, idMode: .sourceField("doc_id")), dimensions: 8)
        let hits = try await store.search(vector: F.axis(0), k: 5, filter: SearchFilter())
        #expect(hits.map(\.record.eventID) == ["e1"])
    }

    @Test func customIDsAreWhatAServerlessVectorCollectionRejects() async throws {
        let emulator = OpenSearchEmulator(serverlessVector: true)
        let store = OpenSearchVectorStore(client: client(emulator, idMode: .metadata), dimensions: 8)
        await #expect(throws: RetrievalError.self) { try await store.upsert(documents(["e1"])) }
    }

    @Test func deadLettersGoToTheirOwnIndexOncePerRecordPosition() async throws {
        let emulator = OpenSearchEmulator()
        let letters = OpenSearchDeadLetterStore(client: client(emulator, index: "telemetry-dead-letters", idMode: .metadata))
        let record = SourceRecord(shard: "shardId-000000000001", position: "42", data: Data("{not json".utf8), arrivedAt: nil)
        let letter = DeadLetter(record: record, eventID: nil, reason: "unparseable: not JSON", at: F.noon)
        try await letters.write([letter])
        try await letters.write([letter])   // the batch was replayed
        let stored = emulator.documents(in: "telemetry-dead-letters")
        #expect(stored.count == 1)
        #expect(stored["shardId-000000000001/42"]?["reason"] == "unparseable: not JSON")
        #expect(stored["shardId-000000000001/42"]?["data"] == "{not json")
        #expect(emulator.documents(in: "telemetry").isEmpty)
    }

    @Test func aDeadLetterTheIndexRefusesFailsTheBatchInsteadOfVanishing() async throws {
        let emulator = OpenSearchEmulator(rejecting: ["shardId-000000000001/7"])
        let letters = OpenSearchDeadLetterStore(client: client(emulator, index: "telemetry-dead-letters", idMode: .metadata))
        let record = SourceRecord(shard: "shardId-000000000001", position: "7", data: Data("x".utf8), arrivedAt: nil)
        await #expect(throws: IngestionError.self) {
            try await letters.write([DeadLetter(record: record, eventID: nil, reason: "unparseable", at: F.noon)])
        }
    }

    @Test func poisonRecordsEndInTheDeadLetterIndexAndTheRestIsIndexed() async throws {
        let emulator = OpenSearchEmulator(rejecting: ["evt-rejected"])
        let store = OpenSearchVectorStore(client: client(emulator, idMode: .metadata), dimensions: 64)
        var processor = BatchProcessor(
            embedder: try HashingEmbedder(dimensions: 64), sink: VectorStoreSink(store),
            deadLetters: OpenSearchDeadLetterStore(client: client(emulator, index: "telemetry-dead-letters", idMode: .metadata)))
        processor.sleep = { _ in }
        let good = try IngestionFixtures.records(count: 20, seed: 3)
        var payloads = try IngestionFixtures.payloads(good)
        payloads.insert(Data("{\"event_id\": ".utf8), at: 5)   // truncated JSON
        var rejected = good[0]
        rejected.eventID = "evt-rejected"                        // the index refuses this one
        payloads.append(try JSONEncoder().encode(rejected))
        let records = payloads.enumerated().map { SourceRecord(shard: "s", position: String($0.offset), data: $0.element, arrivedAt: nil) }
        var acknowledged: [String] = []
        _ = try await processor.process(records, lag: nil) { acknowledged.append($0) }
        #expect(acknowledged.last == String(records.count - 1), "the batch is acknowledged past the poison records")
        #expect(Set(emulator.documents(in: "telemetry").keys) == Set(good.map(\.eventID)))
        let letters = emulator.documents(in: "telemetry-dead-letters")
        #expect(Set(letters.keys) == ["s/5", "s/\(records.count - 1)"])
        #expect(letters["s/5"]?["reason"]?.stringValue?.hasPrefix("unparseable") == true)
        #expect(letters["s/\(records.count - 1)"]?["event_id"] == "evt-rejected")
    }

    /// Issue 13: items OpenSearch answered 429 used to count as rejected, so the batch was split in
    /// halves again and again and then dead-lettered. They are backpressure: the batch waits and
    /// goes again whole, every record is indexed, and the bulk calls stay few.
    @Test func itemsTheClusterThrottlesAreRetriedAsABatchNeitherSplitNorDeadLettered() async throws {
        let emulator = OpenSearchEmulator()
        emulator.throttleBulk(calls: 5)
        let http = AWSHTTPClient(
            service: .openSearch, region: "us-east-1", endpoint: URL(string: "https://search-test.us-east-1.es.amazonaws.com")!,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")),
            transport: emulator, retryStrategy: AWSRetryStrategy(maximumAttempts: 2, baseDelay: .milliseconds(1), maximumBackoff: .milliseconds(5)))
        let store = OpenSearchVectorStore(client: OpenSearchClient(http: http, index: "telemetry"), dimensions: 64)
        let letters = MemoryDeadLetters()
        var processor = BatchProcessor(embedder: try HashingEmbedder(dimensions: 64), sink: VectorStoreSink(store), deadLetters: letters)
        let waits = Mutex(0)
        processor.sleep = { _ in waits.withLock { $0 += 1 } }
        let payloads = try IngestionFixtures.payloads(try IngestionFixtures.records(count: 300, seed: 9))
        let records = payloads.enumerated().map { SourceRecord(shard: "s", position: String($0.offset), data: $0.element, arrivedAt: nil) }
        let summary = try await processor.process(records) { _ in }
        #expect(summary.indexed == 300 && summary.deadLettered == 0)
        #expect(letters.letters.withLock { $0.isEmpty })
        #expect(emulator.documents(in: "telemetry").count == 300)
        let bulkCalls = emulator.requests.filter { $0.percentEncodedPath == "/_bulk" }.count
        #expect(bulkCalls == 6, "5 throttled (2 per attempt, the client's own retry included) and 1 that lands: \(bulkCalls)")
        #expect(waits.withLock { $0 } == 2, "the processor waited twice, then the batch went through whole")
    }

    /// Issue 13: redrive. Records the index mapping rejected are dead-lettered; once the mapping is
    /// fixed, a redrive puts them back through embed and upsert, each indexed once and removed
    /// from the dead-letter index; a second redrive finds nothing.
    @Test func fixedPoisonRecordsAreRedrivenIndexedOnceAndRemovedFromTheDeadLetters() async throws {
        let records = try IngestionFixtures.records(count: 20, seed: 13)
        let poison = Set(records.prefix(2).map(\.eventID))
        let emulator = OpenSearchEmulator(rejecting: poison)
        let store = emulator.store(dimensions: 64)
        let letters = OpenSearchDeadLetterStore(client: client(emulator, index: "telemetry-dead-letters", idMode: .metadata))
        let processor = BatchProcessor(embedder: try HashingEmbedder(dimensions: 64), sink: VectorStoreSink(store), deadLetters: letters)
        let payloads = try IngestionFixtures.payloads(records)
        _ = try await processor.process(payloads.enumerated().map { SourceRecord(shard: "s", position: String($0.offset), data: $0.element, arrivedAt: nil) }) { _ in }
        #expect(emulator.documents(in: "telemetry").count == 18)
        #expect(try await letters.list(reason: nil).count == 2)

        let redrive = DeadLetterRedrive(processor: processor)
        let stillRejected = try await redrive.redrive(from: letters)
        #expect(stillRejected.redriven == 0 && stillRejected.failed.count == 2, "the mapping still rejects them: they stay")
        #expect(try await letters.list(reason: nil).count == 2)

        emulator.accept(poison)
        let fixed = try await redrive.redrive(from: letters, reason: "indexing rejected")
        #expect(fixed == DeadLetterRedrive.Result(redriven: 2, failed: []))
        #expect(emulator.documents(in: "telemetry").count == 20, "each indexed once")
        #expect(try await letters.list(reason: nil).isEmpty, "removed once indexed")
        #expect(try await redrive.redrive(from: letters).redriven == 0)
    }
}
