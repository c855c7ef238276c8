import Foundation
import Logging
import Metrics
import Prometheus

/// Process-wide logging and metrics set-up, done once in `main` (never in libraries).
///
/// Logs go to stderr as text or one JSON object per line; metrics go to a Prometheus registry that
/// ``OperationalServer`` serves on `/metrics`.
public enum Observability {
    /// Log line format.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    /// Bootstraps logging and metrics and returns the registry to serve. Call exactly once.
    public static func bootstrap(logFormat: LogFormat, logLevel: Logger.Level) -> PrometheusCollectorRegistry {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler
            switch logFormat {
            case .text: handler = StreamLogHandler.standardError(label: label)
            case .json: handler = JSONLogHandler(label: label)
            }
            handler.logLevel = logLevel
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}
