/// A kubeconfig for a fake API server served over plain HTTP on loopback.
public enum FakeKubeconfig {
    /// The kubeconfig YAML with one cluster, user and context, all named `fake`.
    public static func yaml(server: String, namespace: String = "default") -> String {
        """
        apiVersion: v1
        kind: Config
        current-context: fake
        clusters:
        - name: fake
          cluster:
            server: \(server)
        users:
        - name: fake
          user:
            token: fake-token
        contexts:
        - name: fake
          context:
            cluster: fake
            user: fake
            namespace: \(namespace)

        """
    }
}
