import KubernetesCore

/// Sign-in in front of the UI, done by the ALB (AWS Load Balancer Controller `auth-*`
/// annotations): an OIDC identity provider, or an Amazon Cognito user pool. Exactly one of the two.
/// The ALB authenticates only on its HTTPS listener, so `tls.certificateArn` is required.
public struct IngressAuthSpec: Codable, Sendable, Equatable {
    public var oidc: OIDCAuthSpec?
    public var cognito: CognitoAuthSpec?
    /// `authenticate` (sign in first; the default), `deny` (401) or `allow`.
    public var onUnauthenticatedRequest: String?
    /// Scopes asked of the provider. Defaults: `openid`.
    public var scope: String?

    public init(oidc: OIDCAuthSpec? = nil, cognito: CognitoAuthSpec? = nil) {
        self.oidc = oidc
        self.cognito = cognito
    }

    static var schema: JSONSchemaProperty {
        .object("Sign-in before the UI, by the ALB: an OIDC provider or a Cognito user pool (exactly one). Needs tls.certificateArn: the ALB authenticates only over HTTPS.", properties: [
            "oidc": OIDCAuthSpec.schema,
            "cognito": CognitoAuthSpec.schema,
            "onUnauthenticatedRequest": .string("What the ALB does with a request that is not signed in. Defaults to authenticate.", allowed: ["authenticate", "deny", "allow"], default: "authenticate"),
            "scope": .string("Scopes asked of the identity provider. Defaults to openid.", minLength: 1, default: "openid"),
        ])
        .validated(by: "has(self.oidc) != has(self.cognito)", message: "ui.ingress.auth needs exactly one of oidc and cognito")
    }
}

/// An OIDC identity provider; the client id and secret come from a Secret in the pipeline's namespace.
public struct OIDCAuthSpec: Codable, Sendable, Equatable {
    public var issuer: String
    public var authorizationEndpoint: String
    public var tokenEndpoint: String
    public var userInfoEndpoint: String
    /// A Secret with keys `clientID` and `clientSecret` (what the AWS Load Balancer Controller reads).
    public var clientSecretRef: LocalObjectReference

    public init(issuer: String, authorizationEndpoint: String, tokenEndpoint: String, userInfoEndpoint: String, clientSecretRef: LocalObjectReference) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.userInfoEndpoint = userInfoEndpoint
        self.clientSecretRef = clientSecretRef
    }

    static var schema: JSONSchemaProperty {
        .object("An OIDC identity provider (Okta, Entra ID, Google, Keycloak, ...).", properties: [
            "issuer": .string("The issuer URL.", pattern: "^https://"),
            "authorizationEndpoint": .string("The authorization endpoint URL.", pattern: "^https://"),
            "tokenEndpoint": .string("The token endpoint URL.", pattern: "^https://"),
            "userInfoEndpoint": .string("The user info endpoint URL.", pattern: "^https://"),
            "clientSecretRef": SchemaBuilder.localObjectReference("A Secret in the pipeline's namespace with keys clientID and clientSecret."),
        ], required: ["issuer", "authorizationEndpoint", "tokenEndpoint", "userInfoEndpoint", "clientSecretRef"])
    }
}

/// An Amazon Cognito user pool and its app client.
public struct CognitoAuthSpec: Codable, Sendable, Equatable {
    public var userPoolArn: String
    public var userPoolClientId: String
    /// The user pool's domain prefix (or full custom domain).
    public var userPoolDomain: String

    public init(userPoolArn: String, userPoolClientId: String, userPoolDomain: String) {
        self.userPoolArn = userPoolArn
        self.userPoolClientId = userPoolClientId
        self.userPoolDomain = userPoolDomain
    }

    static var schema: JSONSchemaProperty {
        .object("An Amazon Cognito user pool.", properties: [
            "userPoolArn": .string("The user pool ARN.", pattern: "^arn:aws[a-z-]*:cognito-idp:"),
            "userPoolClientId": .string("The app client id.", minLength: 1),
            "userPoolDomain": .string("The user pool domain (prefix or custom domain).", minLength: 1),
        ], required: ["userPoolArn", "userPoolClientId", "userPoolDomain"])
    }
}
