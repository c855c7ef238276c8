/// A status condition as the Kubernetes API conventions define it (`metav1.Condition`).
///
/// `kubectl wait --for=condition=Ready` and Argo CD read `type` and `status`; `observedGeneration`
/// tells them whether the condition describes the current spec.
public struct Condition: Codable, Sendable, Equatable {
    public var type: String
    /// `"True"`, `"False"` or `"Unknown"`.
    public var status: String
    public var observedGeneration: Int64?
    public var lastTransitionTime: Timestamp?
    /// A CamelCase, machine-readable reason.
    public var reason: String?
    public var message: String?

    public init(type: String, status: String, reason: String? = nil, message: String? = nil, observedGeneration: Int64? = nil, lastTransitionTime: Timestamp? = nil) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
    }
}

extension Array where Element == Condition {
    /// The condition of a type, if present.
    public subscript(type type: String) -> Condition? {
        first { $0.type == type }
    }

    /// Sets a condition, keeping `lastTransitionTime` unless the status changed (the API conventions' rule).
    public mutating func set(_ condition: Condition) {
        if let index = firstIndex(where: { $0.type == condition.type }) {
            var updated = condition
            if self[index].status == condition.status { updated.lastTransitionTime = self[index].lastTransitionTime }
            self[index] = updated
        } else {
            append(condition)
        }
    }
}
