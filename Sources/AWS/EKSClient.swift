import Foundation

/// A client for the Amazon EKS Pod Identity association operations (REST-JSON protocol).
///
/// ```swift
/// let eks = EKSClient(http: AWSHTTPClient(service: .eks, region: region, endpoint: url,
///                                          credentialProvider: provider, transport: transport))
/// let association = try await eks.createPodIdentityAssociation(
///     clusterName: "rag", .init(namespace: "rag", serviceAccount: "query", roleARN: role, clientRequestToken: uid))
/// ```
///
/// ## Caveats
/// Use a stable `clientRequestToken` (such as the owning object's UID plus its generation) so a
/// create retried after a lost response returns the same association instead of failing with
/// `ResourceInUseException`.
public struct EKSClient: Sendable {
    /// The HTTP layer, for the `eks` service.
    public var http: AWSHTTPClient

    /// Creates a client over an HTTP layer configured for ``AWSService/eks``.
    ///
    /// - Parameter http: The HTTP layer.
    public init(http: AWSHTTPClient) {
        self.http = http
    }

    private struct NoBody: Encodable {}

    static func associationsPath(_ clusterName: String) -> String {
        "/clusters/\(clusterName)/pod-identity-associations"
    }

    /// Creates an association (`CreatePodIdentityAssociation`).
    ///
    /// - Parameters:
    ///   - clusterName: The cluster.
    ///   - request: The namespace, service account, role and idempotency token.
    /// - Returns: The new association, or the one created earlier with the same token.
    /// - Throws: ``AWSError``: `ResourceInUseException` (``AWSError/isConflict``) when the service
    ///   account already has an association, `ResourceNotFoundException` for an unknown cluster.
    public func createPodIdentityAssociation(
        clusterName: String, _ request: EKSCreatePodIdentityAssociationRequest
    ) async throws(AWSError) -> EKSPodIdentityAssociation {
        try await http.restJSON(
            method: "POST", path: Self.associationsPath(clusterName), input: request,
            output: EKSPodIdentityAssociationResponse.self
        ).association
    }

    /// One page of `ListPodIdentityAssociations`.
    ///
    /// - Parameters:
    ///   - clusterName: The cluster.
    ///   - namespace: Only associations in this namespace, or `nil` for all.
    ///   - serviceAccount: Only associations of this service account, or `nil` for all.
    ///   - maxResults: The page size, 1…100, or `nil` for the service's default (100).
    ///   - nextToken: The previous page's token, or `nil` for the first page.
    /// - Returns: The page.
    /// - Throws: ``AWSError``.
    public func listPodIdentityAssociationsPage(
        clusterName: String, namespace: String? = nil, serviceAccount: String? = nil, maxResults: Int? = nil,
        nextToken: String? = nil
    ) async throws(AWSError) -> EKSPodIdentityAssociationPage {
        var query: [AWSRequest.QueryItem] = []
        if let namespace { query.append(("namespace", namespace)) }
        if let serviceAccount { query.append(("serviceAccount", serviceAccount)) }
        if let maxResults { query.append(("maxResults", String(maxResults))) }
        if let nextToken { query.append(("nextToken", nextToken)) }
        return try await http.restJSON(
            method: "GET", path: Self.associationsPath(clusterName), queryItems: query, input: NoBody?.none,
            output: EKSPodIdentityAssociationPage.self)
    }

    /// Every association matching the filters, following `nextToken` across pages.
    ///
    /// - Parameters:
    ///   - clusterName: The cluster.
    ///   - namespace: Only this namespace, or `nil`.
    ///   - serviceAccount: Only this service account, or `nil`.
    ///   - pageSize: `maxResults` per call, or `nil` for the service's default.
    /// - Returns: The summaries of every page, in order.
    /// - Throws: ``AWSError``.
    public func listPodIdentityAssociations(
        clusterName: String, namespace: String? = nil, serviceAccount: String? = nil, pageSize: Int? = nil
    ) async throws(AWSError) -> [EKSPodIdentityAssociationSummary] {
        var summaries: [EKSPodIdentityAssociationSummary] = []
        var token: String?
        repeat {
            let page = try await listPodIdentityAssociationsPage(
                clusterName: clusterName, namespace: namespace, serviceAccount: serviceAccount,
                maxResults: pageSize, nextToken: token)
            summaries += page.associations
            let next = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
            if next != nil, next == token {
                throw AWSError(code: .invalidResponse, message: "ListPodIdentityAssociations returned the nextToken it was sent")
            }
            token = next
        } while token != nil
        return summaries
    }

    /// One association in full (`DescribePodIdentityAssociation`).
    ///
    /// - Throws: ``AWSError``; ``AWSError/isNotFound`` when it does not exist.
    public func describePodIdentityAssociation(
        clusterName: String, associationID: String
    ) async throws(AWSError) -> EKSPodIdentityAssociation {
        try await http.restJSON(
            method: "GET", path: Self.associationsPath(clusterName) + "/\(associationID)", input: NoBody?.none,
            output: EKSPodIdentityAssociationResponse.self
        ).association
    }

    /// Changes an association's role or settings (`UpdatePodIdentityAssociation`).
    ///
    /// - Returns: The updated association.
    /// - Throws: ``AWSError``; ``AWSError/isNotFound`` when it does not exist.
    public func updatePodIdentityAssociation(
        clusterName: String, associationID: String, _ request: EKSUpdatePodIdentityAssociationRequest
    ) async throws(AWSError) -> EKSPodIdentityAssociation {
        try await http.restJSON(
            method: "POST", path: Self.associationsPath(clusterName) + "/\(associationID)", input: request,
            output: EKSPodIdentityAssociationResponse.self
        ).association
    }

    /// Deletes an association (`DeletePodIdentityAssociation`).
    ///
    /// - Returns: The association as it was.
    /// - Throws: ``AWSError``; ``AWSError/isNotFound`` when it does not exist.
    @discardableResult
    public func deletePodIdentityAssociation(
        clusterName: String, associationID: String
    ) async throws(AWSError) -> EKSPodIdentityAssociation {
        try await http.restJSON(
            method: "DELETE", path: Self.associationsPath(clusterName) + "/\(associationID)", input: NoBody?.none,
            output: EKSPodIdentityAssociationResponse.self
        ).association
    }
}
