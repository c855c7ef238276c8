import Foundation

extension SafeTensors {
    /// The element sizes of the types the format defines.
    static let elementSizes: [String: Int] = [
        "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1,
        "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
        "I32": 4, "U32": 4, "F32": 4,
        "I64": 8, "U64": 8, "F64": 8,
    ]
    /// Headers above this size are refused, as the reference implementation does (100 MB).
    static let maximumHeaderLength = 100_000_000

    struct Header {
        var metadata: [String: String]
        var tensors: [String: TensorInfo]
        var dataStart: Int
    }

    static func parseHeader(_ bytes: Data, source: String) throws -> Header {
        func malformed(_ reason: String) -> TextEmbeddingError { .safeTensorsMalformed(path: source, reason: reason) }
        guard bytes.count >= 8 else { throw malformed("\(bytes.count) bytes, shorter than the 8-byte header length") }
        let declared = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard declared <= UInt64(min(maximumHeaderLength, bytes.count - 8)) else {
            throw malformed("header length \(declared) exceeds the file (\(bytes.count) bytes) or \(maximumHeaderLength)")
        }
        let headerLength = Int(declared)
        let headerBytes = bytes[(bytes.startIndex + 8)..<(bytes.startIndex + 8 + headerLength)]
        let file: HeaderFile
        do {
            file = try JSONDecoder().decode(HeaderFile.self, from: headerBytes)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.keyNotFound(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw malformed("\(path.isEmpty ? "the header" : path): \(context.debugDescription)")
        } catch {
            throw malformed("the header is not a JSON object (\(error))")
        }
        let dataLength = bytes.count - 8 - headerLength
        var tensors: [String: TensorInfo] = [:]
        for (name, entry) in file.tensors {
            tensors[name] = try tensorInfo(name: name, entry: entry, dataLength: dataLength, malformed: malformed)
        }
        let metadata = file.metadata
        var end = 0
        for (name, info) in tensors.sorted(by: { $0.value.byteRange.lowerBound < $1.value.byteRange.lowerBound }) {
            guard info.byteRange.lowerBound >= end || info.byteRange.isEmpty else { throw malformed("tensor \(name) overlaps another") }
            end = max(end, info.byteRange.upperBound)
        }
        return Header(metadata: metadata, tensors: tensors, dataStart: 8 + headerLength)
    }

    static func tensorInfo(
        name: String, entry: HeaderFile.Entry, dataLength: Int, malformed: (String) -> TextEmbeddingError
    ) throws -> TensorInfo {
        let (dtype, shape) = (entry.dtype, entry.shape)
        guard let size = elementSizes[dtype] else { throw malformed("tensor \(name) has an unknown dtype \(dtype)") }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw malformed("tensor \(name) has a negative dimension in \(shape)") }
        guard entry.dataOffsets.count == 2 else { throw malformed("tensor \(name) has no data_offsets [begin, end]") }
        let (begin, end) = (entry.dataOffsets[0], entry.dataOffsets[1])
        guard begin >= 0, begin <= end, end <= dataLength else {
            throw malformed("tensor \(name) spans bytes \(begin)..<\(end) outside the \(dataLength) data bytes")
        }
        let (elements, overflow) = shape.reduce((1, false)) { partial, dimension in
            let product = partial.0.multipliedReportingOverflow(by: dimension)
            return (product.partialValue, partial.1 || product.overflow)
        }
        let bytes = elements.multipliedReportingOverflow(by: size)
        guard !overflow, !bytes.overflow, bytes.partialValue == end - begin else {
            throw malformed("tensor \(name) has \(end - begin) bytes, but shape \(shape) of \(dtype) needs \(overflow || bytes.overflow ? "more" : "\(bytes.partialValue)")")
        }
        return TensorInfo(dtype: dtype, shape: shape, byteRange: begin..<end)
    }
}

/// The JSON header: `__metadata__` (strings) and one entry per tensor.
struct HeaderFile: Decodable {
    struct Entry: Decodable {
        var dtype: String
        var shape: [Int]
        var dataOffsets: [Int]

        enum CodingKeys: String, CodingKey {
            case dtype, shape
            case dataOffsets = "data_offsets"
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var metadata: [String: String] = [:]
    var tensors: [String: Entry] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            if key.stringValue == "__metadata__" {
                metadata = try container.decode([String: String].self, forKey: key)
            } else {
                tensors[key.stringValue] = try container.decode(Entry.self, forKey: key)
            }
        }
    }
}
