import AWS
import Foundation
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import Retrieval

/// The consumer follows a split and a merge: a child is read only after its parents were read to
/// their end, and every record of the family is indexed once.
struct IngestionReshardingTests {
    /// Records the order in which event IDs reach the store.
    final class OrderingSink: DocumentSink {
        let inner: any DocumentSink
        let order = Mutex<[String]>([])
        init(_ inner: any DocumentSink) { self.inner = inner }
        func upsert(_ documents: [IndexedDocument]) async throws {
            try await inner.upsert(documents)
            order.withLock { $0 += documents.map(\.id) }
        }
        func persist() async throws { try await inner.persist() }
    }

    @Test func aSplitThenAMergeAreReadParentsFirstWithEveryRecordOnce() async throws {
        let records = try IngestionFixtures.records(count: 900, seed: 41)
        let payloads = try IngestionFixtures.payloads(records)
        // 0 was split into 1 and 2, which were merged into 3 (open).
        let emulator = ReshardedKinesisEmulator([
            ("shardId-000000000000", [], Array(payloads[0..<300]), true),
            ("shardId-000000000001", ["shardId-000000000000"], Array(payloads[300..<450]), true),
            ("shardId-000000000002", ["shardId-000000000000"], Array(payloads[450..<600]), true),
            ("shardId-000000000003", ["shardId-000000000001", "shardId-000000000002"], Array(payloads[600..<900]), false),
        ])
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 64))
        let sink = OrderingSink(VectorStoreSink(store))
        var processor = BatchProcessor(embedder: try HashingEmbedder(dimensions: 64), sink: sink, deadLetters: MemoryDeadLetters())
        processor.sleep = { _ in }
        let coordinator = ShardLeaseCoordinator(table: InMemoryShardLeaseTable(), worker: "replica-a")
        var consumer = KinesisConsumer(kinesis: emulator.client(), streamName: "vehicle-logs", coordination: coordinator, processor: processor)
        consumer.batchSize = 100
        consumer.commitInterval = .zero
        try await consumer.run(until: .caughtUp)

        let order = sink.order.withLock { $0 }
        #expect(order.count == 900 && Set(order) == Set(records.map(\.eventID)))
        #expect(emulator.childReadsTooEarly == 0, "no child was read before its parents ended")
        func position(_ id: String) -> Int { order.firstIndex(of: id)! }
        let generation = { (range: Range<Int>) in range.map { position(records[$0].eventID) } }
        #expect(generation(0..<300).max()! < generation(300..<600).min()!, "the parent before its children")
        #expect(generation(300..<600).max()! < generation(600..<900).min()!, "both merged parents before the merged child")
        for shard in ["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"] {
            #expect(await coordinator.position(for: shard) == KinesisShardPlan.shardEnd)
        }
    }
}
