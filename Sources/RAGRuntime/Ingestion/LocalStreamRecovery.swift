import Foundation

/// Parsing and crash recovery of the ``LocalStream`` file format.
enum LocalStreamRecovery {
    /// Truncates a torn last line and returns the position after the last complete entry.
    ///
    /// - Returns: The bytes dropped and the end position.
    /// - Throws: `IngestionError.streamCorrupted` when the last complete line is not an entry.
    static func recover(_ handle: FileHandle, path: String) throws -> (droppedBytes: UInt64, end: LocalStreamPosition) {
        let size = try handle.seekToEnd()
        var tail = Data()
        var tailStart = size
        var newlines: [UInt64] = []   // offsets of the last two newlines, last first
        while tailStart > 0 && newlines.count < 2 {
            let chunk = min(tailStart, 65_536)
            tailStart -= chunk
            try handle.seek(toOffset: tailStart)
            let bytes = try handle.read(upToCount: Int(chunk)) ?? Data()
            tail = bytes + tail
            newlines = tail.indices.reversed().lazy.filter { tail[$0] == 0x0A }.prefix(2).map { tailStart + UInt64($0 - tail.startIndex) }
        }
        guard let lastNewline = newlines.first else {
            try handle.truncate(atOffset: 0)
            try handle.synchronize()
            return (size, .start)
        }
        let end = lastNewline + 1
        if end < size {
            try handle.truncate(atOffset: end)
            try handle.synchronize()
        }
        let lineStart = newlines.count > 1 ? newlines[1] + 1 : 0
        let line = tail[(tail.startIndex + Int(lineStart - tailStart))..<(tail.startIndex + Int(lastNewline - tailStart))]
        guard let entry = try? JSONDecoder().decode(LocalStream.Line.self, from: line) else {
            // Not an entry: the file is damaged beyond a torn append, so refuse to guess.
            throw IngestionError.streamCorrupted(path: path, offset: lineStart)
        }
        return (size - end, LocalStreamPosition(sequence: entry.sequence + 1, offset: end))
    }

    /// The complete entries in `bytes` (read from `position`), at most `limit`.
    ///
    /// - Throws: `IngestionError.streamCorrupted` for a complete line that is not the expected entry.
    static func entries(in bytes: Data, from position: LocalStreamPosition, limit: Int, path: String) throws -> [LocalStream.Entry] {
        let decoder = JSONDecoder()
        var entries: [LocalStream.Entry] = []
        var lineStart = bytes.startIndex
        var next = position
        while entries.count < limit, let newline = bytes[lineStart...].firstIndex(of: 0x0A) {
            let line = bytes[lineStart..<newline]
            guard let decoded = try? decoder.decode(LocalStream.Line.self, from: line), decoded.sequence == next.sequence else {
                // A complete line that does not decode, or out of order: report where it is.
                throw IngestionError.streamCorrupted(path: path, offset: next.offset)
            }
            next = LocalStreamPosition(sequence: next.sequence + 1, offset: next.offset + UInt64(newline - lineStart + 1))
            entries.append(LocalStream.Entry(sequence: decoded.sequence, data: Data(decoded.data.utf8), next: next))
            lineStart = newline + 1
        }
        return entries
    }
}
