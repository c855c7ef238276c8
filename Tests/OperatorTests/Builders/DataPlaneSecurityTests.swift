import CRDs
import Foundation
import KubernetesCore
@testable import Operator
import Testing

/// Issue 12 as data: the rendered NetworkPolicies, the Ingress and the ingest token's mounts, for
/// every sample pipeline.
@Suite struct DataPlaneSecurityTests {
    /// Whether the IPv4 address is inside `cidr` (and `cidr` is IPv4).
    static func contains(_ cidr: String, _ address: String) -> Bool {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]), let network = ipv4(String(parts[0])), let host = ipv4(address) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return network & mask == host & mask
    }

    static func ipv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return octets.reduce(0) { $0 << 8 | $1 }
    }

    /// The egress rules of every policy that admit `address` (an ipBlock containing it and not excepting it).
    static func egressAdmitting(_ address: String, in objects: [DesiredObject]) -> [String] {
        objects.filter { $0.descriptor.kind == "NetworkPolicy" }.flatMap { policy in
            (policy.body[path: ["spec", "egress"]]?.arrayValue ?? []).flatMap { rule in
                (rule["to"]?.arrayValue ?? []).compactMap { peer -> String? in
                    guard let block = peer["ipBlock"], let cidr = block["cidr"]?.stringValue, contains(cidr, address) else { return nil }
                    let excepted = (block["except"]?.arrayValue ?? []).compactMap(\.stringValue).contains { contains($0, address) }
                    return excepted ? nil : "\(policy.name): \(cidr) \(rule["ports"].map { "\($0)" } ?? "all ports")"
                }
            }
        }
    }

    @Test(arguments: SamplePipelines.names)
    func noEgressRuleAdmitsInstanceMetadata(_ sample: String) throws {
        let objects = try SamplePipelines.children(sample)
        #expect(Self.egressAdmitting("169.254.169.254", in: objects) == [], "\(sample)")
        let agent = Self.egressAdmitting("169.254.170.23", in: objects)
        #expect(agent.allSatisfy { $0.contains("169.254.170.23/32") }, "the Pod Identity agent only by its own rule: \(agent)")
    }

    @Test(arguments: SamplePipelines.names)
    func theInternalPortAdmitsOnlyConsumerPods(_ sample: String) throws {
        let objects = try SamplePipelines.children(sample)
        for policy in objects where policy.descriptor.kind == "NetworkPolicy" {
            for rule in policy.body[path: ["spec", "ingress"]]?.arrayValue ?? [] {
                let ports = (rule["ports"]?.arrayValue ?? []).compactMap { $0["port"]?.int64Value }
                guard ports.contains(Int64(RuntimeEnvironment.internalPort)) else { continue }
                let peers = rule["from"]?.arrayValue ?? []
                #expect(!peers.isEmpty && peers.allSatisfy {
                    $0[path: ["podSelector", "matchLabels", "app.kubernetes.io/component"]] == "consumer" && $0["ipBlock"] == nil && $0["namespaceSelector"] == nil
                }, "\(sample) \(policy.name): \(peers)")
                #expect(ports == [Int64(RuntimeEnvironment.internalPort)], "the internal port has a rule of its own")
            }
        }
    }

    @Test func theTokenIsMountedIntoTheBackendAndAConsumerThatWritesThroughItOnly() throws {
        let objects = try SamplePipelines.children(SamplePipelines.producer)   // the embedded store, a consumer
        let secret = try #require(objects.body("Secret", "demo-ingest-token"))
        #expect(secret["data"] == nil, "the builders never make up the token; the reconciler does")
        func mounts(_ name: String) -> Bool {
            let volumes = objects.body("Deployment", name)?[path: ["spec", "template", "spec", "volumes"]]?.arrayValue ?? []
            return volumes.contains { $0["secret"]?["secretName"] == "demo-ingest-token" }
        }
        #expect(mounts("demo-backend") && mounts("demo-consumer"))
        #expect(!mounts("demo-ui") && !mounts("demo-producer"))
        #expect(objects.body("Deployment", "demo-backend")?.firstContainer?.env("INGEST_TOKEN_DIR") == IngestTokenBuilder.mountPath)
        #expect(objects.body("Deployment", "demo-consumer")?.firstContainer?.env("INGEST_TOKEN_DIR") == IngestTokenBuilder.mountPath)
        let full = try SamplePipelines.children(SamplePipelines.full)   // OpenSearch: the consumer writes there itself
        let consumerVolumes = full.body("Deployment", "vehicle-logs-consumer")?[path: ["spec", "template", "spec", "volumes"]]?.arrayValue ?? []
        #expect(!consumerVolumes.contains { $0["secret"] != nil })
    }

    @Test func theLoadBalancerIsInternalUnlessTheSpecSaysOtherwise() throws {
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
        pipeline.spec.ui?.ingress?.scheme = nil
        pipeline.spec.ui?.ingress?.auth = nil
        let context = BuildContext(pipeline: pipeline)
        #expect(try IngressBuilder.ingress(context)?.metadata.annotations?["alb.ingress.kubernetes.io/scheme"] == "internal")
        #expect(!IngressBuilder.isPubliclyExposedWithoutAuth(context))
        pipeline.spec.ui?.ingress?.scheme = "internet-facing"
        #expect(IngressBuilder.isPubliclyExposedWithoutAuth(BuildContext(pipeline: pipeline)))
        pipeline.spec.ui?.ingress?.scheme = nil
        pipeline.spec.ui?.ingress?.annotations = ["alb.ingress.kubernetes.io/scheme": "internet-facing"]
        #expect(IngressBuilder.isPubliclyExposedWithoutAuth(BuildContext(pipeline: pipeline)), "the user's own annotation counts too")
    }

    @Test func signInIsTheALBsOIDCOrCognito() throws {
        let full = try SamplePipelines.children(SamplePipelines.full)
        let annotations = try #require(full.body("Ingress", "vehicle-logs-ui")?[path: ["metadata", "annotations"]])
        #expect(annotations["alb.ingress.kubernetes.io/scheme"] == "internet-facing")
        #expect(annotations["alb.ingress.kubernetes.io/auth-type"] == "cognito")
        #expect(annotations["alb.ingress.kubernetes.io/auth-idp-cognito"] == #"{"userPoolARN":"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Ab12Cd34E","userPoolClientID":"4example5client6id7","userPoolDomain":"rag-example"}"#)
        var settings = UIIngressSpec(enabled: true, tls: UIIngressTLSSpec(certificateArn: "arn:aws:acm:eu-west-1:1:certificate/x"))
        settings.auth = IngressAuthSpec(oidc: OIDCAuthSpec(
            issuer: "https://idp.example.com", authorizationEndpoint: "https://idp.example.com/authorize", tokenEndpoint: "https://idp.example.com/token",
            userInfoEndpoint: "https://idp.example.com/userinfo", clientSecretRef: LocalObjectReference(name: "rag-oidc")))
        let oidc = try IngressBuilder.albAnnotations(settings)
        #expect(oidc["alb.ingress.kubernetes.io/auth-type"] == "oidc")
        #expect(oidc["alb.ingress.kubernetes.io/auth-idp-oidc"] == #"{"authorizationEndpoint":"https://idp.example.com/authorize","issuer":"https://idp.example.com","secretName":"rag-oidc","tokenEndpoint":"https://idp.example.com/token","userInfoEndpoint":"https://idp.example.com/userinfo"}"#)
        #expect(oidc["alb.ingress.kubernetes.io/auth-on-unauthenticated-request"] == "authenticate")
    }
}
