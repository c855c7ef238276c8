/// The `Status` object the API server returns with every failure (and with some successes, such as deletes).
public struct Status: Codable, Sendable, Equatable, Error, CustomStringConvertible {
    public var status: String?
    public var message: String?
    /// A machine-readable reason: `NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, `Gone`, `Expired`, ...
    public var reason: String?
    public var details: Details?
    public var code: Int?
    public var metadata: ListMeta?

    public init(status: String? = "Failure", message: String? = nil, reason: String? = nil, code: Int? = nil, details: Details? = nil) {
        self.status = status
        self.message = message
        self.reason = reason
        self.code = code
        self.details = details
    }

    /// What a failure was about; `causes` list field-level problems (validation, apply conflicts).
    public struct Details: Codable, Sendable, Equatable {
        public var name: String?
        public var group: String?
        public var kind: String?
        public var uid: String?
        public var causes: [Cause]?
        public var retryAfterSeconds: Int?

        public init(name: String? = nil, group: String? = nil, kind: String? = nil, causes: [Cause]? = nil, retryAfterSeconds: Int? = nil) {
            self.name = name
            self.group = group
            self.kind = kind
            self.causes = causes
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    public struct Cause: Codable, Sendable, Equatable {
        public var reason: String?
        public var message: String?
        public var field: String?

        public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
            self.reason = reason
            self.message = message
            self.field = field
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var meta = encoder.container(keyedBy: TypeMetaKeys.self)
        try meta.encode("v1", forKey: .apiVersion)
        try meta.encode("Status", forKey: .kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata ?? ListMeta(), forKey: .metadata)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(details, forKey: .details)
        try container.encodeIfPresent(code, forKey: .code)
    }

    public var description: String {
        "\(code.map(String.init) ?? "?") \(reason ?? "Unknown"): \(message ?? "")"
    }
}
