import Foundation

/// A JSON document held as a value: the dynamic form of a Kubernetes object.
///
/// The fake API server stores objects in this form, patches operate on it, and typed resources
/// convert to and from it with ``JSONValue/init(encoding:)`` and ``JSONValue/decode(_:)``.
/// Integers and floating-point numbers are kept apart so that `replicas: 3` never becomes `3.0`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if let tree = decoder as? JSONValueDecoder {   // already a tree: no trial and error
            self = tree.value
            return
        }
        // Only a JSONValue's own type tells which alternative it is; every failed try below builds an
        // error with its coding path. Bytes go through ``JSONValue/init(data:)`` instead, which is fast.
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
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            // The last alternative reports its own decoding error instead of a vague one.
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

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

extension JSONValue {
    /// Encodes any `Encodable` value into its JSON form.
    public init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)   // the tree JSONEncoder-then-parse would give (tested)
    }

    /// Parses JSON bytes (``JSONParser``: each value read once, no `Codable` trial and error).
    public init(data: Data) throws {
        self = try JSONParser.parse(data)
    }

    /// Parses JSON bytes.
    public init(bytes: [UInt8]) throws {
        self = try JSONParser.parse(bytes)
    }

    /// Decodes this JSON into a typed value, straight from the tree.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONValueDecoder.decode(T.self, from: self)
    }

    /// Decodes JSON bytes into a typed value: parsed once into a tree, then decoded from it, which
    /// is much faster than `JSONDecoder` for types that hold ``JSONValue``s (every object's
    /// `managedFields`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONValueDecoder.decode(T.self, from: try JSONParser.parse(data))
    }

    /// Serialises to compact JSON with sorted keys (stable bytes for hashing and golden files).
    public func data() throws -> Data {
        Data(JSONWriter.bytes(self))   // the bytes `encoder` would write (tested), without Codable
    }

    /// The JSON text, for messages and logs.
    public var jsonString: String {
        (try? data()).flatMap { String(data: $0, encoding: .utf8) } ?? "<unencodable>"
    }

    /// The JSON bytes of any `Encodable` value, as ``encoder`` writes them (sorted keys, unescaped
    /// slashes, `nil` omitted), built by ``JSONValueEncoder`` and ``JSONWriter`` instead of
    /// Foundation's `JSONEncoder`: every request body and fake-server status goes this way.
    ///
    /// A CI run crashed (SIGILL in a Swift runtime trap) inside `JSONEncoder` while it released a
    /// sub-encoder under a nested ``JSONValue``; a full run under AddressSanitizer found no memory
    /// error in the project's code, so the bodies no longer depend on `JSONEncoder`'s sub-encoder
    /// reuse. Both paths give the same bytes (JSONWriterTests, JSONValueEncoderTests).
    public static func encodedBytes(_ value: some Encodable) throws -> Data {
        if let json = value as? JSONValue { return try json.data() }
        return try JSONValue(encoding: value).data()
    }

    /// The encoder used for request bodies: sorted keys, unescaped slashes, nil omitted.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static let decoder = JSONDecoder()
}
