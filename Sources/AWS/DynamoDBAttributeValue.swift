import Foundation

/// One DynamoDB attribute value in its wire form (`{"S": "…"}`, `{"N": "42"}`, `{"BOOL": true}`,
/// `{"NULL": true}`): the scalar types the lease table needs.
///
/// Numbers travel as strings, as DynamoDB sends them, so no precision is lost.
///
/// ```swift
/// let item: [String: DynamoDBAttributeValue] = ["shard": .string("shardId-0"), "counter": .number("3")]
/// ```
public enum DynamoDBAttributeValue: Sendable, Hashable, Codable {
    /// `S`.
    case string(String)
    /// `N`, the decimal text.
    case number(String)
    /// `BOOL`.
    case bool(Bool)
    /// `NULL`.
    case null

    /// An `N` from an integer.
    public static func integer(_ value: Int) -> DynamoDBAttributeValue { .number(String(value)) }

    /// The `S` text, or `nil` for another type.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The `N` as an integer, or `nil` for another type or a fraction.
    public var integerValue: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    enum CodingKeys: String, CodingKey {
        case s = "S", n = "N", bool = "BOOL", null = "NULL"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .s) {
            self = .string(text)
        } else if let text = try container.decodeIfPresent(String.self, forKey: .n) {
            self = .number(text)
        } else if let flag = try container.decodeIfPresent(Bool.self, forKey: .bool) {
            self = .bool(flag)
        } else if try container.decodeIfPresent(Bool.self, forKey: .null) != nil {
            self = .null
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "unsupported DynamoDB attribute type (only S, N, BOOL, NULL)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string(let text): try container.encode(text, forKey: .s)
        case .number(let text): try container.encode(text, forKey: .n)
        case .bool(let flag): try container.encode(flag, forKey: .bool)
        case .null: try container.encode(true, forKey: .null)
        }
    }
}
