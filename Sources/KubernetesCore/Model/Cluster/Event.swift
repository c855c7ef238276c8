/// `events.k8s.io/v1` Event.
public struct Event: NamespacedResource, Equatable {
    public static let apiVersion = "events.k8s.io/v1", kind = "Event", plural = "events"
    public var metadata: ObjectMeta
    /// MicroTime of the first occurrence. Required.
    public var eventTime: Timestamp
    /// `Normal` or `Warning`.
    public var type: String?
    public var reason: String?
    public var note: String?
    public var action: String?
    public var regarding: ObjectReference?
    public var related: ObjectReference?
    public var reportingController: String?
    public var reportingInstance: String?
    public var series: Series?

    public struct Series: Codable, Sendable, Equatable {
        public var count: Int
        public var lastObservedTime: Timestamp
        public init(count: Int, lastObservedTime: Timestamp) {
            self.count = count
            self.lastObservedTime = lastObservedTime
        }
    }

    public init(metadata: ObjectMeta, eventTime: Timestamp) {
        self.metadata = metadata
        self.eventTime = eventTime
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(eventTime, forKey: .eventTime)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(action, forKey: .action)
        try container.encodeIfPresent(regarding, forKey: .regarding)
        try container.encodeIfPresent(related, forKey: .related)
        try container.encodeIfPresent(reportingController, forKey: .reportingController)
        try container.encodeIfPresent(reportingInstance, forKey: .reportingInstance)
        try container.encodeIfPresent(series, forKey: .series)
    }
}

/// A reference to any object (`core/v1` ObjectReference).
public struct ObjectReference: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(apiVersion: String? = nil, kind: String? = nil, namespace: String? = nil, name: String? = nil, uid: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
    }
}
