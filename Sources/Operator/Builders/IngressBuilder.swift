import CRDs
import Foundation
import KubernetesCore

/// The UI's Ingress, built only when `ui.ingress.enabled`.
///
/// With class `alb` the AWS Load Balancer Controller annotations are set: the scheme (`internal`
/// unless `ui.ingress.scheme` says `internet-facing`), `target-type: ip` (the ALB sends straight to
/// Pod IPs, which the UI NetworkPolicy allows), HTTP 80 (and HTTPS 443 with a redirect when an ACM
/// certificate is given), health checks on `/healthz`, and with `ui.ingress.auth` the ALB's OIDC or
/// Cognito sign-in. The user's annotations are applied last and win.
public enum IngressBuilder {
    public static let albPrefix = "alb.ingress.kubernetes.io/"

    /// Whether the pipeline gets an Ingress.
    public static func isEnabled(_ context: BuildContext) -> Bool { context.spec.ui?.ingress?.enabled == true }

    /// `<pipeline>-ui`, routing `/` to the UI Service, or `nil` when disabled.
    public static func ingress(_ context: BuildContext) throws -> Ingress? {
        guard isEnabled(context), let settings = context.spec.ui?.ingress else { return nil }
        let className = settings.className ?? RAGPipelineDefaults.ingressClassName
        let annotations = (className == "alb" ? try albAnnotations(settings) : [:])
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
    public static func albAnnotations(_ settings: UIIngressSpec) throws -> [String: String] {
        var annotations = [
            albPrefix + "scheme": settings.scheme ?? RAGPipelineDefaults.ingressScheme,
            albPrefix + "target-type": "ip",
            albPrefix + "healthcheck-path": "/healthz",
            albPrefix + "listen-ports": #"[{"HTTP":80}]"#,
        ]
        if let certificate = settings.tls?.certificateArn {
            annotations[albPrefix + "certificate-arn"] = certificate
            annotations[albPrefix + "listen-ports"] = #"[{"HTTP":80},{"HTTPS":443}]"#
            annotations[albPrefix + "ssl-redirect"] = "443"
        }
        if let auth = settings.auth {
            annotations[albPrefix + "auth-on-unauthenticated-request"] = auth.onUnauthenticatedRequest ?? "authenticate"
            annotations[albPrefix + "auth-scope"] = auth.scope ?? "openid"
            if let oidc = auth.oidc {
                annotations[albPrefix + "auth-type"] = "oidc"
                annotations[albPrefix + "auth-idp-oidc"] = try json([
                    "issuer": oidc.issuer, "authorizationEndpoint": oidc.authorizationEndpoint, "tokenEndpoint": oidc.tokenEndpoint,
                    "userInfoEndpoint": oidc.userInfoEndpoint, "secretName": oidc.clientSecretRef.name,
                ])
            } else if let cognito = auth.cognito {
                annotations[albPrefix + "auth-type"] = "cognito"
                annotations[albPrefix + "auth-idp-cognito"] = try json([
                    "userPoolARN": cognito.userPoolArn, "userPoolClientID": cognito.userPoolClientId, "userPoolDomain": cognito.userPoolDomain,
                ])
            }
        }
        return annotations
    }

    /// Whether the UI is reachable from the internet without sign-in: an internet-facing scheme (the
    /// operator's, or the user's own `alb.ingress.kubernetes.io/scheme` annotation) and no auth.
    public static func isPubliclyExposedWithoutAuth(_ context: BuildContext) -> Bool {
        guard isEnabled(context), let settings = context.spec.ui?.ingress else { return false }
        let scheme = settings.annotations?[albPrefix + "scheme"] ?? settings.scheme ?? RAGPipelineDefaults.ingressScheme
        let authenticated = settings.auth != nil || settings.annotations?[albPrefix + "auth-type"] != nil
        return scheme == "internet-facing" && !authenticated
    }

    /// A JSON object with sorted keys, for the controller's `auth-idp-*` annotations.
    static func json(_ fields: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(fields), as: UTF8.self)
    }
}
