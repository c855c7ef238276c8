import KubernetesClient
import KubernetesController
import KubernetesCore
import KubernetesTesting
import Logging
import Metrics
import MetricsTestKit
import Testing

/// Fails the first attempt for each object, then succeeds.
struct FlakyReconciler: Reconciler {
    func reconcile(_ object: ConfigMap, context: ReconcileContext) async throws -> ReconcileAction {
        if context.previousFailures == 0 { throw TerminalFlake() }
        return .done
    }
    struct TerminalFlake: Error {}
}

@Suite struct ControllerMetricsTests {
    @Test func reconcilesAreCountedByResultUnderControllerRuntimeNames() async throws {
        let metrics = TestMetrics()
        let server = FakeAPIServer()
        _ = try await server.client().create(ConfigMap(metadata: ObjectMeta(name: "a", namespace: "default")))
        try await withMetricsFactory(metrics) {
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let controller = Controller(name: "flaky", client: server.client(), reconciler: FlakyReconciler(), logger: logger,
                                        backoff: ExponentialBackoff(base: .milliseconds(5), cap: .milliseconds(50)))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await controller.run() }
                let deadline = ContinuousClock.now + .seconds(10)
                while controller.reconcileCount < 2 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                group.cancelAll()
            }
        }
        let errors = try metrics.expectCounter("controller_runtime_reconcile_total", [("controller", "flaky"), ("result", "error")])
        let successes = try metrics.expectCounter("controller_runtime_reconcile_total", [("controller", "flaky"), ("result", "success")])
        #expect(errors.values.reduce(0, +) == 1)
        #expect(successes.values.reduce(0, +) == 1)
        #expect(try metrics.expectCounter("controller_runtime_reconcile_errors_total", [("controller", "flaky")]).values.reduce(0, +) == 1)
        #expect(try metrics.expectCounter("workqueue_retries_total", [("name", "flaky")]).values.reduce(0, +) == 1)
        #expect(try metrics.expectTimer("controller_runtime_reconcile_time_seconds", [("controller", "flaky")]).values.count == 2)
    }
}
