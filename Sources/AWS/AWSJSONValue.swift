import Foundation

/// A JSON document held as a value: the bodies of OpenSearch queries and Bedrock model requests,
/// built by pure functions and compared in tests.
///
/// Integers and floating-point numbers are kept apart so that `"k": 10` never becomes `10.0`.
/// Encoding sorts object keys, so the same value always gives the same bytes.
///
/// ```swift
/// let query: AWSJSONValue = ["size": 10, "query": ["match": ["message": "brake fault"]]]
/// let data = try query.encoded()
/// ```
public enum AWSJSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without a fraction.
    case integer(Int64)
    /// A number with a fraction or exponent.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([AWSJSONValue])
    /// An object.
    case object([String: AWSJSONValue])

    /// The member `key` of an object, or `nil` for a missing member or a value that is not an object.
    public subscript(key: String) -> AWSJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The string, or `nil` when this is not a string.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The number as an `Int`, or `nil` when this is not an integer.
    public var intValue: Int? {
        guard case .integer(let value) = self else { return nil }
        return Int(exactly: value)
    }

    /// The number as a `Double` (integers converted), or `nil` when this is not a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The elements, or `nil` when this is not an array.
    public var arrayValue: [AWSJSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The JSON text of this value, with sorted keys and no insignificant whitespace.
    ///
    /// - Throws: ``AWSError/Code/invalidConfiguration`` when a number is not finite.
    public func encoded() throws(AWSError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw AWSError(code: .invalidConfiguration, message: "could not encode a JSON document", underlying: error)
        }
    }

    /// Parses JSON text.
    ///
    /// - Parameter data: The JSON text.
    /// - Returns: The document.
    /// - Throws: ``AWSError/Code/invalidResponse`` when the text is not JSON.
    public static func decode(_ data: Data) throws(AWSError) -> AWSJSONValue {
        do {
            return try JSONDecoder().decode(AWSJSONValue.self, from: data)
        } catch {
            throw AWSError(code: .invalidResponse, message: "the response is not JSON", underlying: error)
        }
    }
}

extension AWSJSONValue: Codable {
    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AWSJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AWSJSONValue].self))
        }
    }

    /// Encodes the value as JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension AWSJSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal.
    public init(arrayLiteral elements: AWSJSONValue...) { self = .array(elements) }
    /// An object literal; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, AWSJSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `nil` is `null`.
    public init(nilLiteral: ()) { self = .null }
}
