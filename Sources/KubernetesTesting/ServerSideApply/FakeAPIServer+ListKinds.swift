import KubernetesCore

extension FakeAPIServer {
    func listKinds(for resource: ServedResource) -> ListKinds {
        resource.schema.map(ListKinds.schema) ?? .builtIn
    }
}
