import ArgumentParser
import Foundation

/// `swift build -c release --product rag-operator && swift run -c release operator-scale-benchmark`:
/// what the operator costs at fleet scale.
///
/// N pipelines exist in an in-memory API server served over loopback HTTPS (HTTP/2, bearer token),
/// with a simulated kubelet making Deployments available. The real `rag-operator run` binary starts
/// as its own process and reconciles them; the benchmark reads the API server's request log (the
/// operator's requests by their User-Agent), the operator's `/metrics` and its `/proc` entries.
///
/// Per run it prints: seconds until every pipeline is Ready (and p50/p99 of each pipeline's time to
/// Ready), requests and writes per pipeline and per child to converge, writes during the steady
/// state (resyncs included: must be 0), the same for a rollout that changes every pipeline's spec,
/// reconcile latency p50/p99 (the operator's histogram), peak RSS and CPU seconds.
@main
struct OperatorScaleBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "operator-scale-benchmark", abstract: "What the operator costs at fleet scale.")

    @Option(help: "Pipeline counts, comma-separated.") var pipelines = "100,1000"
    @Option(help: "Concurrent reconciles (--concurrency), comma-separated.") var workers = "1,2,4"
    @Option(help: "Seconds of steady state measured after every pipeline is Ready.") var steadySeconds = 60
    @Option(help: "The operator's --sync-period in seconds; shorter than the steady state so resyncs happen inside it.") var syncPeriod = 20
    @Option(help: "Milliseconds the simulated kubelet takes to make a Deployment available.") var kubeletDelay = 200
    @Option(help: "Seconds a phase may take before the run fails.") var timeout = 900
    @Option(help: "The rag-operator executable (default: beside this benchmark's).") var operatorPath: String?

    func run() async throws {
        let counts = try Self.integers(pipelines, "--pipelines")
        let workerCounts = try Self.integers(workers, "--workers")
        let executable = operatorPath.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rag-operator")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ValidationError("no rag-operator at \(executable.path): build it first (swift build -c release --product rag-operator) or pass --operator-path")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("operator-scale-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        print("operator: \(executable.path); logs in \(directory.path)")
        print("steady state \(steadySeconds) s with --sync-period \(syncPeriod) s; kubelet delay \(kubeletDelay) ms; \(ProcessInfo.processInfo.activeProcessorCount) cores\n")

        var results: [ScaleRun.Result] = []
        for count in counts {
            for workerCount in workerCounts {
                let run = ScaleRun(
                    pipelines: count, workers: workerCount, steadySeconds: steadySeconds, syncPeriod: syncPeriod, kubeletDelay: .milliseconds(kubeletDelay),
                    timeout: .seconds(timeout), operatorExecutable: executable, directory: directory)
                let result = try await run.run()
                results.append(result)
                Self.printDetail(result)
            }
        }
        Self.printTable(results)
    }

    static func integers(_ text: String, _ option: String) throws -> [Int] {
        try text.split(separator: ",").map {
            guard let value = Int($0.trimmingCharacters(in: .whitespaces)), value > 0 else { throw ValidationError("\(option): \($0) is not a positive number") }
            return value
        }
    }

    static func milliseconds(_ seconds: Double?) -> String {
        seconds.map { String(format: "%.0f", $0 * 1000) } ?? "-"
    }

    static func printDetail(_ r: ScaleRun.Result) {
        let n = Double(r.pipelines)
        let perChild = Double(r.start.requests.applies) / Double(max(r.children, 1))
        print("""
            \(r.pipelines) pipelines, \(r.workers) workers (\(r.children) children, \(String(format: "%.1f", Double(r.children) / n)) a pipeline; \
            their JSON \(String(format: "%.1f", Double(r.childJSONBytes) / 1_048_576)) MiB, of which managedFields \(String(format: "%.1f", Double(r.managedFieldsBytes) / 1_048_576)) MiB)
              cold start: all Ready in \(String(format: "%.1f", r.start.seconds)) s (each: p50 \(String(format: "%.1f", r.start.readyP50)) s, p99 \(String(format: "%.1f", r.start.readyP99)) s); \
            requests \(r.start.requests.total) (\(String(format: "%.1f", Double(r.start.requests.total) / n))/pipeline: \(r.start.requests.reads) reads, \(r.start.requests.watches) watches); \
            writes \(r.start.requests.writes): applies \(r.start.requests.applies) (\(String(format: "%.2f", perChild))/child), status \(r.start.requests.statusWrites), events \(r.start.requests.events); \
            reconcile p50 \(milliseconds(r.start.reconcile.quantile(0.5))) ms, p99 \(milliseconds(r.start.reconcile.quantile(0.99))) ms over \(Int(r.start.reconcile.count)) reconciles; \
            CPU: operator \(String(format: "%.1f", r.start.operatorCPU)) s, API server and kubelet \(String(format: "%.1f", r.start.apiServerCPU)) s
              steady state: \(r.steadyWrites) writes, \(r.steadyRequests) requests, \(Int(r.steadyReconciles)) reconciles
              rollout: all Ready in \(String(format: "%.1f", r.rollout.seconds)) s (each: p50 \(String(format: "%.1f", r.rollout.readyP50)) s, p99 \(String(format: "%.1f", r.rollout.readyP99)) s); \
            writes \(r.rollout.requests.writes) (\(String(format: "%.1f", Double(r.rollout.requests.writes) / n))/pipeline: applies \(r.rollout.requests.applies), status \(r.rollout.requests.statusWrites), events \(r.rollout.requests.events)); \
            reconcile p50 \(milliseconds(r.rollout.reconcile.quantile(0.5))) ms, p99 \(milliseconds(r.rollout.reconcile.quantile(0.99))) ms; \
            CPU: operator \(String(format: "%.1f", r.rollout.operatorCPU)) s, API server and kubelet \(String(format: "%.1f", r.rollout.apiServerCPU)) s
              operator process: peak RSS \(String(format: "%.1f", Double(r.peakRSS) / 1_048_576)) MiB (\(String(format: "%.1f", Double(r.finalRSS) / 1_048_576)) MiB at the end), CPU \(String(format: "%.1f", r.cpuSeconds)) s

            """)
    }

    static func printTable(_ results: [ScaleRun.Result]) {
        print("| pipelines | workers | Ready (s) | p50 / p99 to Ready (s) | applies per child | writes per pipeline | steady writes | rollout Ready (s) | rollout writes per pipeline | reconcile p50 / p99 (ms) | peak RSS (MiB) | CPU (s) |")
        print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---:|")
        for r in results {
            let n = Double(r.pipelines)
            print("| \(r.pipelines) | \(r.workers) | \(String(format: "%.1f", r.start.seconds)) | \(String(format: "%.1f / %.1f", r.start.readyP50, r.start.readyP99)) | \(String(format: "%.2f", Double(r.start.requests.applies) / Double(max(r.children, 1)))) | \(String(format: "%.1f", Double(r.start.requests.writes) / n)) | \(r.steadyWrites) | \(String(format: "%.1f", r.rollout.seconds)) | \(String(format: "%.1f", Double(r.rollout.requests.writes) / n)) | \(milliseconds(r.start.reconcile.quantile(0.5))) / \(milliseconds(r.start.reconcile.quantile(0.99))) | \(String(format: "%.1f", Double(r.peakRSS) / 1_048_576)) | \(String(format: "%.1f", r.cpuSeconds)) |")
        }
    }
}
