import Metrics

/// The controller-runtime metric names, so existing dashboards and alerts work unchanged.
struct ControllerMetrics: Sendable {
    let controller: String

    func reconciled(_ result: String) {
        Counter(label: "controller_runtime_reconcile_total", dimensions: [("controller", controller), ("result", result)]).increment()
    }

    func failed(terminal: Bool) {
        Counter(label: "controller_runtime_reconcile_errors_total", dimensions: [("controller", controller)]).increment()
        if terminal {
            Counter(label: "controller_runtime_terminal_reconcile_errors_total", dimensions: [("controller", controller)]).increment()
        }
    }

    func duration(_ nanoseconds: Int64) {
        Metrics.Timer(label: "controller_runtime_reconcile_time_seconds", dimensions: [("controller", controller)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(nanoseconds)
    }

    func activeWorkers(_ count: Int) {
        Gauge(label: "controller_runtime_active_workers", dimensions: [("controller", controller)]).record(count)
    }
}
