import CRDs
import KubernetesCore

/// NetworkPolicies for a pipeline (unless `networkPolicy.enabled: false`): deny all ingress and
/// egress for every Pod with the pipeline's `app.kubernetes.io/instance` and `part-of` labels, then
/// allow exactly:
///
/// - DNS: every Pod to the cluster DNS Pods in `kube-system`, UDP and TCP 53.
/// - UI → backend on 8080 (the query API); backend → vLLM on 8000 (operator-managed vLLM).
/// - Load balancer → UI on 8080 when the Ingress is enabled. With ALB `target-type: ip` the
///   traffic comes from the ALB's VPC addresses, which no Pod or namespace selector matches, so
///   the rule admits `0.0.0.0/0` and `::/0` (and Pods in any namespace, for in-cluster ingress controllers)
///   on the UI port only.
/// - Components that call AWS (backend with Bedrock or OpenSearch, consumer, producer): the EKS Pod
///   Identity agent `169.254.170.23/32` (`fd00:ec2::23/128` on IPv6 clusters) TCP 80, and HTTPS 443
///   to every address but the link-local ranges (AWS public endpoints have no fixed CIDR; use VPC
///   endpoints and your own policies to narrow it).
/// - Consumer → backend's internal listener on 8081 with the embedded store (it indexes through the
///   backend, with the ingest token); nothing else may reach that port.
/// - Backend/consumer → an external LLM or embeddings URL on that URL's port (any address but
///   link-local, any namespace).
/// - vLLM → HTTPS 443 (model download from Hugging Face), link-local excluded.
///
/// Egress never admits 169.254.0.0/16 or fe80::/10 except the Pod Identity agent's own address, so
/// instance metadata (169.254.169.254) stays out of reach even for a URL on port 80.
///
/// Not allowed: Prometheus scraping and anything else; add your own policies for those.
public enum NetworkPolicyBuilder {
    /// The EKS Pod Identity agent's link-local address.
    public static let podIdentityAgentCIDR = "169.254.170.23/32"
    /// The agent's address on IPv6 clusters.
    public static let podIdentityAgentIPv6CIDR = "fd00:ec2::23/128"
    /// IPv4 link-local, instance metadata included: excluded from every egress rule to "anywhere".
    public static let linkLocalIPv4 = "169.254.0.0/16"
    /// IPv6 link-local.
    public static let linkLocalIPv6 = "fe80::/10"

    /// Whether the pipeline gets NetworkPolicies.
    public static func isEnabled(_ context: BuildContext) -> Bool {
        context.spec.networkPolicy?.enabled ?? RAGPipelineDefaults.networkPolicyEnabled
    }

    /// Every policy, default deny first; `[]` when disabled.
    public static func policies(_ context: BuildContext) -> [NetworkPolicy] {
        guard isEnabled(context) else { return [] }
        var policies = [defaultDeny(context), allowDNS(context)]
        for component in PipelineComponent.allCases where DesiredState.runs(component, context) {
            let rules = NetworkPolicyRules(context: context, component: component)
            let ingress = rules.ingress, egress = rules.egress
            guard !ingress.isEmpty || !egress.isEmpty else { continue }
            let types = (ingress.isEmpty ? [] : ["Ingress"]) + (egress.isEmpty ? [] : ["Egress"])
            let spec = NetworkPolicySpec(
                podSelector: LabelSelector(matchLabels: context.selectorLabels(component)), policyTypes: types,
                ingress: ingress.isEmpty ? nil : ingress, egress: egress.isEmpty ? nil : egress)
            policies.append(NetworkPolicy(metadata: context.metadata(context.childName(component), component: component), spec: spec))
        }
        return policies
    }

    /// `<pipeline>-default-deny`: no ingress and no egress for any of the pipeline's Pods.
    public static func defaultDeny(_ context: BuildContext) -> NetworkPolicy {
        NetworkPolicy(
            metadata: context.metadata(context.childName("default-deny"), component: nil),
            spec: NetworkPolicySpec(podSelector: LabelSelector(matchLabels: context.pipelineSelectorLabels), policyTypes: ["Ingress", "Egress"]))
    }

    /// `<pipeline>-allow-dns`: UDP and TCP 53 to the cluster DNS.
    public static func allowDNS(_ context: BuildContext) -> NetworkPolicy {
        let dns = NetworkPolicySpec.Peer(
            podSelector: LabelSelector(matchLabels: context.options.dnsPodLabels),
            namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": context.options.dnsNamespace]))
        let rule = NetworkPolicySpec.Rule(to: [dns], ports: [.init(protocol: "UDP", port: 53), .init(protocol: "TCP", port: 53)])
        return NetworkPolicy(
            metadata: context.metadata(context.childName("allow-dns"), component: nil),
            spec: NetworkPolicySpec(podSelector: LabelSelector(matchLabels: context.pipelineSelectorLabels), policyTypes: ["Egress"], egress: [rule]))
    }
}
