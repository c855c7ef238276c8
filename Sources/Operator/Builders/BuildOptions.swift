import CRDs

/// Operator-wide settings that shape the children of every RAGPipeline.
public struct BuildOptions: Sendable, Equatable {
    /// The runtime image for pipelines that do not set `spec.image`.
    ///
    /// Defaults: ``RAGPipelineDefaults/runtimeImage``. The operator sets it from its own configuration
    /// so that an operator upgrade can roll pipelines onto the matching runtime.
    public var runtimeImage: String
    /// The namespace for pipelines read without one (`rag-operator render` of a bare manifest).
    ///
    /// Defaults: `default`, as kubectl does.
    public var defaultNamespace: String
    /// Where the cluster DNS runs, for the DNS egress NetworkPolicy.
    ///
    /// Defaults: `kube-system` with pods labelled `k8s-app: kube-dns` (CoreDNS on EKS).
    public var dnsNamespace: String
    public var dnsPodLabels: [String: String]
    /// A regular expression every Pod Identity role ARN a pipeline uses must match in full
    /// (`--allowed-role-arns`), so editing a RAGPipeline cannot hand its pods any role in the account.
    ///
    /// Defaults: `nil`, any role (AWS still requires `iam:PassRole` on it for the operator).
    public var allowedRoleARNs: String?

    public init(
        runtimeImage: String = RAGPipelineDefaults.runtimeImage, defaultNamespace: String = "default",
        dnsNamespace: String = "kube-system", dnsPodLabels: [String: String] = ["k8s-app": "kube-dns"]
    ) {
        self.runtimeImage = runtimeImage
        self.defaultNamespace = defaultNamespace
        self.dnsNamespace = dnsNamespace
        self.dnsPodLabels = dnsPodLabels
    }
}
