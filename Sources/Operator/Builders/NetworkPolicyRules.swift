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
            var peers = [pods(.ui)]
            if embedded, DesiredState.runs(.consumer, context) { peers.append(pods(.consumer)) }
            return [Rule(from: peers, ports: [tcp(RuntimeEnvironment.port)])]
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
            if context.spec.vectorStore.embedded != nil { rules.append(Rule(to: [pods(.backend)], ports: [tcp(RuntimeEnvironment.port)])) }
            rules += urlRules([context.spec.embedding?.openai?.url])
        case .producer:
            break
        case .vllm:
            rules.append(Rule(to: internet, ports: [tcp(443)]))
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
            Rule(to: internet, ports: [tcp(443)]),
        ]
    }

    /// Egress to user-given URLs: any address (outside the cluster) or any Pod (inside), on the URL's port.
    func urlRules(_ urls: [String?]) -> [Rule] {
        let ports = Set(urls.compactMap { $0.flatMap(EndpointURL.parse)?.port }).sorted()
        return ports.map { Rule(to: internet + [Peer(namespaceSelector: LabelSelector())], ports: [tcp($0)]) }
    }

    /// Every IPv4 and IPv6 address (dual-stack and IPv6 EKS clusters included).
    var internet: [Peer] { [Peer(ipBlock: .init(cidr: "0.0.0.0/0")), Peer(ipBlock: .init(cidr: "::/0"))] }

    func pods(_ component: PipelineComponent) -> Peer {
        Peer(podSelector: LabelSelector(matchLabels: context.selectorLabels(component)))
    }

    func tcp(_ port: Int) -> NetworkPolicySpec.Port { .init(protocol: "TCP", port: .int(port)) }
}
