import Foundation

#if _endian(big)
#error("StoreFile writes Float32 and Int32 arrays in host byte order and assumes a little-endian host")
#endif

/// The binary file of a version-1 ``EmbeddedVectorStore`` (before the store ran on `VectorIndex`):
/// vectors and the old graph, little-endian. Read only to migrate: ``EmbeddedVectorStore`` takes
/// the vectors and rebuilds the index (see `EmbeddedVectorStore+Persistence.swift`). Also home of
/// ``writeAtomically(to:_:)``, which every file of a save goes through.
///
/// ```text
/// offset  size             field
/// 0       4                magic "RAGV"
/// 4       4   UInt32       format version (1)
/// 8       4   UInt32       dimensions
/// 12      4   UInt32       HNSW m
/// 16      8   UInt64       count (slots, including tombstoned ones)
/// 24      8   UInt64       link count (Int32 values in the graph section)
/// 32      4   Int32        entry point (-1 when empty)
/// 36      4   Int32        max level
/// 40      8   UInt64       level-generator state
/// 48      count·dims·4     vectors, Float32, row-major
/// …       count            node levels, UInt8
/// …       links·4          adjacency lists, Int32
/// ```
/// The records live in a JSON sidecar, one entry per slot (`null` for a tombstoned slot).
enum StoreFile {
    static let magic: [UInt8] = Array("RAGV".utf8)
    static let version: UInt32 = 1
    static let headerSize = 48

    /// The header fields.
    struct Header: Equatable {
        var dimensions: Int
        var m: Int
        var count: Int
        var linkCount: Int
        var entryPoint: Int32
        var maxLevel: Int32
        var randomState: UInt64

        /// The file size this header implies.
        var expectedSize: Int { StoreFile.headerSize + count * dimensions * 4 + count + linkCount * 4 }
    }

    /// The encoded header.
    static func encode(_ header: Header) -> Data {
        var data = Data(magic)
        func append<Value: FixedWidthInteger>(_ value: Value) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        append(version)
        append(UInt32(header.dimensions))
        append(UInt32(header.m))
        append(UInt64(header.count))
        append(UInt64(header.linkCount))
        append(header.entryPoint)
        append(header.maxLevel)
        append(header.randomState)
        return data
    }

    /// Decodes and checks a header.
    ///
    /// - Throws: ``RetrievalError/loadFailed(path:reason:)`` for a short file, a wrong magic or
    ///   an unsupported version.
    static func decodeHeader(_ bytes: UnsafeRawBufferPointer, path: String) throws -> Header {
        guard bytes.count >= headerSize else { throw RetrievalError.loadFailed(path: path, reason: "file shorter than its header") }
        guard Array(bytes[0..<4]) == magic else { throw RetrievalError.loadFailed(path: path, reason: "not an embedded store file (bad magic)") }
        func read<Value: FixedWidthInteger>(_ offset: Int, as type: Value.Type) -> Value {
            Value(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Value.self))
        }
        let version = read(4, as: UInt32.self)
        guard version == Self.version else {
            throw RetrievalError.loadFailed(path: path, reason: "unsupported format version \(version), expected \(Self.version)")
        }
        return Header(
            dimensions: Int(read(8, as: UInt32.self)),
            m: Int(read(12, as: UInt32.self)),
            count: Int(read(16, as: UInt64.self)),
            linkCount: Int(read(24, as: UInt64.self)),
            entryPoint: read(32, as: Int32.self),
            maxLevel: read(36, as: Int32.self),
            randomState: read(40, as: UInt64.self)
        )
    }

    /// Writes `body` to `url` through a temporary file that is flushed to disk and renamed into
    /// place, so a crash leaves either the old file or the new one, never half of one.
    static func writeAtomically(to url: URL, _ body: (FileHandle) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw RetrievalError.saveFailed(path: temporary.path, reason: "cannot create file")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try body(handle)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw RetrievalError.saveFailed(path: url.path, reason: "rename failed: \(String(cString: strerror(errno)))")
            }
        } catch let error as RetrievalError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RetrievalError.saveFailed(path: url.path, reason: "\(error)")
        }
    }

    /// Copies `count` values of `Element` starting at `offset` out of a file's bytes.
    static func read<Element>(_ bytes: UnsafeRawBufferPointer, offset: Int, count: Int, as type: Element.Type) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialised in
            let target = UnsafeMutableRawBufferPointer(buffer)
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count * MemoryLayout<Element>.stride)]))
            initialised = count
        }
    }
}
