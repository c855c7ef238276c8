import AWS
import Foundation
import Ingestion

/// Clients for a moto_server at `endpoint` (any credentials, us-east-1), shared by the tests
/// that run against it.
package enum MotoClients {
    package static func http(_ service: AWSService, _ endpoint: URL) -> AWSHTTPClient {
        AWSHTTPClient(
            service: service, region: "us-east-1", endpoint: endpoint,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            transport: AsyncHTTPClientTransport())
    }

    package static func kinesis(_ endpoint: URL) -> KinesisClient {
        KinesisClient(http: http(.kinesis, endpoint))
    }

    package static func leaseTable(_ endpoint: URL, name: String) -> DynamoDBShardLeaseTable {
        DynamoDBShardLeaseTable(dynamo: DynamoDBClient(http: http(.dynamoDB, endpoint)), tableName: name)
    }

    /// Creates the stream `name` with `shards` shards.
    package static func createStream(_ kinesis: KinesisClient, name: String = "vehicle-logs", shards: Int) async throws {
        struct CreateStream: Encodable { var StreamName: String; var ShardCount: Int }
        struct Empty: Decodable {}
        _ = try await kinesis.call("CreateStream", CreateStream(StreamName: name, ShardCount: shards), output: Empty.self)
    }
}
