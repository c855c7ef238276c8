/// Splits a server-sent event byte stream into the payloads of its `data:` lines (sans-IO).
///
/// Bytes arrive in arbitrary chunks; ``feed(_:)`` buffers a partial line until its newline
/// arrives. Comment lines (`:`), `event:`/`id:` lines and blank separators are skipped. The
/// OpenAI end marker `data: [DONE]` is reported as ``Line/done``.
///
/// ```swift
/// var parser = ServerSentEventParser()
/// parser.feed(Array("data: {\"a\":1}\n\ndata: [DO".utf8))   // [.data("{\"a\":1}")]
/// parser.feed(Array("NE]\n".utf8))                           // [.done]
/// ```
struct ServerSentEventParser: Sendable {
    /// What a complete line meant.
    enum Line: Sendable, Equatable {
        case data(String)
        case done
    }

    private var pending: [UInt8] = []

    /// The largest line accepted; a longer one means the server is not speaking SSE.
    static let maximumLineBytes = 1 << 20

    /// Adds bytes and returns the data payloads of every line they complete.
    ///
    /// - Throws: ``LLMError/invalidResponse(_:)`` when a line grows past ``maximumLineBytes``.
    mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [Line] {
        var lines: [Line] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if let line = Self.interpret(pending) { lines.append(line) }
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
                guard pending.count <= Self.maximumLineBytes else {
                    throw LLMError.invalidResponse("server-sent event line longer than \(Self.maximumLineBytes) bytes")
                }
            }
        }
        return lines
    }

    /// The payload of whatever remains once the stream ends without a final newline.
    mutating func finish() -> [Line] {
        defer { pending.removeAll() }
        return Self.interpret(pending).map { [$0] } ?? []
    }

    private static func interpret(_ raw: [UInt8]) -> Line? {
        var line = Substring(decoding: raw, as: UTF8.self)
        if line.hasSuffix("\r") { line = line.dropLast() }
        guard line.hasPrefix("data:") else { return nil }
        var payload = line.dropFirst(5)
        if payload.hasPrefix(" ") { payload = payload.dropFirst() }
        return payload == "[DONE]" ? .done : .data(String(payload))
    }
}
