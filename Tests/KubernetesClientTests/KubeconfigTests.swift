import Foundation
import KubernetesClient
import Testing

@Suite struct KubeconfigTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path
    var a: String { "\(Self.fixtures)/kubeconfig-a.yaml" }
    var b: String { "\(Self.fixtures)/kubeconfig-b.yaml" }

    @Test func theCurrentContextResolvesClusterUserNamespaceAndRelativeCAFile() throws {
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [a])
        #expect(configuration.server.absoluteString == "https://dev.example.com:6443")
        #expect(configuration.namespace == "rag")
        #expect(configuration.authentication == .bearerToken(Redacted("token-a")))
        let ca = try #require(configuration.certificateAuthorityPEM)
        #expect(String(decoding: ca, as: UTF8.self).hasPrefix("-----BEGIN CERTIFICATE-----"))
    }

    @Test func mergedFilesLetTheFirstFileWinForNamesAndCurrentContext() throws {
        let configuration = try ClientConfiguration.infer(environment: ["KUBECONFIG": "\(a):\(b)", "HOME": "/nonexistent"])
        // current-context comes from the first file; the "dev" context of file b is shadowed.
        #expect(configuration.server.host == "dev.example.com")
        #expect(configuration.namespace == "rag")
        let eks = try ClientConfiguration.infer(context: "eks", environment: ["KUBECONFIG": "\(a):\(b)"])
        #expect(eks.server.host == "from-a.example.com")
    }

    @Test func laterFilesContributeNamesTheFirstDoesNotDefine() throws {
        let prod = try ClientConfiguration.infer(context: "prod", environment: ["KUBECONFIG": "\(b):\(a)"])
        #expect(prod.server.host == "prod.example.com")
        #expect(prod.authentication == .tokenFile(path: "\(Self.fixtures)/tokens/prod-token"))
        #expect(prod.certificateAuthorityPEM.map { String(decoding: $0, as: UTF8.self) }?.contains("fake") == true)
        #expect(prod.namespace == "default")
    }

    @Test func aContextOverrideSelectsAnExecPluginUser() throws {
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [a], context: "eks")
        guard case .exec(let exec) = configuration.authentication else {
            Issue.record("expected exec authentication, got \(configuration.authentication)")
            return
        }
        #expect(exec.command == "aws")
        #expect(exec.args == ["eks", "get-token", "--cluster-name", "rag"])
        #expect(exec.apiVersion == "client.authentication.k8s.io/v1beta1")
        #expect(exec.env?.first?.value == "rag")
    }

    @Test func missingFilesInKUBECONFIGAreSkippedLikeKubectlDoes() throws {
        let configuration = try ClientConfiguration.infer(environment: ["KUBECONFIG": "/nonexistent/one:\(a)"])
        #expect(configuration.server.host == "dev.example.com")
    }

    @Test func anUnknownContextIsAClearError() {
        #expect(throws: ConfigurationError.contextNotFound("nope")) { try ClientConfiguration.fromKubeconfig(paths: [a], context: "nope") }
    }

    @Test func invalidYAMLNamesTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).yaml").path
        try "clusters: [unterminated".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ClientConfiguration.fromKubeconfig(paths: [path])
            Issue.record("expected an error")
        } catch {
            guard case .invalidKubeconfig(let named, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(named == path)
        }
    }

    @Test func inClusterConfigurationReadsTheServiceAccountDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sa-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "token-1".write(to: directory.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        try "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n".write(to: directory.appendingPathComponent("ca.crt"), atomically: true, encoding: .utf8)
        try "rag\n".write(to: directory.appendingPathComponent("namespace"), atomically: true, encoding: .utf8)
        let configuration = try ClientConfiguration.inCluster(
            environment: ["KUBERNETES_SERVICE_HOST": "10.100.0.1", "KUBERNETES_SERVICE_PORT": "443"], serviceAccountDirectory: directory.path)
        #expect(configuration.server.absoluteString == "https://10.100.0.1:443")
        #expect(configuration.namespace == "rag")
        #expect(configuration.authentication == .tokenFile(path: directory.appendingPathComponent("token").path))
    }

    @Test func inferenceFailureKeepsBothCauses() {
        do {
            _ = try ClientConfiguration.infer(environment: ["HOME": "/nonexistent"], serviceAccountDirectory: "/nonexistent")
            Issue.record("expected an error")
        } catch {
            guard case .inferenceFailed(let kubeconfig, let inCluster) = error else { Issue.record("wrong error \(error)"); return }
            #expect(kubeconfig.contains("/nonexistent/.kube/config"))
            #expect(inCluster.contains("KUBERNETES_SERVICE_HOST"))
        }
    }

    @Test func redactedValuesNeverPrint() {
        let authentication = ClientConfiguration.Authentication.bearerToken(Redacted("s3cr3t"))
        #expect(!"\(authentication)".contains("s3cr3t"))
        #expect(!String(reflecting: authentication).contains("s3cr3t"))
    }
}
