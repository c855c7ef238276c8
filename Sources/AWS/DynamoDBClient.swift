import Foundation

/// A client for the Amazon DynamoDB operations a small coordination table needs (JSON 1.0
/// protocol, target prefix `DynamoDB_20120810`): conditional PutItem and UpdateItem, a
/// consistent scan, and describing and creating the table.
///
/// A failed condition is an ``AWSError`` whose `errorCode` is `ConditionalCheckFailedException`
/// (see ``AWSError/isConditionalCheckFailure``); it is never retried.
///
/// ```swift
/// let dynamo = DynamoDBClient(http: AWSHTTPClient(service: .dynamoDB, region: region, endpoint: url,
///                                                   credentialProvider: provider, transport: transport))
/// try await dynamo.putItem(table: "leases", item: ["shard": .string("shardId-0")],
///                          condition: "attribute_not_exists(shard)")
/// ```
public struct DynamoDBClient: Sendable {
    /// The model's `targetPrefix`.
    public static let targetPrefix = "DynamoDB_20120810"

    /// The HTTP layer, for the `dynamodb` service.
    public var http: AWSHTTPClient

    /// Creates a client over an HTTP layer configured for ``AWSService/dynamoDB``.
    public init(http: AWSHTTPClient) {
        self.http = http
    }

    /// An item: attribute name to value.
    public typealias Item = [String: DynamoDBAttributeValue]

    /// Calls `DynamoDB_20120810.<operation>` with `input`.
    ///
    /// - Throws: ``AWSError``.
    public func call<Input: Encodable, Output: Decodable>(
        _ operation: String, _ input: Input, output: Output.Type = Output.self
    ) async throws(AWSError) -> Output {
        try await http.jsonRPC(target: "\(Self.targetPrefix).\(operation)", input: input, output: Output.self, protocolVersion: "1.0")
    }

    /// The input of PutItem and UpdateItem (absent members are left out).
    private struct WriteInput: Encodable {
        var TableName: String
        var Item: DynamoDBClient.Item?
        var Key: DynamoDBClient.Item?
        var UpdateExpression: String?
        var ConditionExpression: String?
        var ExpressionAttributeNames: [String: String]?
        var ExpressionAttributeValues: DynamoDBClient.Item?
        var ReturnValues: String?
    }

    private struct WriteOutput: Decodable { var Attributes: DynamoDBClient.Item? }

    /// Writes `item` whole, when `condition` (if any) holds for the stored item.
    ///
    /// - Throws: ``AWSError``; `ConditionalCheckFailedException` when the condition fails.
    public func putItem(
        table: String, item: Item, condition: String? = nil, names: [String: String]? = nil, values: Item? = nil
    ) async throws(AWSError) {
        _ = try await call("PutItem", WriteInput(
            TableName: table, Item: item, ConditionExpression: condition,
            ExpressionAttributeNames: names, ExpressionAttributeValues: values), output: WriteOutput.self)
    }

    /// Applies `update` (an `UpdateExpression`) to the item with `key` when `condition` holds, and
    /// returns the item as it is afterwards.
    ///
    /// - Throws: ``AWSError``; `ConditionalCheckFailedException` when the condition fails.
    @discardableResult
    public func updateItem(
        table: String, key: Item, update: String, condition: String? = nil,
        names: [String: String]? = nil, values: Item? = nil
    ) async throws(AWSError) -> Item {
        try await call("UpdateItem", WriteInput(
            TableName: table, Key: key, UpdateExpression: update, ConditionExpression: condition,
            ExpressionAttributeNames: names, ExpressionAttributeValues: values, ReturnValues: "ALL_NEW"),
            output: WriteOutput.self).Attributes ?? [:]
    }

    /// Every item of the table, read consistently, following `LastEvaluatedKey`.
    ///
    /// - Throws: ``AWSError``.
    public func scan(table: String) async throws(AWSError) -> [Item] {
        struct Input: Encodable { var TableName: String; var ConsistentRead = true; var ExclusiveStartKey: DynamoDBClient.Item? }
        struct Output: Decodable { var Items: [DynamoDBClient.Item]?; var LastEvaluatedKey: DynamoDBClient.Item? }
        var items: [Item] = []
        var input = Input(TableName: table)
        while true {
            let page = try await call("Scan", input, output: Output.self)
            items += page.Items ?? []
            guard let next = page.LastEvaluatedKey, !next.isEmpty else { return items }
            input.ExclusiveStartKey = next
        }
    }

    /// The table's status (`CREATING`, `ACTIVE`, …), or `nil` when it does not exist.
    ///
    /// - Throws: ``AWSError`` other than `ResourceNotFoundException`.
    public func tableStatus(_ table: String) async throws(AWSError) -> String? {
        struct Input: Encodable { var TableName: String }
        struct Description: Decodable { var TableStatus: String? }
        struct Output: Decodable { var Table: Description? }
        do {
            return try await call("DescribeTable", Input(TableName: table), output: Output.self).Table?.TableStatus ?? "ACTIVE"
        } catch {
            if error.errorCode == "ResourceNotFoundException" { return nil }
            throw error
        }
    }

    /// Creates an on-demand (`PAY_PER_REQUEST`) table keyed by one string attribute.
    ///
    /// - Throws: ``AWSError``; `ResourceInUseException` when it already exists.
    public func createTable(_ table: String, hashKey: String) async throws(AWSError) {
        struct Definition: Encodable { var AttributeName: String; var AttributeType = "S" }
        struct KeyElement: Encodable { var AttributeName: String; var KeyType = "HASH" }
        struct Input: Encodable {
            var TableName: String
            var AttributeDefinitions: [Definition]
            var KeySchema: [KeyElement]
            var BillingMode = "PAY_PER_REQUEST"
        }
        struct Output: Decodable {}
        _ = try await call("CreateTable", Input(
            TableName: table, AttributeDefinitions: [Definition(AttributeName: hashKey)],
            KeySchema: [KeyElement(AttributeName: hashKey)]), output: Output.self)
    }
}

extension AWSError {
    /// Whether this is DynamoDB's `ConditionalCheckFailedException`.
    public var isConditionalCheckFailure: Bool { errorCode == "ConditionalCheckFailedException" }
}
