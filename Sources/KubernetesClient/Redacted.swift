/// A secret value (token, password, key) that never prints: `description` is `<redacted>`.
public struct Redacted<Value: Sendable & Equatable>: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only where it is sent.
    public let value: Value

    public init(_ value: Value) { self.value = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
