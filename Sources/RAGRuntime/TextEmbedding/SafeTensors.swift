import Foundation

/// A safetensors file: named tensors behind a JSON header, read without any Python.
///
/// The format is an 8-byte little-endian header length `n`, `n` bytes of JSON mapping each tensor's
/// name to `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets relative to the byte after
/// the header), an optional `"__metadata__"` object of strings, then the tensors' bytes.
/// The file is memory-mapped and checked once when opened: every tensor must lie inside the data,
/// hold exactly `shape`'s element count and not overlap another.
///
/// ```swift
/// let weights = try SafeTensors(contentsOf: folder.appending(path: "model.safetensors"))
/// let embeddings = try weights.floats("embeddings.word_embeddings.weight", shape: [30522, 384])
/// ```
public struct SafeTensors: Sendable {
    /// Where one tensor lies in the file and what it holds.
    public struct TensorInfo: Sendable, Equatable {
        /// The element type as the header spells it: `F32`, `F16`, `BF16`, `I64`, ...
        public var dtype: String
        /// The dimensions, outermost first.
        public var shape: [Int]
        /// The tensor's bytes, relative to the start of the data section.
        public var byteRange: Range<Int>
    }

    /// The file's `__metadata__` (for PyTorch exports `["format": "pt"]`).
    public let metadata: [String: String]
    /// Every tensor in the file by name.
    public let tensors: [String: TensorInfo]
    /// Where the file came from, for errors.
    public let source: String
    let data: Data
    let dataStart: Int

    /// Maps and checks the file at `url`.
    ///
    /// - Throws: ``TextEmbeddingError/fileUnreadable(path:reason:)`` or
    ///   ``TextEmbeddingError/safeTensorsMalformed(path:reason:)``.
    public init(contentsOf url: URL) throws {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw TextEmbeddingError.fileUnreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
        try self.init(bytes: bytes, source: url.path)
    }

    /// Checks a safetensors file already in memory; `source` names it in errors.
    public init(bytes: Data, source: String = "<memory>") throws {
        let header = try Self.parseHeader(bytes, source: source)
        self.metadata = header.metadata
        self.tensors = header.tensors
        self.source = source
        self.data = bytes
        self.dataStart = header.dataStart
    }

    /// The tensor `name` as `Float`s (F32 as is, F16 and BF16 widened), outermost dimension first.
    ///
    /// - Parameter shape: when given, the shape the tensor must have.
    /// - Throws: ``TextEmbeddingError/tensorMissing(name:path:)``,
    ///   ``TextEmbeddingError/tensorShapeMismatch(name:expected:found:)`` or
    ///   ``TextEmbeddingError/tensorTypeUnsupported(name:dtype:)``.
    public func floats(_ name: String, shape: [Int]? = nil) throws -> [Float] {
        guard let info = tensors[name] else { throw TextEmbeddingError.tensorMissing(name: name, path: source) }
        if let shape, shape != info.shape {
            throw TextEmbeddingError.tensorShapeMismatch(name: name, expected: shape, found: info.shape)
        }
        let start = data.startIndex + dataStart + info.byteRange.lowerBound
        let bytes = data[start..<(start + info.byteRange.count)]
        switch info.dtype {
        case "F32": return Self.decode(bytes, as: UInt32.self) { Float(bitPattern: UInt32(littleEndian: $0)) }
        case "F16": return Self.decode(bytes, as: UInt16.self) { Self.widenHalf(UInt16(littleEndian: $0)) }
        case "BF16": return Self.decode(bytes, as: UInt16.self) { Float(bitPattern: UInt32(UInt16(littleEndian: $0)) << 16) }
        default: throw TextEmbeddingError.tensorTypeUnsupported(name: name, dtype: info.dtype)
        }
    }

    static func decode<Raw: FixedWidthInteger>(_ bytes: Data, as raw: Raw.Type, _ convert: (Raw) -> Float) -> [Float] {
        let count = bytes.count / MemoryLayout<Raw>.size
        return bytes.withUnsafeBytes { buffer in
            [Float](unsafeUninitializedCapacity: count) { output, initialized in
                for index in 0..<count {
                    output[index] = convert(buffer.loadUnaligned(fromByteOffset: index * MemoryLayout<Raw>.size, as: Raw.self))
                }
                initialized = count
            }
        }
    }

    /// IEEE 754 binary16 to binary32, subnormals, infinities and NaN included.
    static func widenHalf(_ half: UInt16) -> Float {
        let sign = UInt32(half & 0x8000) << 16
        let exponent = Int((half >> 10) & 0x1F)
        let mantissa = UInt32(half & 0x3FF)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        case 31: return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        default: return Float(bitPattern: sign | (UInt32(exponent + 112) << 23) | (mantissa << 13))
        }
    }
}
