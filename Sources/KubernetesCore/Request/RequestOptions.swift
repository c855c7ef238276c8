/// Options of list and watch requests.
///
/// Defaults: everything unset, so the server's defaults apply (no limit, latest resourceVersion).
public struct ListOptions: Sendable, Equatable {
    public var labelSelector: String?
    public var fieldSelector: String?
    public var resourceVersion: String?
    /// `NotOlderThan` or `Exact`, with `resourceVersion`.
    public var resourceVersionMatch: String?
    public var allowWatchBookmarks: Bool?
    /// Server-side watch timeout. The client's idle timeout should be a little above it.
    public var timeoutSeconds: Int?
    public var limit: Int?
    public var `continue`: String?

    public init(
        labelSelector: String? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
        resourceVersionMatch: String? = nil, allowWatchBookmarks: Bool? = nil, timeoutSeconds: Int? = nil,
        limit: Int? = nil, continue: String? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.resourceVersionMatch = resourceVersionMatch
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
        self.limit = limit
        self.continue = `continue`
    }

    var queryItems: QueryItems {
        var query: QueryItems = []
        query.append("labelSelector", labelSelector)
        query.append("fieldSelector", fieldSelector)
        query.append("resourceVersion", resourceVersion)
        query.append("resourceVersionMatch", resourceVersionMatch)
        query.append("allowWatchBookmarks", allowWatchBookmarks.map(String.init))
        query.append("timeoutSeconds", timeoutSeconds.map(String.init))
        query.append("limit", limit.map(String.init))
        query.append("continue", `continue`)
        return query
    }
}

/// Options of a server-side apply.
public struct ApplyOptions: Sendable, Equatable {
    /// Who owns the applied fields. Required by the API server for apply.
    public var fieldManager: String
    /// Take ownership of fields another manager owns instead of failing with a conflict.
    public var force: Bool
    public var dryRun: Bool

    public init(fieldManager: String, force: Bool = false, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.force = force
        self.dryRun = dryRun
    }

    var queryItems: QueryItems {
        var query: QueryItems = [("fieldManager", fieldManager)]
        if force { query.append("force", "true") }
        if dryRun { query.append("dryRun", "All") }
        return query
    }
}

/// Options of a delete.
public struct DeleteOptions: Codable, Sendable, Equatable {
    /// `Orphan`, `Background` or `Foreground`.
    public var propagationPolicy: String?
    public var gracePeriodSeconds: Int64?
    public var preconditions: Preconditions?

    /// The delete only happens if the object still has this uid and/or resourceVersion.
    public struct Preconditions: Codable, Sendable, Equatable {
        public var uid: String?
        public var resourceVersion: String?

        public init(uid: String? = nil, resourceVersion: String? = nil) {
            self.uid = uid
            self.resourceVersion = resourceVersion
        }
    }

    public init(propagationPolicy: String? = nil, gracePeriodSeconds: Int64? = nil, preconditions: Preconditions? = nil) {
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
        self.preconditions = preconditions
    }

    public static let background = DeleteOptions(propagationPolicy: "Background")
    public static let foreground = DeleteOptions(propagationPolicy: "Foreground")
    public static let orphan = DeleteOptions(propagationPolicy: "Orphan")

    public func encode(to encoder: any Encoder) throws {
        var meta = encoder.container(keyedBy: TypeMetaKeys.self)
        try meta.encode("v1", forKey: .apiVersion)
        try meta.encode("DeleteOptions", forKey: .kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(propagationPolicy, forKey: .propagationPolicy)
        try container.encodeIfPresent(gracePeriodSeconds, forKey: .gracePeriodSeconds)
        try container.encodeIfPresent(preconditions, forKey: .preconditions)
    }
}

/// The patch formats the API server accepts, with their content types.
public enum PatchType: String, Sendable {
    case json = "application/json-patch+json"
    case merge = "application/merge-patch+json"
    case strategicMerge = "application/strategic-merge-patch+json"
    case apply = "application/apply-patch+yaml"
}
