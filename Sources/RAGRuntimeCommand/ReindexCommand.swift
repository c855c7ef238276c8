import ArgumentParser
import Foundation
import Logging
import Observability
import Retrieval
import RuntimeContract

/// `rag-runtime reindex`: re-embeds the embedded store's records with the configured embedder
/// (`EMBEDDER`, default `local`), for a store another embedder built. Stop the process that owns the
/// store first.
struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Re-embed the embedded store's records with the configured embedder (EMBEDDER, default local); stop the store's owner first.")

    @Option(name: .customLong("data-dir"), help: "The store's directory (default: DATA_DIR, else .rag-data, the directory of `local`).")
    var dataDirectory: String?

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        if environment[RuntimeVariable.logFormat.name] == nil { environment[RuntimeVariable.logFormat.name] = "text" }
        let configuration = try RuntimeConfiguration(environment: environment)
        _ = Observability.bootstrap(logFormat: configuration.logFormat, logLevel: configuration.logLevel)
        let path = dataDirectory ?? environment[RuntimeVariable.dataDirectory.name].flatMap { $0.isEmpty ? nil : $0 } ?? LocalCommand.defaultDataDirectory
        let embedder = try configuration.makeEmbedder()
        let started = ContinuousClock.now
        let summary = try await EmbeddedVectorStore.reindex(in: URL(filePath: path, directoryHint: .isDirectory), with: embedder) { done, total in
            if done == total || done % 2_048 < 256 { print("re-embedded \(done) of \(total) records") }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let previous = summary.previous.map(\.description) ?? "an unrecorded embedder"
        print("reindexed \(summary.records) records in \(path): \(previous) -> \(summary.current) in \(String(format: "%.1f", seconds)) s")
    }
}
