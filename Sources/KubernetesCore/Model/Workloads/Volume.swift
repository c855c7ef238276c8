/// A Pod volume. Only the sources the operator uses are modelled.
public struct Volume: Codable, Sendable, Equatable {
    public var name: String
    public var emptyDir: EmptyDirVolumeSource?
    public var secret: SecretVolumeSource?
    public var configMap: ConfigMapVolumeSource?
    public var persistentVolumeClaim: PVCVolumeSource?

    public init(name: String) { self.name = name }

    public struct EmptyDirVolumeSource: Codable, Sendable, Equatable {
        /// `Memory` for a tmpfs (used for vLLM's `/dev/shm`).
        public var medium: String?
        public var sizeLimit: String?
        public init(medium: String? = nil, sizeLimit: String? = nil) {
            self.medium = medium
            self.sizeLimit = sizeLimit
        }
    }

    public struct SecretVolumeSource: Codable, Sendable, Equatable {
        public var secretName: String
        public var optional: Bool?
        public init(secretName: String) { self.secretName = secretName }
    }

    public struct ConfigMapVolumeSource: Codable, Sendable, Equatable {
        public var name: String
        public var optional: Bool?
        public init(name: String) { self.name = name }
    }

    public struct PVCVolumeSource: Codable, Sendable, Equatable {
        public var claimName: String
        public var readOnly: Bool?
        public init(claimName: String) { self.claimName = claimName }
    }
}

public struct VolumeMount: Codable, Sendable, Equatable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool?
    public var subPath: String?

    public init(name: String, mountPath: String, readOnly: Bool? = nil) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
    }
}

/// A container probe: HTTP GET, TCP socket or exec.
public struct Probe: Codable, Sendable, Equatable {
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var exec: ExecAction?
    public var initialDelaySeconds: Int?
    public var periodSeconds: Int?
    public var timeoutSeconds: Int?
    public var failureThreshold: Int?
    public var successThreshold: Int?

    public init(httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil, exec: ExecAction? = nil) {
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.exec = exec
    }

    public struct HTTPGetAction: Codable, Sendable, Equatable {
        public var path: String?
        public var port: IntOrString
        public var scheme: String?
        public init(path: String? = nil, port: IntOrString, scheme: String? = nil) {
            self.path = path
            self.port = port
            self.scheme = scheme
        }
    }

    public struct TCPSocketAction: Codable, Sendable, Equatable {
        public var port: IntOrString
        public init(port: IntOrString) { self.port = port }
    }

    public struct ExecAction: Codable, Sendable, Equatable {
        public var command: [String]
        public init(command: [String]) { self.command = command }
    }
}
