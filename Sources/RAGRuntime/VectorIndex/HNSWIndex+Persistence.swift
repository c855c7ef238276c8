import Foundation

extension HNSWIndex {
    /// Writes the index to one file (see ``IndexFileLayout``), atomically: a temporary file beside
    /// `path` is written, synced and renamed over it.
    ///
    /// - Throws: ``VectorIndexError/writeFailed(path:reason:)``.
    public func write(to path: String) throws(VectorIndexError) {
        let layout = IndexFileLayout(header: headerFields)
        let sections = layout.sections
        var file = Data(capacity: layout.fileSize)
        file.append(contentsOf: IndexFileLayout.magic)
        for field in layout.header { withUnsafeBytes(of: field.littleEndian) { file.append(contentsOf: $0) } }
        func appendSection<Element>(_ section: Section<Element>, at range: Range<Int>) {
            file.append(Data(count: range.lowerBound - file.count))
            section.withUnsafeBufferPointer { file.append(contentsOf: UnsafeRawBufferPointer($0)) }
        }
        appendSection(vectors, at: sections.vectors)
        appendSection(levels, at: sections.levels)
        appendSection(layer0, at: sections.layer0)
        appendSection(upperOffsets, at: sections.upperOffsets)
        appendSection(upperLinks, at: sections.upperLinks)
        if let quantizer {
            appendSection(Section(quantizer.low), at: sections.low)
            appendSection(Section(quantizer.step), at: sections.step)
            appendSection(codes, at: sections.codes)
        }
        file.append(Data(count: layout.fileSize - file.count))
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try file.write(to: URL(fileURLWithPath: temporary), options: [])
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: temporary))
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: path), withItemAt: URL(fileURLWithPath: temporary)) }
            else { try FileManager.default.moveItem(atPath: temporary, toPath: path) }
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
    }

    /// The header fields of ``IndexFileLayout``.
    var headerFields: [UInt64] {
        [
            IndexFileLayout.version, UInt64(dimensions), UInt64(metric.fileCode), UInt64(configuration.m),
            UInt64(configuration.efConstruction), UInt64(configuration.efSearch), configuration.seed,
            configuration.quantization == .int8 ? 1 : 0, UInt64(count), UInt64(stride),
            UInt64(bitPattern: Int64(entryPoint)), UInt64(bitPattern: Int64(maxLevel)), UInt64(upperLinks.count), randomState,
            UInt64(quantizer?.codeStride ?? 0), 0,
        ]
    }

    /// Reopens an index written by ``write(to:)``, memory-mapped: no rebuild and no copy. Pages are
    /// read as searches touch them; the first change to the index copies the arrays into memory.
    ///
    /// The links are checked once (every id in range, every degree within its limit), so a corrupt
    /// file is rejected here instead of crashing a search.
    ///
    /// - Throws: ``VectorIndexError/openFailed(path:reason:)`` naming what is wrong.
    public init(contentsOf path: String) throws(VectorIndexError) {
        let file = try MappedFile(path: path)
        func fail(_ reason: String) -> VectorIndexError { .openFailed(path: path, reason: reason) }
        guard file.count >= IndexFileLayout.headerBytes else { throw fail("shorter than the header") }
        let (magic, header): ([UInt8], [UInt64]) = file.withUnsafeBytes { raw in
            (Array(raw[0..<8]), (0..<16).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 + $0 * 8, as: UInt64.self)) })
        }
        guard magic == IndexFileLayout.magic else { throw fail("not a vector index file") }
        guard header[0] == IndexFileLayout.version else { throw fail("format version \(header[0]), expected \(IndexFileLayout.version)") }
        guard let metric = DistanceMetric(fileCode: UInt32(truncatingIfNeeded: header[2])) else { throw fail("unknown metric code \(header[2])") }
        guard header[7] <= 1, header[1] >= 1, header[1] < 1 << 20, header[8] < 1 << 31, header[3] >= 2, header[3] <= 128 else {
            throw fail("header values out of range")
        }
        let configuration = HNSWConfiguration(
            m: Int(header[3]), efConstruction: Int(header[4]), efSearch: Int(header[5]),
            quantization: header[7] == 1 ? .int8 : .none, seed: header[6]
        )
        do { try self.init(dimensions: Int(header[1]), metric: metric, configuration: configuration) } catch { throw fail("\(error)") }
        let layout = IndexFileLayout(header: header)
        guard layout.stride == stride else { throw fail("row stride \(layout.stride), expected \(stride)") }
        guard !layout.quantized || layout.codeStride == (dimensions + 15) & ~15 else { throw fail("code stride \(layout.codeStride)") }
        guard file.count >= layout.fileSize else { throw fail("truncated: \(file.count) bytes, expected \(layout.fileSize)") }
        let sections = layout.sections
        let count = layout.count
        vectors = Section(file: file, offset: sections.vectors.lowerBound, count: count * stride)
        levels = Section(file: file, offset: sections.levels.lowerBound, count: count)
        layer0 = Section(file: file, offset: sections.layer0.lowerBound, count: count * (2 * configuration.m + 1))
        upperOffsets = Section(file: file, offset: sections.upperOffsets.lowerBound, count: count)
        upperLinks = Section(file: file, offset: sections.upperLinks.lowerBound, count: layout.upperLinkCount)
        if layout.quantized {
            let low = Section<Float>(file: file, offset: sections.low.lowerBound, count: layout.codeStride)
            let step = Section<Float>(file: file, offset: sections.step.lowerBound, count: layout.codeStride)
            quantizer = ScalarQuantizer(
                low: low.withUnsafeBufferPointer { Array($0) }, step: step.withUnsafeBufferPointer { Array($0) }, dimensions: dimensions
            )
            codes = Section(file: file, offset: sections.codes.lowerBound, count: count * layout.codeStride)
        }
        entryPoint = Int32(truncatingIfNeeded: Int64(bitPattern: header[10]))
        maxLevel = Int(Int64(bitPattern: header[11]))
        randomState = header[13]
        if let reason = consistencyProblem() { throw fail(reason) }
    }

    /// What is wrong with the graph's arrays, or `nil` when every list is in range.
    func consistencyProblem() -> String? {
        let m = configuration.m
        let count = count
        guard layer0.count == count * (2 * m + 1), upperOffsets.count == count, upperLinks.count >= 1 else { return "array sizes disagree" }
        if count == 0 { return entryPoint == -1 ? nil : "an empty index has an entry point" }
        guard entryPoint >= 0, Int(entryPoint) < count, Int(levels[Int(entryPoint)]) == maxLevel else { return "bad entry point" }
        return levels.withUnsafeBufferPointer { levels in
            layer0.withUnsafeBufferPointer { layer0 in
                upperOffsets.withUnsafeBufferPointer { offsets in
                    upperLinks.withUnsafeBufferPointer { upper in
                        func listProblem(_ list: UnsafeBufferPointer<Int32>.SubSequence, limit: Int) -> Bool {
                            let degree = Int(list[list.startIndex])
                            guard degree >= 0, degree <= limit else { return true }
                            for slot in 1...max(degree, 1) where slot <= degree {
                                let id = list[list.startIndex + slot]
                                if id < 0 || Int(id) >= count { return true }
                            }
                            return false
                        }
                        for node in 0..<count {
                            let start = node * (2 * m + 1)
                            if listProblem(layer0[start..<(start + 2 * m + 1)], limit: 2 * m) { return "layer-0 list of node \(node) out of range" }
                            let level = Int(levels[node])
                            guard level > 0 else { continue }
                            let offset = Int(offsets[node])
                            guard offset >= 0, offset + level * (m + 1) <= upper.count else { return "upper lists of node \(node) out of range" }
                            for layer in 0..<level {
                                let listStart = offset + layer * (m + 1)
                                if listProblem(upper[listStart..<(listStart + m + 1)], limit: m) { return "layer-\(layer + 1) list of node \(node) out of range" }
                            }
                        }
                        return nil
                    }
                }
            }
        }
    }
}
