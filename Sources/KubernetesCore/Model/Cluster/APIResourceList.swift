/// Discovery's answer for one group-version (`GET /apis/keda.sh/v1alpha1`): the resources it serves.
///
/// ```swift
/// let request = KubernetesRequest.resources(in: "keda.sh/v1alpha1")
/// #expect(request.path == "/apis/keda.sh/v1alpha1")
/// ```
public struct APIResourceList: Codable, Sendable, Equatable {
    public var groupVersion: String
    public var resources: [APIResource]

    public init(groupVersion: String, resources: [APIResource]) {
        self.groupVersion = groupVersion
        self.resources = resources
    }

    /// One served resource (or subresource, such as `deployments/scale`).
    public struct APIResource: Codable, Sendable, Equatable {
        /// The plural, or `plural/subresource`.
        public var name: String
        public var kind: String
        public var namespaced: Bool
        public var verbs: [String]?

        public init(name: String, kind: String, namespaced: Bool, verbs: [String]? = nil) {
            self.name = name
            self.kind = kind
            self.namespaced = namespaced
            self.verbs = verbs
        }
    }

    /// Whether `plural` is among the served resources.
    public func serves(_ plural: String) -> Bool { resources.contains { $0.name == plural } }
}

extension KubernetesRequest {
    /// Discovery of one group-version: `/api/v1` for the core group, `/apis/<group>/<version>` otherwise.
    /// A `404` means the group-version is not served (no such CRD installed).
    public static func resources(in groupVersion: String) -> KubernetesRequest {
        let (group, version) = ResourceDescriptor.split(apiVersion: groupVersion)
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        return KubernetesRequest(method: .GET, path: path, headers: ["Accept": "application/json"])
    }
}
