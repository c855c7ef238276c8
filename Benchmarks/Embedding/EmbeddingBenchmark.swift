import ArgumentParser
import Foundation
import TextEmbedding

/// Embedding throughput and query latency of the Swift all-MiniLM-L6-v2, optionally beside
/// sentence-transformers on PyTorch (same texts, same thread count) for the ratio.
///
///     swift run -c release embedding-benchmark [--model FOLDER] [--baseline-python /tmp/st-venv/bin/python3]
@main struct EmbeddingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "embedding-benchmark")

    @Option(help: "The model folder (default: what scripts/fetch-minilm.sh prints).")
    var model: String = ProcessInfo.processInfo.environment["RAG_MINILM_DIR"]
        ?? URL(filePath: NSHomeDirectory()).appending(path: ".cache/rag-operator/models/all-MiniLM-L6-v2").path

    @Option(help: "How many telemetry texts to embed per batch size.")
    var texts = 512

    @Option(help: "How many single queries to time for the latency percentiles.")
    var queries = 200

    @Option(help: "A python3 with torch and sentence-transformers: times the same texts there too.")
    var baselinePython: String?

    func run() throws {
        let loadStart = ContinuousClock.now
        let embedder = try SentenceEmbedder(modelFolder: URL(filePath: model))
        print("model loaded in \(format(ContinuousClock.now - loadStart))")
        let corpus = BenchmarkTexts.telemetry(count: texts)
        let tokens = corpus.map { embedder.tokenizer.encode($0).count }
        print(
            "\(corpus.count) texts, \(tokens.reduce(0, +) / corpus.count) tokens on average, \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                + SentenceEmbedder.matrixBackend
        )
        _ = embedder.embed(Array(corpus.prefix(32)))
        var swiftRates: [String: Double] = [:]
        for batchSize in [1, 8, 32] {
            let start = ContinuousClock.now
            _ = embedder.embed(corpus, batchSize: batchSize)
            let seconds = (ContinuousClock.now - start).seconds
            swiftRates["batch \(batchSize)"] = Double(corpus.count) / seconds
            print("swift   batch \(batchSize):\t\(Int(swiftRates["batch \(batchSize)"]!)) texts/s")
        }
        let long = BenchmarkTexts.long(count: 64)
        let longStart = ContinuousClock.now
        _ = embedder.embed(long, batchSize: 32)
        let longTokens = long.map { embedder.tokenizer.encode($0).count }.reduce(0, +) / long.count
        swiftRates["long batch 32"] = Double(long.count) / (ContinuousClock.now - longStart).seconds
        print("swift   long (\(longTokens) tokens) batch 32:\t\(Int(swiftRates["long batch 32"]!)) texts/s")
        let questions = BenchmarkTexts.questions(count: queries)
        var latencies: [Double] = []
        for question in questions {
            let start = ContinuousClock.now
            _ = embedder.embed(question)
            latencies.append((ContinuousClock.now - start).seconds * 1000)
        }
        latencies.sort()
        print("swift   query p50 \(String(format: "%.2f", latencies[latencies.count / 2])) ms, p90 \(String(format: "%.2f", latencies[latencies.count * 9 / 10])) ms")
        if let baselinePython { try compare(with: baselinePython, corpus: corpus, questions: questions, swiftRates: swiftRates) }
    }

    func compare(with python: String, corpus: [String], questions: [String], swiftRates: [String: Double]) throws {
        let input = FileManager.default.temporaryDirectory.appending(path: "embedding-benchmark-\(UUID().uuidString).json")
        try JSONEncoder().encode(["texts": corpus, "queries": questions, "long": BenchmarkTexts.long(count: 64)]).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let script = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "sentence_transformers_baseline.py")
        let process = Process()
        process.executableURL = URL(filePath: python)
        process.arguments = [script.path, model, input.path, "\(ProcessInfo.processInfo.activeProcessorCount)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("the baseline exited \(process.terminationStatus)") }
        for line in output.split(separator: "\n") {
            print(line)
            // "pytorch batch 8: 173 texts/s ..." or "pytorch long batch 32: 23 texts/s"
            guard line.hasPrefix("pytorch "), let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[line.index(line.startIndex, offsetBy: 8)..<colon])
            let rate = line[line.index(after: colon)...].split(separator: " ").first.flatMap { Double($0) }
            if let rate, let swift = swiftRates[key] {
                print("ratio   \(key):\t\(String(format: "%.2f", swift / rate))× (swift / sentence-transformers)")
            }
        }
    }

    func format(_ duration: Duration) -> String { String(format: "%.2f s", duration.seconds) }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
