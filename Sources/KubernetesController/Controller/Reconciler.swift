import KubernetesClient
import KubernetesCore
import Logging

/// Brings the world in line with one object. Level-based: it gets the object as it is now (from the
/// cache) and must be idempotent; it never sees the event that triggered it.
public protocol Reconciler: Sendable {
    associatedtype Resource: KubernetesResource
    /// Reconciles one object.
    ///
    /// - Returns: ``ReconcileAction/done`` to wait for the next change, or a requeue.
    /// - Throws: ``TerminalError`` for failures retrying cannot fix (logged and counted, not retried);
    ///   any other error retries with the queue's per-key exponential backoff.
    func reconcile(_ object: Resource, context: ReconcileContext) async throws -> ReconcileAction
}

/// What a successful reconcile asks for next.
public enum ReconcileAction: Sendable, Equatable {
    /// Nothing until the object (or something it watches) changes.
    case done
    /// Reconcile again after this delay, even if nothing changes (periodic resync).
    case requeue(after: Duration)
}

/// A failure that retrying cannot fix: recorded, not retried.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What a reconcile knows besides the object: its key, a logger tagged with the key and a reconcile id.
public struct ReconcileContext: Sendable {
    public var key: ObjectKey
    public var logger: Logger
    public var reconcileID: String
    /// How many times in a row this key failed before this attempt.
    public var previousFailures: Int
}
