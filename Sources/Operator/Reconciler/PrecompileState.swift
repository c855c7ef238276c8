import CRDs
import KubernetesCore

/// Where the pre-compilation Job for vLLM's current artifact key stands, read from the cached Job. Pure.
///
/// Drives three things: the vLLM Deployment is held (not applied) until the Job succeeded, the
/// startup probe is short once it has, and the `CompiledArtifactsReady` condition.
///
/// ```swift
/// PrecompileState(requested: true, job: "rag-compile-1a2b3c4d", live: nil)   // .compiling
/// ```
enum PrecompileState: Equatable {
    /// `compileCache.precompile` is off: no Job, no condition, nothing held.
    case notRequested
    /// The Job is not created yet, or runs.
    case compiling(job: String)
    /// The Job finished successfully: the artifacts for the key are in the cache.
    case succeeded(job: String)
    /// The Job failed (retries and deadline used up); `message` is the Job's own.
    case failed(job: String, message: String)

    /// - Parameters:
    ///   - requested: whether the spec asks for pre-compilation.
    ///   - job: the Job's name for the current key.
    ///   - live: the cached Job, if any.
    init(requested: Bool, job: String?, live: JSONValue?) {
        guard requested, let job else {
            self = .notRequested
            return
        }
        guard let live else {
            self = .compiling(job: job)
            return
        }
        let status: JobStatus?
        do {
            status = try live.decode(Job.self).status
        } catch {
            self = .failed(job: job, message: "the cached Job does not decode: \(error)")
            return
        }
        let conditions = status?.conditions ?? []
        if conditions[type: "Complete"]?.status == "True" || (status?.succeeded ?? 0) > 0 {
            self = .succeeded(job: job)
        } else if let failed = conditions[type: "Failed"], failed.status == "True" {
            self = .failed(job: job, message: failed.message ?? failed.reason ?? "the Job failed")
        } else {
            self = .compiling(job: job)
        }
    }

    /// Whether vLLM loads compiled artifacts instead of compiling.
    var artifactsReady: Bool {
        if case .succeeded = self { return true }
        return false
    }

    /// Whether the vLLM Deployment must wait: pre-compilation asked for and not yet done.
    var holdsDeployment: Bool {
        switch self {
        case .notRequested, .succeeded: false
        case .compiling, .failed: true
        }
    }

    /// The `CompiledArtifactsReady` condition's status, reason and message; `nil` without pre-compilation.
    func condition(key: String) -> (ready: Bool, reason: String, message: String)? {
        switch self {
        case .notRequested:
            nil
        case .compiling(let job):
            (false, "Compiling", "Job \(job) is compiling \(key); vLLM rolls to it when the Job succeeds")
        case .succeeded(let job):
            (true, "Compiled", "Job \(job) compiled \(key)")
        case .failed(let job, let message):
            (false, "CompileFailed", "Job \(job) failed to compile \(key): \(message). vLLM stays on its previous configuration; fix the spec, or delete the Job to retry")
        }
    }
}
