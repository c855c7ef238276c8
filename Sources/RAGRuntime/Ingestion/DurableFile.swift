import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe file writes: a temporary file, `fsync`, `rename`, then `fsync` of the directory.
///
/// After a crash a reader sees either the old content or the new one, never a mix.
enum DurableFile {
    /// Replaces `url` with `data` atomically and durably.
    ///
    /// - Throws: A `String` reason wrapped by the caller.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw DurableFileError(message: "cannot create \(temporary.path)")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try handle.synchronize()
        } catch {
            try handle.close()
            throw error
        }
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            _ = unlink(temporary.path)
            throw DurableFileError(message: "rename to \(url.path) failed: \(String(cString: strerror(code)))")
        }
        try synchronizeDirectory(directory)
    }

    /// `fsync` of a directory, so a rename or a new file in it survives a crash.
    static func synchronizeDirectory(_ directory: URL) throws {
        let descriptor = open(directory.path, O_RDONLY)
        guard descriptor >= 0 else { throw DurableFileError(message: "cannot open \(directory.path)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw DurableFileError(message: "fsync of \(directory.path) failed") }
    }
}

/// Why a durable write failed.
struct DurableFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
