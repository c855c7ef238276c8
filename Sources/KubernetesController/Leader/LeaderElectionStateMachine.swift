import Foundation
import KubernetesCore

/// Decides, from the Lease as last read, whether to acquire, renew or wait (client-go's leader election).
///
/// Expiry is judged by *local* observation time, not the holder's `renewTime`, so clock skew between
/// instances cannot cause two leaders: a lease is free only when its record has not changed for a
/// whole `leaseDuration` as seen by this instance.
public struct LeaderElectionStateMachine: Sendable {
    public let identity: String
    public let leaseDuration: TimeInterval
    private var observedRecord: String?
    private var observedAt: Date?

    public init(identity: String, leaseDuration: TimeInterval) {
        self.identity = identity
        self.leaseDuration = leaseDuration
    }

    public enum Decision: Sendable, Equatable {
        /// Take the lease; `transition` says whether the holder changes.
        case acquire(transition: Bool)
        case renew
        /// Someone else holds a live lease.
        case follow(holder: String)
    }

    public mutating func decide(_ lease: Lease.Spec?, now: Date) -> Decision {
        let holder = lease?.holderIdentity ?? ""
        let record = "\(holder)|\(lease?.renewTime?.description ?? "")|\(lease?.leaseTransitions ?? 0)"
        if record != observedRecord {
            observedRecord = record
            observedAt = now
        }
        if holder.isEmpty { return .acquire(transition: true) }
        if holder == identity { return .renew }
        let duration = TimeInterval(lease?.leaseDurationSeconds ?? Int(leaseDuration))
        if let observedAt, now.timeIntervalSince(observedAt) > duration { return .acquire(transition: true) }
        return .follow(holder: holder)
    }

    /// The Lease spec to write when acquiring or renewing.
    public func spec(for decision: Decision, current: Lease.Spec?, now: Date) -> Lease.Spec {
        var spec = current ?? Lease.Spec()
        let stamp = Timestamp(now, microseconds: true)
        switch decision {
        case .acquire(let transition):
            if transition && !(spec.holderIdentity ?? "").isEmpty { spec.leaseTransitions = (spec.leaseTransitions ?? 0) + 1 }
            spec.holderIdentity = identity
            spec.acquireTime = stamp
        case .renew, .follow:
            break
        }
        spec.renewTime = stamp
        spec.leaseDurationSeconds = Int(leaseDuration)
        return spec
    }
}
