/// The workloads of a pipeline. Raw values are the `app.kubernetes.io/component` label and the
/// suffix of child names (`<pipeline>-backend`).
public enum PipelineComponent: String, Sendable, CaseIterable, Comparable {
    case backend, ui, consumer, producer, vllm

    /// The `app.kubernetes.io/name` label: the application the Pods run.
    public var applicationName: String { self == .vllm ? "vllm" : "rag-runtime" }

    /// The component name used for objects shared by every component (default-deny and DNS policies).
    public static let shared = "pipeline"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
