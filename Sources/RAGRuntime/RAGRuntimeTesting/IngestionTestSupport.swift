import Foundation
import Synchronization
import Ingestion
import Retrieval
import TelemetryModel
import TelemetrySimulator

/// Temporary directories, generated payloads, and sinks and embedders that misbehave on purpose.
package enum IngestionFixtures {
    /// A fresh empty directory under the system temporary directory.
    package static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ingestion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `count` generated records (seed, from `start`) and their JSON payloads.
    package static func records(count: Int, seed: UInt64 = 7, start: Int = 0) throws -> [TelemetryRecord] {
        let generator = TelemetryGenerator(seed: seed)
        let origin = Date(timeIntervalSince1970: 1_750_000_000)
        return (start..<(start + count)).map { generator.record(index: $0, at: origin.addingTimeInterval(Double($0) * 0.6)) }
    }

    package static func payloads(_ records: [TelemetryRecord]) throws -> [Data] {
        let encoder = JSONEncoder()
        return try records.map { try encoder.encode($0) }
    }
}

/// Rejects (as ``RetrievalError``) every batch containing a text with ``marker``.
package struct RejectingEmbedder: Embedder {
    package static let marker = "POISON-TEXT"
    package let base: HashingEmbedder
    package var dimensions: Int { base.dimensions }
    package var identity: EmbedderIdentity { base.identity }

    package init(base: HashingEmbedder) {
        self.base = base
    }

    package func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        if let index = texts.firstIndex(where: { $0.contains(Self.marker) }) { throw RetrievalError.emptyEmbeddingText(index: index) }
        return try await base.embed(texts, purpose: purpose)
    }
}

/// Fails the first `failures` calls with a transient error, then delegates.
package final class FlakyEmbedder: Embedder {
    package let base: HashingEmbedder
    package let remaining: Mutex<Int>
    package var dimensions: Int { base.dimensions }
    package var identity: EmbedderIdentity { base.identity }

    package init(base: HashingEmbedder, failures: Int) {
        self.base = base
        remaining = Mutex(failures)
    }

    package struct Throttled: Error {}

    package func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        let fail = remaining.withLock { count in
            defer { count -= 1 }
            return count > 0
        }
        if fail { throw Throttled() }
        return try await base.embed(texts, purpose: purpose)
    }
}

/// A sink that counts deliveries per event ID and, on upsert call number ``crashOnCall``, writes
/// half the batch and then hangs until cancelled: a process dying mid-batch.
package final class RecordingSink: DocumentSink {
    package let inner: any DocumentSink
    package let crashOnCall: Int?
    package let deliveries = Mutex<[String: Int]>([:])
    private let calls = Mutex(0)
    package let crashed: AsyncStream<Void>
    private let crashedContinuation: AsyncStream<Void>.Continuation
    package let onUpsert: @Sendable (Int) -> Void

    package init(_ inner: any DocumentSink, crashOnCall: Int? = nil, onUpsert: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.inner = inner
        self.crashOnCall = crashOnCall
        self.onUpsert = onUpsert
        (crashed, crashedContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    package func upsert(_ documents: [IndexedDocument]) async throws {
        let call = calls.withLock { count in
            count += 1
            return count
        }
        if call == crashOnCall {
            try await inner.upsert(Array(documents.prefix(documents.count / 2)))
            crashedContinuation.yield()
            try await Task.sleep(for: .seconds(3_600))   // suspended until the test cancels: never completes
        }
        try await inner.upsert(documents)
        deliveries.withLock { counts in for document in documents { counts[document.id, default: 0] += 1 } }
        onUpsert(documents.count)
    }

    package func persist() async throws {
        try await inner.persist()
    }

    package var totalDeliveries: Int { deliveries.withLock { $0.values.reduce(0, +) } }
}

/// Keeps dead letters in memory.
package final class MemoryDeadLetters: DeadLetterStore {
    package let letters = Mutex<[DeadLetter]>([])

    package init() {}

    package func write(_ letters: [DeadLetter]) async throws {
        self.letters.withLock { $0 += letters }
    }
}
