import AWS
import Foundation

extension EKSPodIdentityEmulator {
    /// The emulator's data and the five operations' semantics, without I/O.
    struct State {
        var clusters: Set<String>
        var accountID: String
        var region: String
        var associations: [EKSPodIdentityAssociation] = []
        /// Create tokens already used, with the request they came with and the association they made.
        var createTokens: [String: (request: EKSCreatePodIdentityAssociationRequest, associationID: String)] = [:]
        var nextSerial = 0

        enum Failure: Error, Equatable {
            case resourceNotFound(String), resourceInUse(String), invalidParameter(String), invalidRequest(String)
        }

        mutating func create(
            cluster: String, _ request: EKSCreatePodIdentityAssociationRequest, now: Date
        ) throws(Failure) -> EKSPodIdentityAssociation {
            try requireCluster(cluster)
            for (name, value) in [("namespace", request.namespace), ("serviceAccount", request.serviceAccount), ("roleArn", request.roleARN)]
            where value.isEmpty {
                throw .invalidParameter("\(name) must not be empty")
            }
            if let token = request.clientRequestToken, let earlier = createTokens["\(cluster)/\(token)"] {
                guard earlier.request == request else {
                    throw .invalidRequest("clientRequestToken \(token) was already used with different parameters")
                }
                if let association = associations.first(where: { $0.associationID == earlier.associationID }) {
                    return association
                }
            }
            if associations.contains(where: {
                $0.clusterName == cluster && $0.namespace == request.namespace && $0.serviceAccount == request.serviceAccount
            }) {
                throw .resourceInUse(
                    "Association already exists: \(request.namespace)/\(request.serviceAccount) in cluster \(cluster)")
            }
            let id = nextAssociationID()
            let association = EKSPodIdentityAssociation(
                clusterName: cluster, namespace: request.namespace, serviceAccount: request.serviceAccount,
                roleARN: request.roleARN,
                associationARN: "arn:aws:eks:\(region):\(accountID):podidentityassociation/\(cluster)/\(id)",
                associationID: id, tags: request.tags ?? [:], createdAt: now, modifiedAt: now,
                disableSessionTags: request.disableSessionTags ?? false, targetRoleARN: request.targetRoleARN,
                externalID: request.targetRoleARN == nil ? nil : UUID().uuidString.lowercased(), policy: request.policy)
            associations.append(association)
            if let token = request.clientRequestToken { createTokens["\(cluster)/\(token)"] = (request, id) }
            return association
        }

        func describe(cluster: String, id: String) throws(Failure) -> EKSPodIdentityAssociation {
            try associations[index(cluster: cluster, id: id)]
        }

        mutating func update(
            cluster: String, id: String, _ request: EKSUpdatePodIdentityAssociationRequest, now: Date
        ) throws(Failure) -> EKSPodIdentityAssociation {
            let position = try index(cluster: cluster, id: id)
            var association = associations[position]
            if let role = request.roleARN {
                guard !role.isEmpty else { throw .invalidParameter("roleArn must not be empty") }
                association.roleARN = role
            }
            if let disable = request.disableSessionTags { association.disableSessionTags = disable }
            if let target = request.targetRoleARN { association.targetRoleARN = target.isEmpty ? nil : target }
            if let policy = request.policy { association.policy = policy.isEmpty ? nil : policy }
            association.modifiedAt = now
            associations[position] = association
            return association
        }

        mutating func delete(cluster: String, id: String) throws(Failure) -> EKSPodIdentityAssociation {
            associations.remove(at: try index(cluster: cluster, id: id))
        }

        /// One page of the cluster's associations matching the filters, in creation order. The
        /// `nextToken` is the position of the page's first summary, base64-encoded.
        func list(
            cluster: String, namespace: String?, serviceAccount: String?, maxResults: Int?, nextToken: String?
        ) throws(Failure) -> EKSPodIdentityAssociationPage {
            try requireCluster(cluster)
            let pageSize = maxResults ?? 100
            guard (1...100).contains(pageSize) else { throw .invalidParameter("maxResults must be between 1 and 100") }
            var start = 0
            if let nextToken {
                guard let data = Data(base64Encoded: nextToken), let offset = Int(String(decoding: data, as: UTF8.self)),
                    offset >= 0
                else { throw .invalidParameter("invalid nextToken") }
                start = offset
            }
            let matching = associations.filter {
                $0.clusterName == cluster && (namespace == nil || $0.namespace == namespace)
                    && (serviceAccount == nil || $0.serviceAccount == serviceAccount)
            }
            let end = min(start + pageSize, matching.count)
            let page = start < end ? Array(matching[start..<end]) : []
            let token = end < matching.count ? Data(String(end).utf8).base64EncodedString() : nil
            return EKSPodIdentityAssociationPage(associations: page.map(\.summary), nextToken: token)
        }

        func requireCluster(_ cluster: String) throws(Failure) {
            guard clusters.contains(cluster) else { throw .resourceNotFound("No cluster found for name: \(cluster).") }
        }

        func index(cluster: String, id: String) throws(Failure) -> Int {
            try requireCluster(cluster)
            guard let position = associations.firstIndex(where: { $0.clusterName == cluster && $0.associationID == id }) else {
                throw .resourceNotFound("No Pod Identity Association found for id: \(id).")
            }
            return position
        }

        /// `a-` and 17 characters, as EKS association IDs look, unique per emulator.
        mutating func nextAssociationID() -> String {
            nextSerial += 1
            let digits = String(nextSerial, radix: 36)
            return "a-" + String(repeating: "0", count: max(0, 17 - digits.count)) + digits
        }
    }
}
