import AWS
import AWSTesting
import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import Operator
import OperatorAWS
import Testing

/// The reconciler with the real EKS adapter (SigV4 over loopback HTTP) against the EKS Pod Identity
/// emulator that follows botocore's model: the same emulator the AWS client tests use.
@Suite(.serialized) struct PodIdentityEmulatorTests {
    @Test func associationsAreCreatedThroughTheEKSAPIAndDeletedBehindTheFinalizer() async throws {
        let emulator = EKSPodIdentityEmulator(clusters: ["rag-eks"])
        try await emulator.withRunning { endpoint in
            let http = AWSHTTPClient(
                service: .eks, region: "us-east-1", endpoint: endpoint,
                credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret")),
                transport: AsyncHTTPClientTransport())
            let harness = OperatorHarness(podIdentity: EKSPodIdentityAssociations(eks: EKSClient(http: http)))
            try await harness.run { harness in
                let pipeline = try await harness.create(SamplePipelines.full)
                let name = pipeline.metadata.name ?? ""
                try await eventually("Ready") { try await harness.condition(name, "Ready")?.status == "True" }
                let wanted = DesiredState.componentsNeedingAWS(of: pipeline)
                let created = emulator.associations
                #expect(Set(created.compactMap(\.serviceAccount)) == Set(wanted.map(\.serviceAccount)))
                #expect(created.allSatisfy { $0.namespace == "rag" && $0.clusterName == "rag-eks" })
                let status = try await harness.pipeline(name).status?.podIdentityAssociations ?? []
                #expect(Set(status.map(\.associationId)) == Set(created.compactMap(\.associationID)))

                // A resync lists and finds them: no second create.
                let creates = emulator.requests.filter { $0.method == "POST" && $0.percentEncodedPath.hasSuffix("/pod-identity-associations") }.count
                await harness.controller.enqueue(ObjectKey(namespace: "rag", name: name))
                try await Task.sleep(for: .milliseconds(500))
                #expect(emulator.requests.filter { $0.method == "POST" && $0.percentEncodedPath.hasSuffix("/pod-identity-associations") }.count == creates)

                try await harness.client.delete(RAGPipeline.self, name: name, namespace: "rag")
                try await eventually("pipeline gone") { (try await harness.client.getIfPresent(RAGPipeline.self, name: name, namespace: "rag")) == nil }
                #expect(emulator.associations.isEmpty, "associations deleted before the finalizer was removed")
            }
        }
    }
}
