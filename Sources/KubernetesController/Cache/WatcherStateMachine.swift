import KubernetesClient
import KubernetesCore

/// The list-then-watch cycle of a reflector, as a state machine (kube-rs watcher, client-go reflector).
///
/// ## Recovery
/// - A watch that ends normally (server timeout) resumes from the last seen resourceVersion, without delay.
/// - A `410 Gone`/`Expired` (as an ERROR event or a failed request) means the version was compacted: re-list.
/// - Other failures back off exponentially with jitter, then retry the same step; a success resets the backoff.
/// - BOOKMARK events only advance the resourceVersion.
public struct WatcherStateMachine: Sendable {
    public enum State: Sendable, Equatable {
        case needsList
        case watching(resourceVersion: String)
    }

    /// What the owner should do next.
    public enum Action: Sendable, Equatable {
        case list
        case watch(from: String)
        case wait(Duration)
    }

    /// What to do with one watch event.
    public enum EventOutcome<Object: Sendable>: Sendable {
        case applied(Object)
        case deleted(Object)
        case bookmark
        case relist(reason: String)
    }

    public private(set) var state: State = .needsList
    public private(set) var consecutiveFailures = 0
    private var pendingDelay: Duration?
    let backoff: ExponentialBackoff

    public init(backoff: ExponentialBackoff = .watcher) { self.backoff = backoff }

    public mutating func nextAction() -> Action {
        if let delay = pendingDelay {
            pendingDelay = nil
            return .wait(delay)
        }
        switch state {
        case .needsList: return .list
        case .watching(let version): return .watch(from: version)
        }
    }

    public mutating func listSucceeded(resourceVersion: String) {
        consecutiveFailures = 0
        state = resourceVersion.isEmpty ? .needsList : .watching(resourceVersion: resourceVersion)
    }

    public mutating func eventReceived<Object: MetadataCarrying>(_ event: WatchEvent<Object>) -> EventOutcome<Object> {
        consecutiveFailures = 0
        switch event {
        case .added(let object), .modified(let object):
            advance(to: object.metadata.resourceVersion)
            return .applied(object)
        case .deleted(let object):
            advance(to: object.metadata.resourceVersion)
            return .deleted(object)
        case .bookmark(let version):
            advance(to: version)
            return .bookmark
        case .error(let status):
            if status.code == 410 {
                state = .needsList
                return .relist(reason: status.message ?? "resource version expired")
            }
            // Other ERROR events end this watch; retry it after a backoff.
            failed()
            return .relist(reason: status.message ?? "watch error \(status.code ?? 0)")
        }
    }

    /// The watch stream ended without error (normal at the server's timeout): watch again from where it stopped.
    public mutating func watchEnded() {}

    /// A list or watch request failed.
    public mutating func requestFailed(_ error: KubernetesClientError, random: Double = 1) {
        if error.isGone { state = .needsList }
        failed(random: random)
    }

    private mutating func failed(random: Double = 1) {
        consecutiveFailures += 1
        pendingDelay = backoff.delay(afterFailures: consecutiveFailures, random: random)
    }

    private mutating func advance(to version: String?) {
        guard let version, !version.isEmpty else { return }
        state = .watching(resourceVersion: version)
    }
}
