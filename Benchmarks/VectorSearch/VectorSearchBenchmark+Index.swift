import ArgumentParser
import Foundation
import VectorIndex

extension VectorSearchBenchmark {
    /// The figures of one index-mode run, as `--json` writes them.
    struct IndexReport: Codable {
        struct Filtered: Codable {
            var selectivity: Double
            var allowed: Int
            var strategy: String
            var recall: Double
            var qps: Double
            /// The fastest point of the filter's efSearch sweep with recall@10 ≥ 0.95.
            var at95: RecallSweep.Point?
            var strategyAt95: String?
        }

        var engine = "swift-vectorindex"
        var base: String
        var count: Int
        var dimensions: Int
        var metric: String
        var m: Int
        var efConstruction: Int
        var threads: Int
        var quantization: String
        var buildSeconds: Double
        var bytesPerVector: Double
        var rawBytesPerVector: Double
        var points: [RecallSweep.Point] = []
        var filtered: [Filtered] = []
        var writeSeconds: Double?
        var reopenSeconds: Double?
        var reopenedQPS: Double?
    }

    /// The index mode: VectorIndex alone on `.npy` files or synthetic clustered vectors.
    func runIndex() throws {
        let (flat, dimensions, queryVectors, source) = try loadIndexData()
        let baseCount = flat.count / dimensions
        print("data: \(source): \(baseCount) x \(dimensions) base, \(queryVectors.count) queries, metric \(metric.rawValue)")
        let building = ContinuousClock.now
        let index: HNSWIndex
        if let open {
            index = try HNSWIndex(contentsOf: open)
            guard index.count == baseCount, index.dimensions == dimensions, index.metric == metric else {
                throw ValidationError("\(open) holds \(index.count) x \(index.dimensions) (\(index.metric.rawValue)), not the \(baseCount) x \(dimensions) (\(metric.rawValue)) of --base")
            }
            print("opened \(open) (memory-mapped, no build)")
        } else {
            var built = try HNSWIndex(
                dimensions: dimensions, metric: metric,
                configuration: HNSWConfiguration(m: m, efConstruction: efConstruction, efSearch: efSearch, quantization: quantization)
            )
            try built.add(contentsOf: flat, threads: threads)
            index = built
        }
        let buildSeconds = open == nil ? seconds(building.duration(to: .now)) : 0
        let raw = Double(dimensions * 4 + 2 * m * 4)
        print(String(format: "build: %.2f s (M=%d, efConstruction=%d, %d thread%@, quantisation %@)", buildSeconds, m, efConstruction, threads, threads == 1 ? "" : "s", quantization.rawValue))
        print(String(format: "memory: %.0f bytes/vector (raw vectors + layer-0 links: %.0f, ratio %.2f)", index.bytesPerVector, raw, index.bytesPerVector / raw))
        var report = IndexReport(
            base: source, count: baseCount, dimensions: dimensions, metric: metric.rawValue, m: m, efConstruction: efConstruction,
            threads: threads, quantization: quantization.rawValue, buildSeconds: buildSeconds, bytesPerVector: index.bytesPerVector, rawBytesPerVector: raw
        )

        let truthStart = ContinuousClock.now
        let truth = try RecallSweep.groundTruth(index, queries: queryVectors, k: 10)
        print(String(format: "ground truth: exact search in %.1f s", seconds(truthStart.duration(to: .now))))
        for ef in sweep.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            let (results, qps) = try RecallSweep.measure(index, queries: queryVectors, k: 10, ef: ef)
            let recall = RecallSweep.recall(results, truth: truth, metric: metric)
            report.points.append(RecallSweep.Point(ef: ef, qps: qps, recall: recall))
            print(String(format: "efSearch %4d: recall@10 %.4f, %8.0f q/s", ef, recall, qps))
        }
        for target in [0.90, 0.95, 0.99] {
            if let point = RecallSweep.qps(at: target, in: report.points) {
                print(String(format: "at recall %.2f: %.0f q/s (efSearch %d, recall %.4f)", target, point.qps, point.ef, point.recall))
            } else {
                print(String(format: "at recall %.2f: not reached by the sweep", target))
            }
        }
        report.filtered = try filterSweep(index, queries: queryVectors)
        if let indexFile { try persist(index, to: indexFile, queries: queryVectors, report: &report) }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        }
    }

    /// Base vectors, dimensions, queries and a description, from `.npy` files or synthetic.
    func loadIndexData() throws -> (flat: [Float], dimensions: Int, queries: [[Float]], source: String) {
        if let base {
            let file = try NPYFile(path: base)
            guard Int(queries) == nil else { throw ValidationError("--queries must be a .npy file with --base") }
            let queryFile = try NPYFile(path: queries)
            guard queryFile.columns == file.columns else { throw ValidationError("queries have \(queryFile.columns) dimensions, base \(file.columns)") }
            let limit = min(count ?? file.rows, file.rows)
            return (Array(file.values.prefix(limit * file.columns)), file.columns, (0..<queryFile.rows).map(queryFile.row), URL(fileURLWithPath: base).lastPathComponent)
        }
        guard let queryCount = Int(queries) else { throw ValidationError("--queries must be a count without --base") }
        let count = self.count ?? 100_000
        let all = ClusteredVectors.make(count: count + queryCount, dimensions: dimensions, seed: 42)
        let queryVectors = (0..<queryCount).map { Array(all[((count + $0) * dimensions)..<((count + $0 + 1) * dimensions)]) }
        return (Array(all.prefix(count * dimensions)), dimensions, queryVectors, "synthetic clustered unit vectors")
    }

    /// Recall and q/s of filtered searches at each selectivity, at `--ef-search`.
    func filterSweep(_ index: HNSWIndex, queries: [[Float]]) throws -> [IndexReport.Filtered] {
        let fractions = selectivities.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !fractions.isEmpty else { return [] }
        let sample = Array(queries.prefix(200))
        var rows: [IndexReport.Filtered] = []
        let efs = [efSearch] + filterSweep.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 != efSearch }
        for fraction in fractions {
            // The same mask as compare_baselines.py draws for faiss's IDSelector: SplitMix64 from 99.
            var random = SplitMixGenerator(seed: 99)
            let filter = IDFilter(capacity: index.count) { _ in Double(random.next() >> 11) / Double(1 << 53) < fraction }
            let truth = try RecallSweep.groundTruth(index, queries: sample, k: 10, filter: filter)
            var points: [(point: RecallSweep.Point, strategy: String)] = []
            for ef in efs {
                let forced = filterStrategy.forced
                let (results, qps) = try RecallSweep.measure(index, queries: sample, k: 10, ef: ef, filter: filter, strategy: forced, passes: 2)
                let recall = RecallSweep.recall(results, truth: truth, metric: metric)
                points.append((RecallSweep.Point(ef: ef, qps: qps, recall: recall), "\(forced ?? index.strategy(for: filter, k: 10, efSearch: ef))"))
            }
            let fixed = points[0]
            let best = points.filter { $0.point.recall >= 0.95 }.max { $0.point.qps < $1.point.qps }
            rows.append(IndexReport.Filtered(
                selectivity: fraction, allowed: filter.count, strategy: fixed.strategy, recall: fixed.point.recall, qps: fixed.point.qps,
                at95: best?.point, strategyAt95: best?.strategy
            ))
            let fastest = best.map { String(format: "%7.0f q/s at recall >= 0.95 (efSearch %d, recall %.4f, %@)", $0.point.qps, $0.point.ef, $0.point.recall, $0.strategy) }
                ?? "recall 0.95 not reached by the sweep"
            print(String(
                format: "filter %6.2f%% (%7d allowed): recall@10 %.4f, %7.0f q/s, %@ (efSearch %d); fastest: %@",
                fraction * 100, filter.count, fixed.point.recall, fixed.point.qps, fixed.strategy, efSearch, fastest
            ))
        }
        return rows
    }

    /// Writes the index, reopens it memory-mapped, and checks it answers as before.
    func persist(_ index: HNSWIndex, to path: String, queries: [[Float]], report: inout IndexReport) throws {
        let writing = ContinuousClock.now
        try index.write(to: path)
        report.writeSeconds = seconds(writing.duration(to: .now))
        let opening = ContinuousClock.now
        let reopened = try HNSWIndex(contentsOf: path)
        report.reopenSeconds = seconds(opening.duration(to: .now))
        let sample = Array(queries.prefix(200))
        let before = try RecallSweep.measure(index, queries: sample, k: 10, ef: efSearch, passes: 1).results
        let (after, qps) = try RecallSweep.measure(reopened, queries: sample, k: 10, ef: efSearch, passes: 1)
        report.reopenedQPS = qps
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(
            format: "persist: wrote %.0f MB in %.2f s; reopened memory-mapped in %.1f ms (no rebuild), %@ results, %.0f q/s at efSearch %d",
            Double(size) / 1e6, report.writeSeconds ?? 0, (report.reopenSeconds ?? 0) * 1000, before == after ? "same" : "DIFFERENT", qps, efSearch
        ))
    }
}
