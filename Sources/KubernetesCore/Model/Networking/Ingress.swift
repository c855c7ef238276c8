/// `networking.k8s.io/v1` Ingress.
public struct Ingress: NamespacedResource, Equatable {
    public static let apiVersion = "networking.k8s.io/v1", kind = "Ingress", plural = "ingresses"
    public var metadata: ObjectMeta
    public var spec: IngressSpec?
    public var status: IngressStatus?

    public init(metadata: ObjectMeta, spec: IngressSpec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}

public struct IngressSpec: Codable, Sendable, Equatable {
    public var ingressClassName: String?
    public var rules: [IngressRule]?
    public var tls: [IngressTLS]?

    public init(ingressClassName: String? = nil, rules: [IngressRule]? = nil, tls: [IngressTLS]? = nil) {
        self.ingressClassName = ingressClassName
        self.rules = rules
        self.tls = tls
    }
}

public struct IngressRule: Codable, Sendable, Equatable {
    public var host: String?
    public var http: HTTPIngressRuleValue?

    public init(host: String? = nil, paths: [HTTPIngressPath]) {
        self.host = host
        self.http = HTTPIngressRuleValue(paths: paths)
    }

    public struct HTTPIngressRuleValue: Codable, Sendable, Equatable {
        public var paths: [HTTPIngressPath]
    }
}

public struct HTTPIngressPath: Codable, Sendable, Equatable {
    public var path: String?
    /// `Prefix`, `Exact` or `ImplementationSpecific`.
    public var pathType: String
    public var backend: IngressBackend

    public init(path: String? = nil, pathType: String = "Prefix", serviceName: String, port: Int) {
        self.path = path
        self.pathType = pathType
        self.backend = IngressBackend(service: .init(name: serviceName, port: .init(number: port)))
    }
}

public struct IngressBackend: Codable, Sendable, Equatable {
    public var service: ServiceBackend?

    public struct ServiceBackend: Codable, Sendable, Equatable {
        public var name: String
        public var port: Port
        public struct Port: Codable, Sendable, Equatable {
            public var number: Int?
            public var name: String?
        }
    }
}

public struct IngressTLS: Codable, Sendable, Equatable {
    public var hosts: [String]?
    public var secretName: String?

    public init(hosts: [String]? = nil, secretName: String? = nil) {
        self.hosts = hosts
        self.secretName = secretName
    }
}

public struct IngressStatus: Codable, Sendable, Equatable {
    public var loadBalancer: LoadBalancerStatus?

    public init(loadBalancer: LoadBalancerStatus? = nil) { self.loadBalancer = loadBalancer }

    public struct LoadBalancerStatus: Codable, Sendable, Equatable {
        public var ingress: [LoadBalancerIngress]?
        public init(ingress: [LoadBalancerIngress]? = nil) { self.ingress = ingress }
    }

    public struct LoadBalancerIngress: Codable, Sendable, Equatable {
        public var hostname: String?
        public var ip: String?
        public init(hostname: String? = nil, ip: String? = nil) {
            self.hostname = hostname
            self.ip = ip
        }
    }
}
