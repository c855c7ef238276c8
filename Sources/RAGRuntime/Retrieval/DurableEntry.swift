import Foundation
import TelemetryModel

/// One change of the embedded store as the write-ahead log holds it: an upsert of documents
/// (each record as JSON, each vector as little-endian `Float32`s) or a delete of ids.
enum DurableEntry: Equatable {
    case upsert([IndexedDocument])
    case delete([String])

    static let upsertTag: UInt8 = 1
    static let deleteTag: UInt8 = 2

    /// The bytes of this entry.
    func encoded() throws -> [UInt8] {
        var bytes: [UInt8] = []
        switch self {
        case .upsert(let documents):
            bytes.append(Self.upsertTag)
            WriteAheadLog.append(UInt32(documents.count), to: &bytes)
            let encoder = JSONEncoder()
            for document in documents {
                let record = try encoder.encode(document.record)
                WriteAheadLog.append(UInt32(record.count), to: &bytes)
                bytes += record
                WriteAheadLog.append(UInt32(document.vector.count), to: &bytes)
                #if _endian(little)
                document.vector.withUnsafeBytes { bytes += $0 }   // little-endian Float32s already
                #else
                for value in document.vector { WriteAheadLog.append(value.bitPattern, to: &bytes) }
                #endif
            }
        case .delete(let ids):
            bytes.append(Self.deleteTag)
            bytes += try JSONEncoder().encode(ids)
        }
        return bytes
    }

    /// Reads an entry back.
    ///
    /// - Throws: ``RetrievalError/loadFailed(path:reason:)`` for bytes that are not an entry (the
    ///   frame's checksum matched, so this is a bug or a foreign file, never a torn write).
    init(decoding bytes: [UInt8], path: String) throws {
        func fail(_ reason: String) -> RetrievalError { .loadFailed(path: path, reason: "log entry: \(reason)") }
        guard let tag = bytes.first else { throw fail("empty") }
        switch tag {
        case Self.upsertTag:
            var offset = 1
            func next() throws -> UInt32 {
                guard offset + 4 <= bytes.count else { throw fail("truncated") }
                defer { offset += 4 }
                return WriteAheadLog.read(bytes, at: offset)
            }
            let count = Int(try next())
            var documents: [IndexedDocument] = []
            documents.reserveCapacity(count)
            let decoder = JSONDecoder()
            for _ in 0..<count {
                let length = Int(try next())
                guard offset + length <= bytes.count else { throw fail("truncated record") }
                let record = try decoder.decode(TelemetryRecord.self, from: Data(bytes[offset..<(offset + length)]))
                offset += length
                let dimensions = Int(try next())
                guard offset + dimensions * 4 <= bytes.count else { throw fail("truncated vector") }
                var vector = [Float](repeating: 0, count: dimensions)
                for index in 0..<dimensions { vector[index] = Float(bitPattern: WriteAheadLog.read(bytes, at: offset + index * 4)) }
                offset += dimensions * 4
                documents.append(IndexedDocument(record: record, vector: vector))
            }
            self = .upsert(documents)
        case Self.deleteTag:
            self = .delete(try JSONDecoder().decode([String].self, from: Data(bytes.dropFirst())))
        default:
            throw fail("unknown tag \(tag)")
        }
    }
}
