import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension WriteAheadLog {
    /// What reading the log back found.
    struct Replay: Equatable {
        /// Entries applied.
        var entries = 0
        /// Bytes cut off the end of a segment: a frame that was being written when the process
        /// stopped (never acknowledged).
        var tornBytes = 0
        /// The last segment read, or the given start minus one when there was none.
        var lastSegment: Int
    }

    /// Reads every segment from `first` on, in order, passing each entry's payload to `apply`, and
    /// cuts a torn or corrupt tail off the segment it is in (so new frames never follow garbage).
    ///
    /// - Throws: ``RetrievalError/loadFailed(path:reason:)`` when a file cannot be read or cut,
    ///   or what `apply` throws.
    static func replay(in directory: URL, from first: Int, _ apply: ([UInt8]) throws -> Void) throws -> Replay {
        var replay = Replay(lastSegment: first - 1)
        for number in try segments(in: directory) where number >= first {
            let url = directory.appendingPathComponent(name(of: number))
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw RetrievalError.loadFailed(path: url.path, reason: "\(error)") }
            let bytes = [UInt8](data)
            var offset = 0
            while offset + 8 <= bytes.count {
                let length = Int(read(bytes, at: offset)), checksum = read(bytes, at: offset + 4)
                let end = offset + 8 + length
                guard end <= bytes.count, CRC32.checksum(bytes[(offset + 8)..<end]) == checksum else { break }
                try apply(Array(bytes[(offset + 8)..<end]))
                replay.entries += 1
                offset = end
            }
            if offset < bytes.count {
                replay.tornBytes += bytes.count - offset
                guard truncate(url.path, off_t(offset)) == 0 else {
                    throw RetrievalError.loadFailed(path: url.path, reason: "cutting the torn tail: \(String(cString: strerror(errno)))")
                }
            }
            replay.lastSegment = number
        }
        return replay
    }

    static func read(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
