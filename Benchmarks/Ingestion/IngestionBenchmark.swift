import AWS
import ArgumentParser
import Foundation
import Logging
import Ingestion
import Retrieval
import TelemetrySimulator
import Synchronization

/// `swift run -c release ingestion-benchmark`: the consumer's two costs, measured.
///
/// 1. The batch path: telemetry payloads parsed, embedded (hashing embedder) and upserted into
///    the embedded vector store in Kinesis-sized batches: records per second and batch latency.
/// 2. Durability: the same path into a durable store (write-ahead log, `fsync` before each
///    acknowledgement) against an in-memory one, on one shard and on four at once (their batches
///    share `fsync`s by group commit): records per second and the ratio.
/// 3. Shard leases: replicas joining one by one and one dying, on an in-memory lease table with
///    simulated time: refresh rounds until the split is even and until a dead replica's shards
///    are held again, and lease-table operations per replica per round (what DynamoDB is asked).
@main
struct IngestionBenchmark: AsyncParsableCommand {
    @Option(help: "Records through the batch path.") var count = 20_000
    @Option(help: "Records per batch (KINESIS_BATCH_SIZE).") var batchSize = 500
    @Option(help: "Embedding dimensions.") var dimensions = 384
    @Option(help: "Shards for the lease measurement.") var shards = 16
    @Option(help: "Replicas for the lease measurement.") var replicas = 4
    @Option(help: "Runs of each durability measurement (medians are printed).") var repeats = 5

    func run() async throws {
        try await batchPath()
        try await durability()
        try await leases()
    }

