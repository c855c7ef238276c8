import Dispatch
import Foundation

extension HNSWIndex {
    /// Adds one vector and returns its id.
    ///
    /// - Throws: ``VectorIndexError/dimensionMismatch(expected:actual:)`` or
    ///   ``VectorIndexError/invalidVector(position:reason:)``; nothing is added then.
    @discardableResult
    public mutating func add(_ vector: [Float]) throws(VectorIndexError) -> Int {
        guard vector.count == dimensions else { throw .dimensionMismatch(expected: dimensions, actual: vector.count) }
        return try add(contentsOf: vector, threads: 1).lowerBound
    }

    /// Adds `flat.count / dimensions` vectors stored row after row and returns their ids.
    ///
    /// The whole batch is validated first, then its rows are stored and its nodes allocated, then
    /// linked: in order on one thread (reproducible for a seed), or by `threads` workers that take
    /// the next node from a shared counter and lock each adjacency list while they read or
    /// rewrite it (see ``NodeLocks``).
    ///
    /// - Parameter threads: Linking threads; 0 means one per core.
    /// - Throws: ``VectorIndexError/dimensionMismatch(expected:actual:)`` when `flat.count` is not a
    ///   multiple of the dimensions, ``VectorIndexError/invalidVector(position:reason:)`` for a NaN,
    ///   an infinity or (angular) a zero vector. Nothing is added then.
    @discardableResult
    public mutating func add(contentsOf flat: [Float], threads: Int = 1) throws(VectorIndexError) -> Range<Int> {
        guard flat.count % dimensions == 0 else { throw .dimensionMismatch(expected: dimensions, actual: flat.count % dimensions) }
        let added = flat.count / dimensions
        let rows = try preparedRows(flat, count: added)
        let first = count
        guard added > 0 else { return first..<first }
        vectors.append(contentsOf: rows)
        if configuration.quantization == .int8 { encode(rows: rows, count: added) }
        allocateNodes(added)
        link(first..<(first + added), threads: threads <= 0 ? ProcessInfo.processInfo.activeProcessorCount : threads)
        return first..<(first + added)
    }

    /// The batch as padded rows, normalised for the angular metric, after checking every value.
    private func preparedRows(_ flat: [Float], count added: Int) throws(VectorIndexError) -> [Float] {
        var rows = [Float](repeating: 0, count: added * stride)
        for row in 0..<added {
            var norm: Float = 0
            for d in 0..<dimensions {
                let value = flat[row * dimensions + d]
                guard value.isFinite else { throw .invalidVector(position: row, reason: "holds a non-finite value at dimension \(d)") }
                norm += value * value
                rows[row * stride + d] = value
            }
            if metric == .angular {
                guard norm > 0, norm.isFinite else { throw .invalidVector(position: row, reason: "has zero length, which has no angle") }
                let scale = 1 / norm.squareRoot()
                for d in 0..<dimensions { rows[row * stride + d] *= scale }
            }
        }
        return rows
    }

    /// Trains the quantiser on the first batch, then appends the batch's codes.
    private mutating func encode(rows: [Float], count added: Int) {
        let quantizer = self.quantizer ?? rows.withUnsafeBufferPointer {
            ScalarQuantizer(rows: $0.baseAddress!, count: added, stride: stride, dimensions: dimensions)
        }
        self.quantizer = quantizer
        let codeStride = quantizer.codeStride
        var batch = [UInt8](repeating: 0, count: added * codeStride)
        rows.withUnsafeBufferPointer { rows in
            batch.withUnsafeMutableBufferPointer { batch in
                for row in 0..<added {
                    quantizer.encode(rows.baseAddress! + row * stride, into: batch.baseAddress! + row * codeStride)
                }
            }
        }
        codes.append(contentsOf: batch)
    }

    /// Draws levels for `added` new nodes and allocates their (empty) adjacency lists.
    private mutating func allocateNodes(_ added: Int) {
        let m = configuration.m
        var random = SplitMix64(state: randomState)
        var newLevels: [UInt8] = []
        var newOffsets: [Int32] = []
        var upperSlots = upperLinks.count
        let scale = 1 / Foundation.log(Double(m))
        for _ in 0..<added {
            let uniform = Double(random.next() >> 11) / Double(1 << 53)
            let level = min(Int(-Foundation.log(max(uniform, .leastNonzeroMagnitude)) * scale), 30)
            newLevels.append(UInt8(level))
            newOffsets.append(Int32(level > 0 ? upperSlots : 0))
            upperSlots += level * (m + 1)
        }
        randomState = random.state
        levels.append(contentsOf: newLevels)
        upperOffsets.append(contentsOf: newOffsets)
        upperLinks.append(repeating: 0, count: upperSlots - upperLinks.count)
        layer0.append(repeating: 0, count: added * (2 * m + 1))
    }

    /// Links the nodes `range`, already allocated, into the graph.
    private mutating func link(_ range: Range<Int>, threads: Int) {
        let total = count
        let configuration = configuration
        let metric = metric
        let stride = stride
        var entry = EntryPoint(node: entryPoint, level: maxLevel)
        let entryBox = EntryBox(entry)
        let levelsCopy = levels
        let vectorsCopy = vectors
        let offsetsCopy = upperOffsets
        let codesCopy = codes
        let quantizer = metric.usesDotProduct ? quantizer : nil
        layer0.withUnsafeMutableBufferPointer { layer0 in
            upperLinks.withUnsafeMutableBufferPointer { upper in
                offsetsCopy.withUnsafeBufferPointer { offsets in
                    levelsCopy.withUnsafeBufferPointer { levels in
                        vectorsCopy.withUnsafeBufferPointer { rows in
                            codesCopy.withUnsafeBufferPointer { codes in
                                let builder = GraphBuilder(
                                    graph: GraphLinks(
                                        layer0: layer0.baseAddress!, upper: upper.baseAddress!, upperOffsets: offsets.baseAddress!,
                                        levels: levels.baseAddress!, m: configuration.m
                                    ),
                                    rows: rows.baseAddress!, stride: stride, metric: metric, efConstruction: configuration.efConstruction,
                                    nodeCount: total, entry: entryBox, locks: threads > 1 ? NodeLocks() : nil,
                                    codes: quantizer.map { GraphBuilder.Codes(quantizer: $0, codes: codes.baseAddress!) }
                                )
                                builder.insertAll(range, threads: threads)
                            }
                        }
                    }
                }
            }
        }
        entry = entryBox.state.withLock { $0 }
        entryPoint = entry.node
        maxLevel = entry.level
    }
}

/// SplitMix64: the small, seeded generator of node levels.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
