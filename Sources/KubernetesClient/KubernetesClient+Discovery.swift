import KubernetesCore

extension KubernetesClient {
    /// The resources a group-version serves, or `nil` when the server does not serve it (404), as for
    /// a CRD's group before the CRD is installed.
    ///
    /// ```swift
    /// let served = try await client.resources(in: "keda.sh/v1alpha1")?.serves("scaledobjects") ?? false
    /// ```
    ///
    /// - Throws: ``KubernetesClientError`` for any failure but 404.
    public func resources(in groupVersion: String) async throws(KubernetesClientError) -> APIResourceList? {
        do {
            return try await send(.resources(in: groupVersion), as: APIResourceList.self)
        } catch where error.isNotFound {
            return nil
        }
    }
}
