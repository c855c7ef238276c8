/// Splits a byte stream into newline-terminated lines, however the bytes were chunked.
///
/// Watch responses are one JSON document per line, but HTTP chunks split lines anywhere: in the
/// middle of a document, of a multi-byte character, or several documents at once.
///
/// - Caveats: a line longer than `maximumLineLength` (default 16 MiB, far above any object the API
///   server accepts) throws instead of growing without bound.
public struct LineFramer: Sendable {
    private var buffer: [UInt8] = []
    public let maximumLineLength: Int

    public init(maximumLineLength: Int = 16 << 20) {
        self.maximumLineLength = maximumLineLength
    }

    /// Adds bytes and returns every line completed by them, without the newline (and without a `\r` before it).
    public mutating func append(_ bytes: some Sequence<UInt8>) throws(KubernetesCoreError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if buffer.last == UInt8(ascii: "\r") { buffer.removeLast() }
                if !buffer.isEmpty { lines.append(buffer) }
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.append(byte)
                if buffer.count > maximumLineLength {
                    throw .invalidWatchEvent(line: String(decoding: buffer.prefix(200), as: UTF8.self), reason: "line longer than \(maximumLineLength) bytes")
                }
            }
        }
        return lines
    }

    /// The bytes of an unterminated last line, when the stream ends (the API server always terminates lines, but proxies may not).
    public mutating func finish() -> [UInt8]? {
        defer { buffer.removeAll() }
        return buffer.isEmpty ? nil : buffer
    }
}
