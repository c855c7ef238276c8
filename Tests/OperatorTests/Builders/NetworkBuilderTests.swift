import CRDs
import KubernetesCore
import Operator
import Testing

@Suite struct NetworkBuilderTests {
    @Test func theALBIngressHasTheControllerAnnotationsAndTheUsersOnTop() throws {
        let ingress = try #require(try SamplePipelines.children(SamplePipelines.full).body("Ingress", "vehicle-logs-ui"))
        let annotations = try #require(ingress["metadata"]?["annotations"])
        #expect(annotations["alb.ingress.kubernetes.io/scheme"] == "internet-facing")
        #expect(annotations["alb.ingress.kubernetes.io/target-type"] == "ip")
        #expect(annotations["alb.ingress.kubernetes.io/healthcheck-path"] == "/healthz")
        #expect(annotations["alb.ingress.kubernetes.io/listen-ports"] == #"[{"HTTP":80},{"HTTPS":443}]"#)
        #expect(annotations["alb.ingress.kubernetes.io/certificate-arn"] == "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
        #expect(annotations["alb.ingress.kubernetes.io/group.name"] == "rag")
        #expect(ingress["spec"]?["ingressClassName"] == "alb")
        let rule = try #require(ingress["spec"]?["rules"]?.arrayValue?.first)
        #expect(rule["host"] == "rag.example.com")
        #expect(rule[path: ["http", "paths"]]?.arrayValue?.first?["backend"] == ["service": ["name": "vehicle-logs-ui", "port": ["number": 80]]])
        #expect(ingress["spec"]?["tls"] == nil, "the ALB terminates TLS with the ACM certificate")
    }

    @Test func otherIngressClassesGetNoALBAnnotationsButTheTLSSecret() throws {
        let ingress = try #require(try SamplePipelines.children(SamplePipelines.noNetworkPolicy).body("Ingress", "open-net-ui"))
        #expect(ingress["metadata"]?["annotations"] == nil)
        #expect(ingress["spec"]?["tls"] == [["hosts": ["rag.internal.example.com"], "secretName": "rag-tls"]])
    }

    @Test func networkPoliciesDenyEverythingThenAllowExactlyTheFlows() throws {
        let objects = try SamplePipelines.children(SamplePipelines.full)
        #expect(objects.names("NetworkPolicy") == [
            "vehicle-logs-allow-dns", "vehicle-logs-backend", "vehicle-logs-consumer", "vehicle-logs-default-deny", "vehicle-logs-ui", "vehicle-logs-vllm",
        ])
        let deny = try #require(objects.body("NetworkPolicy", "vehicle-logs-default-deny"))
        #expect(deny["spec"] == [
            "podSelector": ["matchLabels": ["app.kubernetes.io/instance": "vehicle-logs", "app.kubernetes.io/part-of": "rag-pipeline"]],
            "policyTypes": ["Ingress", "Egress"],
        ])
        let dns = try #require(objects.body("NetworkPolicy", "vehicle-logs-allow-dns")?[path: ["spec", "egress"]]?.arrayValue?.first)
        #expect(dns["ports"] == [["protocol": "UDP", "port": 53], ["protocol": "TCP", "port": 53]])
        #expect(dns["to"]?.arrayValue?.first?["namespaceSelector"] == ["matchLabels": ["kubernetes.io/metadata.name": "kube-system"]])
    }

    @Test func theBackendTakesTheUIAndReachesVLLMAndAWS() throws {
        let backend = try #require(try SamplePipelines.children(SamplePipelines.full).body("NetworkPolicy", "vehicle-logs-backend")?["spec"])
        let ingress = try #require(backend["ingress"]?.arrayValue)
        #expect(ingress.count == 1)
        #expect(ingress.first?["from"]?.arrayValue?.first?[path: ["podSelector", "matchLabels", "app.kubernetes.io/component"]] == "ui")
        #expect(ingress.first?["ports"] == [["protocol": "TCP", "port": 8080]])
        let egress = try #require(backend["egress"]?.arrayValue)
        #expect(egress.contains { $0["to"]?.arrayValue?.first?[path: ["podSelector", "matchLabels", "app.kubernetes.io/component"]] == "vllm" && $0["ports"] == [["protocol": "TCP", "port": 8000]] })
        #expect(egress.contains {
            $0["to"] == [["ipBlock": ["cidr": "169.254.170.23/32"]], ["ipBlock": ["cidr": "fd00:ec2::23/128"]]] && $0["ports"] == [["protocol": "TCP", "port": 80]]
        }, "the Pod Identity agent, on IPv4 and IPv6 clusters")
        #expect(egress.contains {
            $0["to"] == [["ipBlock": ["cidr": "0.0.0.0/0", "except": ["169.254.0.0/16"]]], ["ipBlock": ["cidr": "::/0", "except": ["fe80::/10"]]]]
                && $0["ports"] == [["protocol": "TCP", "port": 443]]
        }, "HTTPS anywhere but link-local")
        #expect(egress.count == 3)
    }

    @Test func theUIAcceptsTheLoadBalancerOnlyWhenThereIsAnIngress() throws {
        let full = try #require(try SamplePipelines.children(SamplePipelines.full).body("NetworkPolicy", "vehicle-logs-ui")?["spec"])
        #expect(full["policyTypes"] == ["Ingress", "Egress"])
        #expect(full["ingress"]?.arrayValue?.first?["ports"] == [["protocol": "TCP", "port": 8080]])
        let sources = (full["ingress"]?.arrayValue?.first?["from"]?.arrayValue ?? []).compactMap { $0["ipBlock"]?["cidr"]?.stringValue }
        #expect(sources == ["0.0.0.0/0", "::/0"], "ALB targets on IPv4 and IPv6 clusters")
        let minimal = try #require(try SamplePipelines.children(SamplePipelines.minimal).body("NetworkPolicy", "quickstart-ui")?["spec"])
        #expect(minimal["policyTypes"] == ["Egress"])
        #expect(minimal["ingress"] == nil)
    }

    @Test func anExternalLLMIsReachedOnItsOwnPort() throws {
        let backend = try #require(try SamplePipelines.children(SamplePipelines.minimal).body("NetworkPolicy", "quickstart-backend")?["spec"])
        let egress = try #require(backend["egress"]?.arrayValue)
        #expect(egress.map { $0["ports"] } == [[["protocol": "TCP", "port": 8000]]], "no AWS access without AWS services")
        let peers = (egress.first?["to"]?.arrayValue ?? []).compactMap { $0["ipBlock"]?["cidr"]?.stringValue }
        #expect(peers == ["0.0.0.0/0", "::/0"])
    }

    @Test func onlyTheVLLMPolicyAcceptsTheBackendOn8000() throws {
        let vllm = try #require(try SamplePipelines.children(SamplePipelines.full).body("NetworkPolicy", "vehicle-logs-vllm")?["spec"])
        #expect(vllm["ingress"]?.arrayValue?.first?["ports"] == [["protocol": "TCP", "port": 8000]])
        #expect(vllm["ingress"]?.arrayValue?.first?["from"]?.arrayValue?.first?[path: ["podSelector", "matchLabels", "app.kubernetes.io/component"]] == "backend")
    }
}
