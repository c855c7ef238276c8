/// The one-file format of an ``HNSWIndex``: a fixed header, then every array, each starting on a
/// 64-byte boundary so it can be used in place from a memory mapping.
///
/// ```
/// 0    "SWVIDX01"                          magic
/// 8    16 × UInt64 little-endian           version, dimensions, metric, m, efConstruction, efSearch,
///                                          seed, quantisation, count, stride, entry point, top level,
///                                          upper-link count, level-generator state, code stride, 0
/// 136… vectors (Float, count × stride) · levels (UInt8, count) · layer-0 links (Int32,
///      count × (2m+1)) · upper offsets (Int32, count) · upper links (Int32) · quantiser low and step
///      (Float, code stride each) · codes (UInt8, count × code stride)
/// ```
/// The sections' offsets follow from the header, so there is no table to corrupt.
struct IndexFileLayout: Equatable {
    static let magic: [UInt8] = Array("SWVIDX01".utf8)
    static let version: UInt64 = 1
    static let headerBytes = 8 + 16 * 8

    var header: [UInt64]

    var dimensions: Int { Int(header[1]) }
    var m: Int { Int(header[3]) }
    var count: Int { Int(header[8]) }
    var stride: Int { Int(header[9]) }
    var upperLinkCount: Int { Int(header[12]) }
    var codeStride: Int { Int(header[14]) }
    var quantized: Bool { header[7] == 1 }

    /// The byte ranges of the sections, in file order.
    var sections: (vectors: Range<Int>, levels: Range<Int>, layer0: Range<Int>, upperOffsets: Range<Int>,
                   upperLinks: Range<Int>, low: Range<Int>, step: Range<Int>, codes: Range<Int>) {
        var offset = Self.headerBytes
        func next(_ bytes: Int) -> Range<Int> {
            offset = (offset + 63) & ~63
            defer { offset += bytes }
            return offset..<(offset + bytes)
        }
        let quantizedStride = quantized ? codeStride : 0
        return (
            next(count * stride * 4), next(count), next(count * (2 * m + 1) * 4), next(count * 4),
            next(upperLinkCount * 4), next(quantizedStride * 4), next(quantizedStride * 4), next(count * quantizedStride)
        )
    }

    /// The total file size.
    var fileSize: Int { sections.codes.upperBound }
}
