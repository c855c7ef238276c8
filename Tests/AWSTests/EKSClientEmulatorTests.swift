import AWSTesting
import Foundation
import Testing

@testable import AWS

/// The EKS Pod Identity client against the loopback emulator from AWSTesting.
@Suite struct EKSClientEmulatorTests {
    static let role = "arn:aws:iam::111122223333:role/rag-query"

    func eks(_ endpoint: URL) -> EKSClient {
        EKSClient(http: AWSHTTPClient(
            service: .eks, region: "us-east-1", endpoint: endpoint, credentialProvider: StaticCredentialProvider(.test),
            transport: AsyncHTTPClientTransport()))
    }

    @Test func theAssociationLifecycleFollowsTheModel() async throws {
        let emulator = EKSPodIdentityEmulator(clusters: ["rag"])
        try await emulator.withRunning { endpoint in
            let eks = eks(endpoint)
            let request = EKSCreatePodIdentityAssociationRequest(
                namespace: "rag", serviceAccount: "query", roleARN: Self.role, clientRequestToken: "uid-1/gen-1")
            let created = try await eks.createPodIdentityAssociation(clusterName: "rag", request)
            let id = try #require(created.associationID)
            #expect(created.roleARN == Self.role)
            #expect(created.associationARN == "arn:aws:eks:us-east-1:111122223333:podidentityassociation/rag/\(id)")
            #expect(created.createdAt != nil)

            let again = try await eks.createPodIdentityAssociation(clusterName: "rag", request)
            #expect(again == created, "same clientRequestToken returns the same association")

            var duplicate = request
            duplicate.clientRequestToken = "uid-2/gen-1"
            let conflict = await #expect(throws: AWSError.self) {
                try await eks.createPodIdentityAssociation(clusterName: "rag", duplicate)
            }
            #expect(conflict?.errorCode == "ResourceInUseException")
            #expect(conflict?.statusCode == 409)
            #expect(conflict?.isConflict == true)
            #expect(conflict?.requestID != nil)

            let updated = try await eks.updatePodIdentityAssociation(
                clusterName: "rag", associationID: id, .init(roleARN: "arn:aws:iam::111122223333:role/rag-query-v2"))
            #expect(updated.roleARN == "arn:aws:iam::111122223333:role/rag-query-v2")
            #expect(try await eks.describePodIdentityAssociation(clusterName: "rag", associationID: id).roleARN
                == updated.roleARN)

            let deleted = try await eks.deletePodIdentityAssociation(clusterName: "rag", associationID: id)
            #expect(deleted.associationID == id)
            let missing = await #expect(throws: AWSError.self) {
                try await eks.describePodIdentityAssociation(clusterName: "rag", associationID: id)
            }
            #expect(missing?.isNotFound == true)
            #expect(missing?.errorCode == "ResourceNotFoundException")
        }
    }

    @Test func listingPaginatesAndFiltersByNamespaceAndServiceAccount() async throws {
        let emulator = EKSPodIdentityEmulator(clusters: ["rag"])
        try await emulator.withRunning { endpoint in
            let eks = eks(endpoint)
            for namespace in ["rag", "other"] {
                for index in 0..<5 {
                    _ = try await eks.createPodIdentityAssociation(
                        clusterName: "rag", .init(namespace: namespace, serviceAccount: "sa-\(index)", roleARN: Self.role))
                }
            }
            let firstPage = try await eks.listPodIdentityAssociationsPage(clusterName: "rag", maxResults: 3)
            #expect(firstPage.associations.count == 3)
            #expect(firstPage.nextToken != nil)
            let all = try await eks.listPodIdentityAssociations(clusterName: "rag", pageSize: 3)
            #expect(all.count == 10)
            #expect(Set(all.compactMap(\.associationID)).count == 10)
            let inRag = try await eks.listPodIdentityAssociations(clusterName: "rag", namespace: "rag", pageSize: 2)
            #expect(inRag.map(\.serviceAccount) == (0..<5).map { "sa-\($0)" })
            let one = try await eks.listPodIdentityAssociations(clusterName: "rag", namespace: "other", serviceAccount: "sa-3")
            #expect(one.count == 1)
            let badPage = await #expect(throws: AWSError.self) {
                try await eks.listPodIdentityAssociationsPage(clusterName: "rag", maxResults: 101)
            }
            #expect(badPage?.errorCode == "InvalidParameterException")
        }
        let lists = emulator.requests.filter { $0.method == "GET" }
        #expect(lists.allSatisfy { $0.percentEncodedPath == "/clusters/rag/pod-identity-associations" })
        #expect(emulator.requests.allSatisfy { $0.headerValue(named: "Authorization")?.contains("/us-east-1/eks/aws4_request") == true })
    }

    @Test func anUnknownClusterIsResourceNotFoundInMemoryToo() async throws {
        let emulator = EKSPodIdentityEmulator(clusters: ["rag"])
        let eks = EKSClient(http: AWSHTTPClient(
            service: .eks, region: "us-east-1", endpoint: URL(string: "https://eks.us-east-1.amazonaws.com")!,
            credentialProvider: StaticCredentialProvider(.test), transport: emulator))
        let error = await #expect(throws: AWSError.self) {
            try await eks.listPodIdentityAssociations(clusterName: "nope")
        }
        #expect(error?.isNotFound == true)
        #expect(error?.statusCode == 404)
    }
}
