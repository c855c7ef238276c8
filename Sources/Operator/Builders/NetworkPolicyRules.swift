import CRDs
import KubernetesCore

/// The allow rules of one component's NetworkPolicy (see ``NetworkPolicyBuilder`` for the list).
struct NetworkPolicyRules {
    let context: BuildContext
    let component: PipelineComponent

    typealias Rule = NetworkPolicySpec.Rule
    typealias Peer = NetworkPolicySpec.Peer

    var ingress: [Rule] {
        let embedded = context.spec.vectorStore.embedded != nil
        switch component {
        case .backend:
            // The query API for the UI; the internal listener (ingest, dead letters) for the consumer only.
            var rules = [Rule(from: [pods(.ui)], ports: [tcp(RuntimeEnvironment.port)])]
            if embedded, DesiredState.runs(.consumer, context) {
                rules.append(Rule(from: [pods(.consumer)], ports: [tcp(RuntimeEnvironment.internalPort)]))
            }
            return rules
        case .ui:
            guard IngressBuilder.isEnabled(context) else { return [] }
            return [Rule(from: internet + [Peer(namespaceSelector: LabelSelector())], ports: [tcp(RuntimeEnvironment.port)])]
        case .vllm:
            return [Rule(from: [pods(.backend)], ports: [tcp(VLLMBuilder.port)])]
        case .consumer, .producer:
            return []
        }
    }

    var egress: [Rule] {
        var rules: [Rule] = []
        switch component {
        case .backend:
            if VLLMBuilder.isEnabled(context) { rules.append(Rule(to: [pods(.vllm)], ports: [tcp(VLLMBuilder.port)])) }
            rules += urlRules([context.spec.llm.external?.url, context.spec.embedding?.openai?.url])
        case .ui:
            rules.append(Rule(to: [pods(.backend)], ports: [tcp(RuntimeEnvironment.port)]))
        case .consumer:
            if context.spec.vectorStore.embedded != nil { rules.append(Rule(to: [pods(.backend)], ports: [tcp(RuntimeEnvironment.internalPort)])) }
            rules += urlRules([context.spec.embedding?.openai?.url])
        case .producer:
            break
        case .vllm:
            rules.append(Rule(to: outside, ports: [tcp(443)]))
        }
        if DesiredState.needsAWS(component, context) { rules += awsRules }
        return rules
    }

    /// The EKS Pod Identity agent (credentials) and HTTPS to AWS endpoints.
    var awsRules: [Rule] {
        [
            Rule(to: [
                Peer(ipBlock: .init(cidr: NetworkPolicyBuilder.podIdentityAgentCIDR)),
                Peer(ipBlock: .init(cidr: NetworkPolicyBuilder.podIdentityAgentIPv6CIDR)),
            ], ports: [tcp(80)]),
            Rule(to: outside, ports: [tcp(443)]),
        ]
    }

    /// Egress to user-given URLs: any address outside the link-local ranges (outside the cluster) or
    /// any Pod (inside), on the URL's port. So an `http://...:80` URL never opens instance metadata.
    func urlRules(_ urls: [String?]) -> [Rule] {
        let ports = Set(urls.compactMap { $0.flatMap(EndpointURL.parse)?.port }).sorted()
        return ports.map { Rule(to: outside + [Peer(namespaceSelector: LabelSelector())], ports: [tcp($0)]) }
    }

    /// Every IPv4 and IPv6 address (dual-stack and IPv6 EKS clusters included), for ingress from a load balancer.
    var internet: [Peer] { [Peer(ipBlock: .init(cidr: "0.0.0.0/0")), Peer(ipBlock: .init(cidr: "::/0"))] }

    /// Every address but the link-local ranges (169.254.0.0/16 with instance metadata at
    /// 169.254.169.254, and fe80::/10), for egress. The Pod Identity agent has its own rule.
    var outside: [Peer] {
        [
            Peer(ipBlock: .init(cidr: "0.0.0.0/0", except: [NetworkPolicyBuilder.linkLocalIPv4])),
            Peer(ipBlock: .init(cidr: "::/0", except: [NetworkPolicyBuilder.linkLocalIPv6])),
        ]
    }

    func pods(_ component: PipelineComponent) -> Peer {
        Peer(podSelector: LabelSelector(matchLabels: context.selectorLabels(component)))
    }

    func tcp(_ port: Int) -> NetworkPolicySpec.Port { .init(protocol: "TCP", port: .int(port)) }
}