    /// Records per second through parse, embed and upsert into `store`, with `shards` batches in flight.
    func throughput(into store: EmbeddedVectorStore, payloads: [Data], shards: Int) async throws -> Double {
        var logger = Logger(label: "ingestion-benchmark")
        logger.logLevel = .warning
        let processor = BatchProcessor(
            embedder: try HashingEmbedder(dimensions: dimensions), sink: VectorStoreSink(store), deadLetters: DiscardedLetters(), logger: logger)
        let began = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for shard in 0..<shards {
                group.addTask {
                    let mine = Array(stride(from: shard, to: payloads.count, by: shards))
                    for first in stride(from: 0, to: mine.count, by: batchSize) {
                        let batch = mine[first..<min(mine.count, first + batchSize)].map {
                            SourceRecord(shard: "shard-\(shard)", position: String($0), data: payloads[$0])
                        }
                        _ = try await processor.process(batch) { _ in }
                    }
                }
            }
            try await group.waitForAll()
        }
        let total = seconds(began.duration(to: .now))
        guard try await store.count() == payloads.count else { throw ValidationError("the store lost records") }
        return Double(payloads.count) / total
    }

    func durability() async throws {
        let generator = TelemetryGenerator(seed: 11)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        let payloads = try (0..<count).map { index in
            try JSONEncoder().encode(generator.record(index: index, at: start.addingTimeInterval(Double(index))))
        }
        for shards in [1, 4] {
            // Alternating runs, medians: one run on a shared 2-core machine is noise.
            var memory: [Double] = [], durable: [Double] = [], flushes = 0
            for _ in 0..<repeats {
                memory.append(try await throughput(into: try EmbeddedVectorStore(configuration: .init(dimensions: dimensions)), payloads: payloads, shards: shards))
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ingestion-benchmark-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: directory) }   // a benchmark's scratch folder
                let store = try EmbeddedVectorStore.openDurable(in: directory, configuration: .init(dimensions: dimensions)).store
                durable.append(try await throughput(into: store, payloads: payloads, shards: shards))
                flushes = store.durabilityFlushes ?? 0
            }
            let (durableMedian, memoryMedian) = (median(durable), median(memory))
            print("durability, \(shards) shard\(shards == 1 ? "" : "s"): \(Int(durableMedian)) records/s with the write-ahead log (\(flushes) fsyncs a run), "
                + "\(Int(memoryMedian)) in memory: \(format(durableMedian / memoryMedian * 100)) % (medians of \(repeats) alternating runs; batches of \(batchSize), hashing embedder \(dimensions)-d)")
        }
    }

    func batchPath() async throws {
        let generator = TelemetryGenerator(seed: 7)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        let payloads = try (0..<count).map { index in
            try JSONEncoder().encode(generator.record(index: index, at: start.addingTimeInterval(Double(index))))
        }
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: dimensions))
        var logger = Logger(label: "ingestion-benchmark")
        logger.logLevel = .warning
        let processor = BatchProcessor(
            embedder: try HashingEmbedder(dimensions: dimensions), sink: VectorStoreSink(store), deadLetters: DiscardedLetters(), logger: logger)
        var latencies: [Double] = []
        let began = ContinuousClock.now
        for first in stride(from: 0, to: count, by: batchSize) {
            let batch = (first..<min(count, first + batchSize)).map { SourceRecord(shard: "bench", position: String($0), data: payloads[$0]) }
            let batchStart = ContinuousClock.now
            _ = try await processor.process(batch) { _ in }
            latencies.append(seconds(batchStart.duration(to: .now)) * 1000)
        }
        let total = seconds(began.duration(to: .now))
        latencies.sort()
        let stored = try await store.count()
        print("batch path: \(count) records (\(stored) stored) in \(format(total)) s = \(Int(Double(count) / total)) records/s; "
            + "batch of \(batchSize): p50 \(format(latencies[latencies.count / 2])) ms, p95 \(format(latencies[latencies.count * 95 / 100])) ms "
            + "(parse + hashing embedder \(dimensions)-d + HNSW upsert, one shard)")
    }

    func leases() async throws {
        let table = CountingTable(InMemoryShardLeaseTable())
        let clock = SimulatedClock()
        let duration = Duration.seconds(10)
        let shardList = (0..<shards).map { KinesisShard(shardID: String(format: "shardId-%012d", $0)) }
        var workers: [ShardLeaseCoordinator] = []
        var joinRounds: [Int] = []
        for index in 0..<replicas {
            var quiet = Logger(label: "ingestion-benchmark.leases")
            quiet.logLevel = .error
            workers.append(ShardLeaseCoordinator(table: table, worker: "replica-\(index)", leaseDuration: duration, now: clock.reader, logger: quiet))
            var rounds = 0
            while true {
                rounds += 1
                var held: [Int] = []
                for worker in workers { held.append(try await worker.refresh(shardList).held.count) }
                clock.advance(by: duration / 3)
                if held.reduce(0, +) == shards, held.max()! - held.min()! <= 1 { break }
                guard rounds < 1000 else { throw ValidationError("no balance after 1000 rounds") }
            }
            joinRounds.append(rounds)
        }
        let operationsBefore = table.operations
        for worker in workers { _ = try await worker.refresh(shardList) }
        let perRound = Double(table.operations - operationsBefore) / Double(workers.count)
        print("leases: \(shards) shards, replicas joining one by one: balanced after \(joinRounds.map(String.init).joined(separator: ", ")) rounds "
            + "(a round is a third of the \(Int(duration.components.seconds)) s lease); \(format(perRound)) lease-table operations per replica per round "
            + "(\(format(perRound * 3 / Double(duration.components.seconds))) per second, plus one conditional write per checkpoint)")

        // The last replica dies: it stops refreshing. The others take its shards.
        let survivors = Array(workers.dropLast())
        var rounds = 0
        while true {
            rounds += 1
            clock.advance(by: duration / 3)
            var held: [Int] = []
            for worker in survivors { held.append(try await worker.refresh(shardList).held.count) }
            if held.reduce(0, +) == shards { break }
            guard rounds < 1000 else { throw ValidationError("no takeover after 1000 rounds") }
        }
        print("leases: one of \(replicas) replicas dies: its shards are held again after \(rounds) rounds "
            + "(\(format(Double(rounds) * seconds(duration / 3))) s of simulated time; the lease duration is \(Int(duration.components.seconds)) s)")
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func format(_ value: Double) -> String { String(format: "%.1f", value) }

    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}

/// Dead letters dropped: the benchmark's records are all valid.
struct DiscardedLetters: DeadLetterStore {
    func write(_ letters: [DeadLetter]) async throws {}
}

/// Time moved by hand, so lease expiry costs no waiting.
final class SimulatedClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    func advance(by duration: Duration) { instant.withLock { $0 += duration } }
    var reader: @Sendable () -> ContinuousClock.Instant { { self.instant.withLock { $0 } } }
}

/// Counts the operations a lease table is asked for.
final class CountingTable: ShardLeaseTable {
    let inner: any ShardLeaseTable
    private let count = Mutex(0)
    init(_ inner: any ShardLeaseTable) { self.inner = inner }
    var operations: Int { count.withLock { $0 } }
    private func tick() { count.withLock { $0 += 1 } }

    func leases() async throws -> [ShardLease] { tick(); return try await inner.leases() }
    func create(shard: String) async throws { tick(); try await inner.create(shard: shard) }
    func claim(_ expected: ShardLease, for owner: String) async throws -> ShardLease? { tick(); return try await inner.claim(expected, for: owner) }
    func renew(shard: String, owner: String) async throws -> ShardLease? { tick(); return try await inner.renew(shard: shard, owner: owner) }
    func checkpoint(shard: String, position: String, owner: String, tenure: String?) async throws {
        tick()
        try await inner.checkpoint(shard: shard, position: position, owner: owner, tenure: tenure)
    }
    func release(shard: String, owner: String) async throws { tick(); try await inner.release(shard: shard, owner: owner) }
}
