import Foundation
import Synchronization

/// A durable append-only stream in one file: the in-process stand-in for Kinesis in local mode.
///
/// Each entry is one JSON line, `{"sequence":12,"data":"<payload>"}`, with sequence numbers
/// 1, 2, 3… in file order. ``append(_:)`` writes a batch and `fsync`s it once; readers only see
/// entries that are on disk, so a consumer never acknowledges a record that a crash could take
/// back.
///
/// ## Recovery
/// A crash during an append can leave an incomplete last line. Opening the stream truncates the
/// file after its last complete line (``recoveredTornBytes`` says how much was dropped); readers
/// ignore an incomplete final line too.
///
/// ```swift
/// let stream = try LocalStream(directory: dataDir)
/// try stream.append([recordJSON])
/// let entries = try stream.read(from: .start, limit: 500)
/// ```
public final class LocalStream: Sendable {
    /// One entry and the position after it.
    public struct Entry: Sendable, Equatable {
        /// The entry's sequence number.
        public var sequence: Int
        /// The payload, as appended.
        public var data: Data
        /// Where the next entry starts.
        public var next: LocalStreamPosition
    }

    struct Line: Codable {
        var sequence: Int
        var data: String
    }

    private struct Writer: ~Copyable {
        let handle: FileHandle
        var end: LocalStreamPosition
    }

    /// The stream file.
    public let url: URL
    /// Bytes of an incomplete last line dropped when the stream was opened.
    public let recoveredTornBytes: UInt64
    private let writer: Mutex<Writer>

    /// Opens the stream file `name` in `directory`, creating both when missing and dropping a torn
    /// last line.
    ///
    /// - Throws: ``IngestionError/streamFailed(path:reason:)`` or
    ///   ``IngestionError/streamCorrupted(path:offset:)`` when the last complete line is not an entry.
    public init(directory: URL, name: String = "stream.jsonl") throws {
        url = directory.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path) {
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw DurableFileError(message: "cannot create the file")
                }
                try DurableFile.synchronizeDirectory(directory)
            }
            let handle = try FileHandle(forUpdating: url)
            let recovery = try LocalStreamRecovery.recover(handle, path: url.path)
            recoveredTornBytes = recovery.droppedBytes
            writer = Mutex(Writer(handle: handle, end: recovery.end))
        } catch let error as IngestionError {
            throw error
        } catch {
            throw IngestionError.streamFailed(path: url.path, reason: "\(error)")
        }
    }

    /// The position after the last durable entry.
    public var end: LocalStreamPosition { writer.withLock { $0.end } }

    /// The number of entries.
    public var count: Int { end.sequence - 1 }

    /// Appends payloads as consecutive entries and `fsync`s them.
    ///
    /// - Parameter payloads: The payloads, each valid UTF-8 (JSON records).
    /// - Returns: The sequence numbers given to them.
    /// - Throws: ``IngestionError/streamFailed(path:reason:)``; entries whose write failed are
    ///   not visible to readers (the next open drops a torn line).
    @discardableResult
    public func append(_ payloads: [Data]) throws -> Range<Int> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try writer.withLock { writer in
            var bytes = Data()
            let first = writer.end.sequence
            for (index, payload) in payloads.enumerated() {
                bytes += try encoder.encode(Line(sequence: first + index, data: String(decoding: payload, as: UTF8.self)))
                bytes.append(0x0A)
            }
            do {
                try writer.handle.seek(toOffset: writer.end.offset)
                try writer.handle.write(contentsOf: bytes)
                try writer.handle.synchronize()
            } catch {
                throw IngestionError.streamFailed(path: url.path, reason: "append failed: \(error)")
            }
            writer.end = LocalStreamPosition(sequence: first + payloads.count, offset: writer.end.offset + UInt64(bytes.count))
            return first..<(first + payloads.count)
        }
    }

    /// Up to `limit` durable entries starting at `position`.
    ///
    /// - Throws: ``IngestionError/streamFailed(path:reason:)`` or
    ///   ``IngestionError/streamCorrupted(path:offset:)``.
    public func read(from position: LocalStreamPosition, limit: Int) throws -> [Entry] {
        let end = self.end
        guard position.offset < end.offset, limit > 0 else { return [] }
        var window = UInt64(limit) * 4096
        while true {
            let wanted = min(end.offset - position.offset, window)
            let bytes: Data
            do {
                let handle = try FileHandle(forReadingFrom: url)
                try handle.seek(toOffset: position.offset)
                bytes = try handle.read(upToCount: Int(wanted)) ?? Data()
                try handle.close()
            } catch {
                throw IngestionError.streamFailed(path: url.path, reason: "read failed: \(error)")
            }
            let entries = try LocalStreamRecovery.entries(in: bytes, from: position, limit: limit, path: url.path)
            // A line longer than the window: read a larger one.
            if !entries.isEmpty || wanted == end.offset - position.offset { return entries }
            window *= 4
        }
    }
}
