import Foundation

/// A JSON Patch (RFC 6902) document: `application/json-patch+json`.
///
/// The finalizer helper guards its edits with a `test` operation so that a concurrent change makes
/// the whole patch fail instead of overwriting someone else's list.
public struct JSONPatch: Codable, Sendable, Equatable {
    public var operations: [Operation]

    public init(_ operations: [Operation]) { self.operations = operations }

    /// One patch operation.
    public struct Operation: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable { case add, remove, replace, move, copy, test }
        public var op: Kind
        public var path: String
        public var value: JSONValue?
        public var from: String?

        public init(op: Kind, path: String, value: JSONValue? = nil, from: String? = nil) {
            self.op = op
            self.path = path
            self.value = value
            self.from = from
        }

        public static func add(_ path: String, _ value: JSONValue) -> Operation { .init(op: .add, path: path, value: value) }
        public static func remove(_ path: String) -> Operation { .init(op: .remove, path: path) }
        public static func replace(_ path: String, _ value: JSONValue) -> Operation { .init(op: .replace, path: path, value: value) }
        public static func test(_ path: String, _ value: JSONValue) -> Operation { .init(op: .test, path: path, value: value) }
    }

    public init(from decoder: any Decoder) throws {
        operations = try decoder.singleValueContainer().decode([Operation].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(operations)
    }

    /// Errors from applying a patch; the message names the operation and path.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        /// `true` when a `test` operation did not hold (Kubernetes answers 422 for this).
        public var isTestFailure: Bool
    }

    /// Applies every operation in order; either all apply or the patch fails.
    public func apply(to document: JSONValue) throws(Failure) -> JSONValue {
        var result = document
        for operation in operations {
            result = try operation.apply(to: result)
        }
        return result
    }
}

extension JSONPatch.Operation {
    func apply(to document: JSONValue) throws(JSONPatch.Failure) -> JSONValue {
        let tokens = try JSONPointer.tokens(path)
        switch op {
        case .add:
            return try JSONPointer.insert(value ?? .null, at: tokens, in: document, replacing: false)
        case .replace:
            _ = try JSONPointer.value(at: tokens, in: document)
            return try JSONPointer.insert(value ?? .null, at: tokens, in: document, replacing: true)
        case .remove:
            return try JSONPointer.remove(at: tokens, in: document)
        case .test:
            // A missing member tests equal to null, as the API server's JSON patch library treats it.
            let actual: JSONValue
            do { actual = try JSONPointer.value(at: tokens, in: document) } catch {
                guard (value ?? .null) == .null else { throw error }
                return document
            }
            guard actual == (value ?? .null) else {
                throw .init(description: "test operation at \(path) failed: found \(actual.jsonString)", isTestFailure: true)
            }
            return document
        case .move, .copy:
            guard let from else { throw .init(description: "\(op.rawValue) at \(path) has no 'from'", isTestFailure: false) }
            let fromTokens = try JSONPointer.tokens(from)
            let moved = try JSONPointer.value(at: fromTokens, in: document)
            let base = op == .move ? try JSONPointer.remove(at: fromTokens, in: document) : document
            return try JSONPointer.insert(moved, at: tokens, in: base, replacing: false)
        }
    }
}
