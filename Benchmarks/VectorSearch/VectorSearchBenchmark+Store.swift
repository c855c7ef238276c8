import ArgumentParser
import Foundation
import QueryUnderstanding
import Retrieval

extension VectorSearchBenchmark {
    /// The store mode: the embedded vector store over synthetic telemetry (see the type's overview).
    func runStore() async throws {
        guard let queryCount = Int(queries) else { throw ValidationError("--queries must be a count in store mode") }
        let count = self.count ?? 100_000
        var corpus = SyntheticCorpus(seed: 7, dimensions: dimensions)
        let start = ContinuousClock.now
        let documents = try await corpus.documents(count, embedText: text)
        let queryVectors = try await corpus.queries(queryCount, embedText: text)
        print("corpus: \(count) x \(dimensions) (\(text ? "hashing embedder" : "random unit vectors")) made in \(seconds(start.duration(to: .now))) s")
        if let dump {
            let all = documents.flatMap(\.vector) + queryVectors.flatMap { $0 }
            try all.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: dump)) }
            print("dumped \(count) + \(queryCount) vectors to \(dump)")
        }
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: dimensions, hnsw: HNSWParameters(efConstruction: efConstruction, efSearch: efSearch)))
        let building = ContinuousClock.now
        for batch in stride(from: 0, to: count, by: 1000) { try await store.upsert(Array(documents[batch..<min(count, batch + 1000)])) }
        print("build: \(seconds(building.duration(to: .now))) s (M=16, efConstruction=\(efConstruction))")

        let (results, unfiltered) = try await measure(store, queryVectors, .init())
        let recall = zip(queryVectors, results).map { query, hits in
            let exact = Set(Self.exactTop10(query, documents))
            return Double(exact.intersection(hits).count) / 10
        }.reduce(0, +) / Double(queryVectors.count)
        print("unfiltered: \(Int(unfiltered)) q/s, recall@10 \(String(format: "%.4f", recall)) (efSearch=\(efSearch))")
        let base = corpus.start
        let filters: [(String, SearchFilter)] = [
            ("1 h window (~4%)", SearchFilter(timeRange: TimeRange(gte: base.addingTimeInterval(3600), lte: base.addingTimeInterval(7200)))),
            ("12 h window (50%)", SearchFilter(timeRange: TimeRange(gte: base, lte: base.addingTimeInterval(43_200)))),
            ("vehicle_id eq (~0.2%)", SearchFilter(fields: [FieldFilter(field: "vehicle_id", op: .eq, value: .string("VH-0007"))])),
            ("engine_temp > 120 (~15%)", SearchFilter(fields: [FieldFilter(field: "sensor_readings.engine_temp", op: .gt, value: .number(120))])),
        ]
        for (name, filter) in filters {
            let (hits, rate) = try await measure(store, queryVectors, filter)
            print("filtered \(name): \(Int(rate)) q/s, \(hits.map(\.count).reduce(0, +) / max(1, hits.count)) hits per query")
        }
    }

    func measure(_ store: EmbeddedVectorStore, _ queries: [[Float]], _ filter: SearchFilter) async throws -> ([[String]], Double) {
        let start = ContinuousClock.now
        var results: [[String]] = []
        for query in queries { results.append(try await store.search(vector: query, k: 10, filter: filter).map(\.id)) }
        return (results, Double(queries.count) / seconds(start.duration(to: .now)))
    }

    static func exactTop10(_ query: [Float], _ documents: [IndexedDocument]) -> [String] {
        documents.map { document in (document.id, zip(query, document.vector).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
            .sorted { $0.1 > $1.1 }.prefix(10).map(\.0)
    }
}
