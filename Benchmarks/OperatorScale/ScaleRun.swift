import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Logging

/// One measurement: `pipelines` pipelines, the operator with `workers` concurrent reconciles, from a
/// cold start to Ready, through a steady state, and through a rollout of every pipeline.
struct ScaleRun {
    var pipelines: Int
    var workers: Int
    var steadySeconds: Int
    var syncPeriod: Int
    var kubeletDelay: Duration
    var timeout: Duration
    var operatorExecutable: URL
    var directory: URL

    /// What one phase cost.
    struct Phase {
        var seconds: Double
        /// CPU seconds in the phase: the operator's, and this process's (API server, TLS, kubelet).
        var operatorCPU = 0.0, apiServerCPU = 0.0
        var readyP50: Double, readyP99: Double
        var requests: RequestCounts
        var reconcile: ReconcileHistogram
    }

    struct Result {
        var pipelines: Int, workers: Int, children: Int, childJSONBytes: Int, managedFieldsBytes: Int
        var start: Phase, rollout: Phase
        var steadyWrites: Int, steadyRequests: Int, steadyReconciles: Double
        var peakRSS: Int, finalRSS: Int, cpuSeconds: Double
    }

    func run() async throws -> Result {
        let server = FakeAPIServer(historyLimit: 5_000_000)
        let fleet = Fleet(server: server, count: pipelines)
        try await fleet.create()
        let serving = try FakeServing.https()
        let kubeconfig = directory.appendingPathComponent("kubeconfig-\(pipelines)-\(workers)")
        var logger = Logger(label: "fake-apiserver")
        logger.logLevel = .critical
        let (ports, found) = AsyncStream<Int>.makeStream()
        let app = try server.application(serving: serving, logger: logger) { found.yield($0) }

        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { try await BookmarkTicker(server: server).run() }
            group.addTask { await SimulatedKubelet(client: server.client(), delay: kubeletDelay, interval: .milliseconds(100)).run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), let url = URL(string: "https://127.0.0.1:\(port)") else { throw BenchmarkError("the fake API server did not start") }
            try FakeEndpoint(url: url, serving: serving).kubeconfigYAML().write(to: kubeconfig, atomically: true, encoding: .utf8)

            await server.resetRequestLog()
            let benchmarkCPU = try OperatorProcess.cpuSeconds(of: "self")
            let started = ContinuousClock.now
            let operatorProcess = try OperatorProcess(
                executable: operatorExecutable, kubeconfig: kubeconfig, workers: workers, syncPeriod: syncPeriod,
                log: directory.appendingPathComponent("operator-\(pipelines)-\(workers).log"))
            do {
                let result = try await measure(fleet, server: server, operator: operatorProcess, started: started, benchmarkCPU: benchmarkCPU)
                await operatorProcess.stop()
                return result
            } catch {
                await operatorProcess.stop()
                throw BenchmarkError("\(error) (operator log: \(operatorProcess.log.path))")
            }
        }
    }

    func measure(_ fleet: Fleet, server: FakeAPIServer, operator process: OperatorProcess, started: ContinuousClock.Instant, benchmarkCPU: Double) async throws -> Result {
        // 1. Cold start: every pipeline exists before the operator does.
        let readyTimes = try await fleet.waitUntilReady(since: started, timeout: timeout)
        let startSeconds = Fleet.seconds(started.duration(to: .now))
        let (startOperatorCPU, startBenchmarkCPU) = (try process.cpuSeconds(), try OperatorProcess.cpuSeconds(of: "self"))
        let afterStart = try await waitForMetrics(port: process.metricsPort)
        var start = Phase(
            seconds: startSeconds, readyP50: Self.quantile(readyTimes, 0.5), readyP99: Self.quantile(readyTimes, 0.99),
            requests: RequestCounts(await server.requests), reconcile: afterStart)
        start.operatorCPU = startOperatorCPU
        start.apiServerCPU = startBenchmarkCPU - benchmarkCPU
        let children = try await fleet.children()

        // 2. Steady state: nothing changes; resyncs reconcile every pipeline, and must write nothing.
        await server.resetRequestLog()
        try await Task.sleep(for: .seconds(steadySeconds))
        let steady = RequestCounts(await server.requests)
        let afterSteady = try await ReconcileHistogram.scrape(port: process.metricsPort)

        // 3. A rollout: every pipeline's spec changes once.
        await server.resetRequestLog()
        let (rolloutOperatorCPU, rolloutBenchmarkCPU) = (try process.cpuSeconds(), try OperatorProcess.cpuSeconds(of: "self"))
        let rolloutStarted = ContinuousClock.now
        try await fleet.rollOut(1)
        let rolloutTimes = try await fleet.waitUntilReady(since: rolloutStarted, timeout: timeout)
        let rolloutSeconds = Fleet.seconds(rolloutStarted.duration(to: .now))
        let afterRollout = try await ReconcileHistogram.scrape(port: process.metricsPort)
        var rollout = Phase(
            seconds: rolloutSeconds, readyP50: Self.quantile(rolloutTimes, 0.5), readyP99: Self.quantile(rolloutTimes, 0.99),
            requests: RequestCounts(await server.requests), reconcile: afterRollout.since(afterSteady))
        rollout.operatorCPU = try process.cpuSeconds() - rolloutOperatorCPU
        rollout.apiServerCPU = try OperatorProcess.cpuSeconds(of: "self") - rolloutBenchmarkCPU

        return Result(
            pipelines: pipelines, workers: workers, children: children.count, childJSONBytes: children.jsonBytes, managedFieldsBytes: children.managedFieldsBytes, start: start, rollout: rollout,
            steadyWrites: steady.writes, steadyRequests: steady.total, steadyReconciles: afterSteady.since(afterStart).count,
            peakRSS: try process.peakRSS(), finalRSS: try process.rss(), cpuSeconds: try process.cpuSeconds())
    }

    /// The operator's histogram, once its operational server answers.
    func waitForMetrics(port: Int) async throws -> ReconcileHistogram {
        var lastError: any Error = BenchmarkError("no answer")
        for _ in 0..<50 {
            do { return try await ReconcileHistogram.scrape(port: port) } catch { lastError = error }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError("the operator's /metrics on port \(port) did not answer: \(lastError)")
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count, rank) - 1)]
    }
}

/// The operator's requests in a phase (its `User-Agent`; the kubelet and the benchmark are in-process).
struct RequestCounts {
    var total = 0, writes = 0, applies = 0, statusWrites = 0, events = 0, reads = 0, watches = 0

    init(_ records: [RequestRecord]) {
        for record in records where record.userAgent?.hasPrefix("rag-operator") ?? false {
            total += 1
            if record.method == .GET {
                if record.query["watch"] == "true" || record.query["watch"] == "1" { watches += 1 } else { reads += 1 }
                continue
            }
            writes += 1
            if record.path.contains("/events") {
                events += 1
            } else if record.path.hasSuffix("/status") {
                statusWrites += 1
            } else if record.contentType?.contains("apply-patch") ?? false {
                applies += 1
            }
        }
    }
}
