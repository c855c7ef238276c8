import ArgumentParser
import Foundation
import Retrieval
import RetrievalClients
import RetrievalEvaluation
import TelemetrySimulator

/// `rag-runtime eval`: retrieval quality per embedder and ranking, on generated telemetry whose
/// scenarios are known; prints precision@10, recall@10 and nDCG@10 per question style, and how
/// exactly the question parser read time windows and field conditions.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score retrieval (precision/recall/nDCG@10) per embedder on generated telemetry with labelled questions.")

    @Option(help: "Records to generate.")
    var records: Int = 12_000

    @Option(help: "The span they cover, ending now (30m, 2h, 1d).")
    var span: String = "2h"

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 7

    @Option(help: "Embedders to score, comma-separated: hashing, local.")
    var embedders: String = "hashing,local"

    @Flag(help: "Also print every question's scores.")
    var verbose = false

    func validate() throws {
        guard records > 0 else { throw ValidationError("--records must be positive") }
        for name in embedders.split(separator: ",") where !["hashing", "local"].contains(name) {
            throw ValidationError("--embedders: \(name) is not hashing or local")
        }
    }

    func run() async throws {
        let seconds = try DurationText.seconds(span)
        // A fixed "now" (2025-06-15T12:00:00Z), so every run scores the same corpus and windows.
        let now = Date(timeIntervalSince1970: 1_749_988_800)
        let corpus = RetrievalEvaluation.corpus(seed: seed, count: records, span: seconds, now: now)
        let evaluation = RetrievalEvaluation(records: corpus, now: now)
        print("rag-runtime eval: \(records) records over \(span) (seed \(seed)), \(evaluation.questions.count) questions, k = \(evaluation.k)")
        var rows: [(name: String, outcomes: [RetrievalEvaluation.Outcome])] = []
        for name in embedders.split(separator: ",").map(String.init) {
            let embedder: any Embedder = name == "local"
                ? try RuntimeConfiguration.localEmbedder(environment: ProcessInfo.processInfo.environment)
                : try HashingEmbedder()
            let label = name == "local" ? "MiniLM" : "hashing"
            let index = try await evaluation.index(with: embedder)
            print("indexed with \(embedder.identity): \(String(format: "%.1f", index.seconds)) s (\(String(format: "%.0f", Double(records) / index.seconds)) records/s)")
            rows.append(("\(label) vector", try await evaluation.run(index: index, mode: .vector)))
            rows.append(("\(label) hybrid", try await evaluation.run(index: index, mode: .hybrid)))
        }
        print(EvaluationTable.render(rows))
        if let outcomes = rows.first?.outcomes {
            let unscored = outcomes.filter { $0.relevant == 0 }
            if !unscored.isEmpty {
                print("not scored (no relevant record in this corpus): " + unscored.map { "\"\($0.question.text)\"" }.joined(separator: ", "))
            }
            let windows = outcomes.filter { $0.question.window != nil }
            print("parsed exactly: time range \(outcomes.filter(\.timeRangeExact).count)/\(outcomes.count) questions "
                + "(\(windows.filter(\.timeRangeExact).count)/\(windows.count) with a window), "
                + "field conditions \(outcomes.filter(\.fieldsExact).count)/\(outcomes.count)")
        }
        if verbose {
            for (name, outcomes) in rows {
                for outcome in outcomes {
                    var line = String(format: "%@\t%@\tP %.2f R %.3f nDCG %.2f (%d relevant)\t%@", name, outcome.question.style.rawValue,
                                      outcome.metrics.precision, outcome.metrics.recall, outcome.metrics.ndcg, outcome.relevant, outcome.question.text)
                    if !outcome.fieldsExact { line += "\tparsed fields: \(outcome.parsedFields.map { "\($0.field) \($0.op) \($0.value)" })" }
                    print(line)
                }
            }
        }
    }
}

/// The eval table: one row per retriever and question style, then each retriever's mean.
enum EvaluationTable {
    static func render(_ rows: [(name: String, outcomes: [RetrievalEvaluation.Outcome])]) -> String {
        var lines = ["| retriever | questions | P@10 | R@10 | nDCG@10 |", "|---|---|---:|---:|---:|"]
        for (name, all) in rows {
            // A question with no relevant record in this corpus measures nothing.
            let outcomes = all.filter { $0.relevant > 0 }
            let styles = Set(outcomes.map(\.question.style)).sorted()
            for style in styles {
                let chosen = outcomes.filter { $0.question.style == style }
                lines.append(line(name, "\(style.rawValue) (\(chosen.count))", RankingMetrics.mean(chosen.map(\.metrics))))
            }
            lines.append(line("**\(name)**", "**all (\(outcomes.count))**", RankingMetrics.mean(outcomes.map(\.metrics))))
        }
        return lines.joined(separator: "\n")
    }

    private static func line(_ name: String, _ questions: String, _ metrics: RankingMetrics) -> String {
        String(format: "| %@ | %@ | %.3f | %.3f | %.3f |", name, questions, metrics.precision, metrics.recall, metrics.ndcg)
    }
}
