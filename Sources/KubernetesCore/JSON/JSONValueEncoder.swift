import Foundation

/// Encodes `Encodable` values straight into a ``JSONValue`` tree, without bytes in between.
///
/// The operator turns every desired child (a typed Deployment, Service, …) into its JSON form on
/// every reconcile; through `JSONEncoder` and back that was a quarter of a steady-state reconcile.
/// Values are what `JSONEncoder` (``JSONValue/encoder``) writes: `nil` optionals left out by
/// `encodeIfPresent`, `Date` as seconds since 2001, `Data` as base64, `URL` as its string, integers
/// as ``JSONValue/integer(_:)``, floating point as ``JSONValue/double(_:)`` (whole values as integers,
/// as ``JSONParser`` reads `JSONEncoder`'s output). The tests compare both on the project's types.
struct JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Slot()
        var single = Single(slot: root, codingPath: [])
        try single.encode(value)
        return root.resolved ?? .object([:])   // a value that encoded nothing: an empty keyed container
    }

    /// Where a container writes: a reference, so nested containers fill their parent's slot.
    final class Slot {
        var value: JSONValue?
        var object: [String: Slot]?
        var array: [Slot]?

        /// The finished tree.
        var resolved: JSONValue? {
            if let object { return .object(object.compactMapValues(\.resolved)) }
            if let array { return .array(array.map { $0.resolved ?? .null }) }
            return value
        }
    }

    /// The encoder a value's `encode(to:)` gets: its containers write into `target`.
    struct TreeEncoder: Encoder {
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        let target: Slot

        init(codingPath: [any CodingKey], slot: Slot) {
            self.codingPath = codingPath
            self.target = slot
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if target.object == nil { target.object = [:]; target.value = nil; target.array = nil }
            return KeyedEncodingContainer(Keyed<Key>(slot: target, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if target.array == nil { target.array = []; target.value = nil; target.object = nil }
            return Unkeyed(slot: target, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: target, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let codingPath: [any CodingKey]

        func child(_ key: Key) -> Slot {
            if let existing = slot.object?[key.stringValue] { return existing }
            let child = Slot()
            slot.object?[key.stringValue] = child
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            var single = Single(slot: child(key), codingPath: codingPath + [key])
            try single.encode(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = child(key)
            if nested.object == nil { nested.object = [:] }
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = child(key)
            if nested.array == nil { nested.array = [] }
            return Unkeyed(slot: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath, slot: slot) }

        mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(codingPath: codingPath + [key], slot: child(key)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]
        var count: Int { slot.array?.count ?? 0 }

        struct Index: CodingKey {
            var intValue: Int?
            var stringValue: String { "Index \(intValue ?? 0)" }
            init(intValue: Int) { self.intValue = intValue }
            init?(stringValue: String) { nil }
        }

        func next() -> Slot {
            let child = Slot()
            slot.array?.append(child)
            return child
        }

        mutating func encodeNil() throws { next().value = .null }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let key = Index(intValue: count)
            var single = Single(slot: next(), codingPath: codingPath + [key])
            try single.encode(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let key = Index(intValue: count)
            let nested = next()
            nested.object = [:]
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let key = Index(intValue: count)
            let nested = next()
            nested.array = []
            return Unkeyed(slot: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder {
            TreeEncoder(codingPath: codingPath + [Index(intValue: count)], slot: next())
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        func set(_ value: JSONValue) {
            slot.value = value
            slot.object = nil
            slot.array = nil
        }

        mutating func encodeNil() throws { set(.null) }
        mutating func encode(_ value: Bool) throws { set(.bool(value)) }
        mutating func encode(_ value: String) throws { set(.string(value)) }
        mutating func encode(_ value: Double) throws { try set(Self.number(value, codingPath)) }
        mutating func encode(_ value: Float) throws { try set(Self.number(Double(value), codingPath)) }
        mutating func encode(_ value: Int) throws { set(.integer(Int64(value))) }
        mutating func encode(_ value: Int8) throws { set(.integer(Int64(value))) }
        mutating func encode(_ value: Int16) throws { set(.integer(Int64(value))) }
        mutating func encode(_ value: Int32) throws { set(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { set(.integer(value)) }
        mutating func encode(_ value: UInt) throws { try set(Self.unsigned(UInt64(value), codingPath)) }
        mutating func encode(_ value: UInt8) throws { set(.integer(Int64(value))) }
        mutating func encode(_ value: UInt16) throws { set(.integer(Int64(value))) }
        mutating func encode(_ value: UInt32) throws { set(.integer(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { try set(Self.unsigned(value, codingPath)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            switch value {
            case let json as JSONValue: set(json)
            case let date as Date: try encode(date.timeIntervalSinceReferenceDate)
            case let data as Data: set(.string(data.base64EncodedString()))
            case let url as URL: set(.string(url.absoluteString))
            default: try value.encode(to: TreeEncoder(codingPath: codingPath, slot: slot))
            }
        }

        /// As `JSONEncoder` then ``JSONParser``: non-finite numbers are an error, whole ones integers.
        static func number(_ value: Double, _ codingPath: [any CodingKey]) throws -> JSONValue {
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
            }
            if let whole = Int64(exactly: value) { return .integer(whole) }
            return .double(value)
        }

        static func unsigned(_ value: UInt64, _ codingPath: [any CodingKey]) throws -> JSONValue {
            if let exact = Int64(exactly: value) { return .integer(exact) }
            return .double(Double(value))
        }
    }
}
