import CRDs
import KubernetesCore

/// The UI's Ingress, built only when `ui.ingress.enabled`.
///
/// With class `alb` the AWS Load Balancer Controller annotations are set: internet-facing scheme,
/// `target-type: ip` (the ALB sends straight to Pod IPs, which the UI NetworkPolicy allows),
/// HTTP 80 (and HTTPS 443 with a redirect when an ACM certificate is given) and health checks on
/// `/healthz`. The user's annotations are applied last and win.
public enum IngressBuilder {
    public static let albPrefix = "alb.ingress.kubernetes.io/"

    /// Whether the pipeline gets an Ingress.
    public static func isEnabled(_ context: BuildContext) -> Bool { context.spec.ui?.ingress?.enabled == true }

    /// `<pipeline>-ui`, routing `/` to the UI Service, or `nil` when disabled.
    public static func ingress(_ context: BuildContext) -> Ingress? {
        guard isEnabled(context), let settings = context.spec.ui?.ingress else { return nil }
        let className = settings.className ?? RAGPipelineDefaults.ingressClassName
        let annotations = (className == "alb" ? albAnnotations(settings) : [:])
            .merging(settings.annotations ?? [:]) { _, user in user }
        let path = HTTPIngressPath(path: "/", pathType: "Prefix", serviceName: context.childName(.ui), port: UIBuilder.servicePort)
        var spec = IngressSpec(ingressClassName: className, rules: [IngressRule(host: settings.host, paths: [path])])
        if let secretName = settings.tls?.secretName {
            spec.tls = [IngressTLS(hosts: settings.host.map { [$0] }, secretName: secretName)]
        }
        return Ingress(
            metadata: context.metadata(context.childName(.ui), component: .ui, annotations: annotations.isEmpty ? nil : annotations),
            spec: spec)
    }

    /// The AWS Load Balancer Controller annotations for these settings.
    public static func albAnnotations(_ settings: UIIngressSpec) -> [String: String] {
        var annotations = [
            albPrefix + "scheme": "internet-facing",
            albPrefix + "target-type": "ip",
            albPrefix + "healthcheck-path": "/healthz",
            albPrefix + "listen-ports": #"[{"HTTP":80}]"#,
        ]
        if let certificate = settings.tls?.certificateArn {
            annotations[albPrefix + "certificate-arn"] = certificate
            annotations[albPrefix + "listen-ports"] = #"[{"HTTP":80},{"HTTPS":443}]"#
            annotations[albPrefix + "ssl-redirect"] = "443"
        }
        return annotations
    }
}
