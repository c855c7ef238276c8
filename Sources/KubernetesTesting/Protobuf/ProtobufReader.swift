import Foundation

/// Reads protobuf wire format (varints, length-delimited fields), enough for the Kubernetes
/// `runtime.Unknown` envelope and the few kinds kubectl's imperative commands send.
struct ProtobufReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    enum Value {
        case varint(UInt64)
        case bytes(Data)
        case fixed
    }

    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = Array(data) }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The next field number and its value; fixed-width values (no Kubernetes kind here uses them) are skipped.
    mutating func next() throws -> (field: Int, value: Value) {
        let key = try varint()
        guard let field = Int(exactly: key >> 3) else { throw Malformed(description: "field number out of range") }
        switch key & 7 {
        case 0: return (field, .varint(try varint()))
        case 1: try skip(8); return (field, .fixed)
        case 2:
            guard let length = Int(exactly: try varint()), length <= bytes.count - offset else {
                throw Malformed(description: "field \(field) runs past the end")
            }
            defer { offset += length }
            return (field, .bytes(Data(bytes[offset..<(offset + length)])))
        case 5: try skip(4); return (field, .fixed)
        default: throw Malformed(description: "unsupported wire type \(key & 7) for field \(field)")
        }
    }

    private mutating func skip(_ count: Int) throws {
        guard offset + count <= bytes.count else { throw Malformed(description: "truncated fixed-width value") }
        offset += count
    }

    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw Malformed(description: "varint longer than 64 bits") }
        }
        throw Malformed(description: "truncated varint")
    }

    /// Every field of a message, in order.
    static func fields(_ data: Data) throws -> [(field: Int, value: Value)] {
        var reader = ProtobufReader(data)
        var fields: [(field: Int, value: Value)] = []
        while !reader.isAtEnd { fields.append(try reader.next()) }
        return fields
    }
}
