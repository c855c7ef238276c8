/// A place in a ``LocalStream``: the next sequence number to read and its byte offset.
///
/// Written to checkpoints as `"<sequence>@<offset>"`; ``start`` is `"1@0"`.
public struct LocalStreamPosition: Sendable, Hashable, CustomStringConvertible {
    /// The sequence number of the next entry to read (the first entry is 1).
    public var sequence: Int
    /// The byte offset of that entry in the stream file.
    public var offset: UInt64

    /// The beginning of the stream.
    public static let start = LocalStreamPosition(sequence: 1, offset: 0)

    /// Creates a position.
    public init(sequence: Int, offset: UInt64) {
        self.sequence = sequence
        self.offset = offset
    }

    /// Parses `"<sequence>@<offset>"`.
    ///
    /// - Throws: ``IngestionError/invalidConfiguration(_:)`` for any other text.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "@")
        guard parts.count == 2, let sequence = Int(parts[0]), sequence >= 1, let offset = UInt64(parts[1]) else {
            throw IngestionError.invalidConfiguration("not a local stream position: \(text)")
        }
        self.init(sequence: sequence, offset: offset)
    }

    /// `"<sequence>@<offset>"`.
    public var description: String { "\(sequence)@\(offset)" }
}
