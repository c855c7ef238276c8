/// `batch/v1` Job: Pods that run to completion (the vLLM pre-compilation).
///
/// The Pod template of a Job cannot change after creation, so the operator names a Job after what
/// it does and creates it once.
public struct Job: NamespacedResource, Equatable {
    public static let apiVersion = "batch/v1", kind = "Job", plural = "jobs"
    public var metadata: ObjectMeta
    public var spec: Spec?
    public var status: JobStatus?

    public init(metadata: ObjectMeta, spec: Spec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public struct Spec: Codable, Sendable, Equatable {
        public var template: PodTemplateSpec
        /// Retries before the Job fails (the API server's default is 6).
        public var backoffLimit: Int?
        /// How long the Job may run, retries included, before it fails.
        public var activeDeadlineSeconds: Int?
        /// Seconds after finishing before the Job is deleted; `nil` keeps it.
        public var ttlSecondsAfterFinished: Int?

        public init(template: PodTemplateSpec, backoffLimit: Int? = nil, activeDeadlineSeconds: Int? = nil) {
            self.template = template
            self.backoffLimit = backoffLimit
            self.activeDeadlineSeconds = activeDeadlineSeconds
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}

/// What a Job's Pods did.
public struct JobStatus: Codable, Sendable, Equatable {
    public var active: Int?
    public var succeeded: Int?
    public var failed: Int?
    /// `Complete`, `Failed`, `SuccessCriteriaMet`, `FailureTarget`, `Suspended`.
    public var conditions: [Condition]?

    public init(active: Int? = nil, succeeded: Int? = nil, failed: Int? = nil, conditions: [Condition]? = nil) {
        self.active = active
        self.succeeded = succeeded
        self.failed = failed
        self.conditions = conditions
    }
}
