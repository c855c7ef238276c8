/// Group, version, kind, plural and scope of a resource: enough to build every URL for it.
public struct ResourceDescriptor: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String
    public var plural: String
    public var namespaced: Bool

    public init(group: String, version: String, kind: String, plural: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.namespaced = namespaced
    }

    /// Builds a descriptor from an `apiVersion` such as `apps/v1` or `v1`.
    public init(apiVersion: String, kind: String, plural: String, namespaced: Bool) {
        let (group, version) = ResourceDescriptor.split(apiVersion: apiVersion)
        self.init(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced)
    }

    /// `group/version`, or `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `/api/v1` for the core group, `/apis/<group>/<version>` otherwise.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The URL path of a collection or an object, optionally of one of its subresources.
    public func path(namespace: String? = nil, name: String? = nil, subresource: String? = nil) -> String {
        var path = groupVersionPath
        if namespaced, let namespace { path += "/namespaces/\(namespace)" }
        path += "/\(plural)"
        if let name {
            path += "/\(name)"
            if let subresource { path += "/\(subresource)" }
        }
        return path
    }

    public var description: String { group.isEmpty ? "\(plural).\(version)" : "\(plural).\(version).\(group)" }

    /// Splits `apps/v1` into `("apps", "v1")` and `v1` into `("", "v1")`.
    public static func split(apiVersion: String) -> (group: String, version: String) {
        if let slash = apiVersion.lastIndex(of: "/") {
            return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
        }
        return ("", apiVersion)
    }
}
