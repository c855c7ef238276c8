extension HNSWIndex {
    /// The graph walk for a prepared query: up to `k` nodes, closest first.
    ///
    /// Picks the distance (`Float` rows, or int8 codes re-ranked on the rows) once, so the walk
    /// itself is specialised for it. With dot-product codes only the candidates whose estimate is
    /// within ``ScalarQuantizer/dotErrorMargin(query:)`` of the k-th estimate are re-ranked (on
    /// GloVe-50 at ef 80, about a fifth of the beam); the others cannot be in the exact top k but
    /// by an error of six standard deviations.
    func walk(query: UnsafePointer<Float>, k: Int, ef: Int, filter: IDFilter?, twoHop: Bool, scratch: inout SearchScratch) -> [Scored] {
        let generation = scratch.begin(count: count, ef: ef)
        guard let quantizer else {
            let found = vectors.withUnsafeBufferPointer { rowBuffer in
                let rows = rowBuffer.baseAddress!
                return metric.usesDotProduct
                    ? run(FloatDotDistance(query: query, rows: rows, stride: stride), ef: ef, filter: filter, twoHop: twoHop, generation: generation, scratch: &scratch)
                    : run(FloatL2Distance(query: query, rows: rows, stride: stride), ef: ef, filter: filter, twoHop: twoHop, generation: generation, scratch: &scratch)
            }
            return Array(found.prefix(k))
        }
        if metric.usesDotProduct {
            return withCodeDotDistance(query: query, quantizer: quantizer) { distance, margin in
                let found = run(distance, ef: ef, filter: filter, twoHop: twoHop, generation: generation, scratch: &scratch)
                return rerank(Self.rerankCandidates(found, k: k, margin: margin), k: k, query: query)
            }
        }
        let codeStride = quantizer.codeStride
        var weights = [Float](repeating: 0, count: codeStride)
        var scaled = [Float](repeating: 0, count: codeStride)
        let found: [Scored] = codes.withUnsafeBufferPointer { codes in
            weights.withUnsafeMutableBufferPointer { weights in
                scaled.withUnsafeMutableBufferPointer { scaled in
                    quantizer.l2Weights(query: query, scaled: scaled.baseAddress!, weights: weights.baseAddress!)
                    let distance = CodeL2Distance(query: scaled.baseAddress!, weights: weights.baseAddress!, codes: codes.baseAddress!, stride: codeStride)
                    return run(distance, ef: ef, filter: filter, twoHop: twoHop, generation: generation, scratch: &scratch)
                }
            }
        }
        return rerank(found[...], k: k, query: query)
    }

    /// Runs `body` with the int8 dot-product distance for `query` (its 16-bit weights in a
    /// temporary buffer) and ``ScalarQuantizer/dotErrorMargin(query:)``: for the walk and the scan.
    func withCodeDotDistance<Result>(
        query: UnsafePointer<Float>, quantizer: ScalarQuantizer, _ body: (CodeDotDistance, Float) -> Result
    ) -> Result {
        let codeStride = quantizer.codeStride
        return withUnsafeTemporaryAllocation(of: Int16.self, capacity: codeStride) { weights in
            let (bias, scale) = quantizer.integerDotWeights(query: query, into: weights.baseAddress!)
            return codes.withUnsafeBufferPointer { codes in
                body(
                    CodeDotDistance(weights: weights.baseAddress!, scale: scale, bias: bias, codes: codes.baseAddress!, stride: codeStride),
                    quantizer.dotErrorMargin(query: query)
                )
            }
        }
    }

    /// The `k` closest of `candidates` by exact distance, closest first.
    func rerank(_ candidates: ArraySlice<Scored>, k: Int, query: UnsafePointer<Float>) -> [Scored] {
        vectors.withUnsafeBufferPointer { rowBuffer in
            let rows = rowBuffer.baseAddress!
            // Ask for every candidate's row before scoring the first: the loads overlap.
            for candidate in candidates { prefetchRow(rows + Int(candidate.node) &* stride, bytes: stride &* 4) }
            let exact = exactDistance(query: query, rows: rows)
            let reranked = candidates.map { Scored(score: exact($0.node), node: $0.node) }.sorted(by: Scored.closerFirst)
            return Array(reranked.prefix(k))
        }
    }

    /// The candidates (closest first by their estimates) that can be in the exact top `k`: the
    /// first `k`, and every later one whose estimate is within `margin` of the k-th.
    static func rerankCandidates(_ found: [Scored], k: Int, margin: Float) -> ArraySlice<Scored> {
        guard found.count > k, margin.isFinite else { return found[...] }
        let cutoff = found[k - 1].score + margin
        var end = k
        while end < found.count && found[end].score <= cutoff { end += 1 }
        return found[..<end]
    }

    /// The exact distance from a prepared query to a row, as a closure over the metric.
    func exactDistance(query: UnsafePointer<Float>, rows: UnsafePointer<Float>) -> (Int32) -> Float {
        let stride = stride
        if metric.usesDotProduct {
            return { node in -SIMDKernels.dot(query, rows + Int(node) &* stride, count: stride) }
        }
        return { node in SIMDKernels.squaredL2(query, rows + Int(node) &* stride, count: stride) }
    }

    /// Descends the upper layers greedily, then runs the layer-0 beam search; returns the beam, closest first.
    private func run<D: QueryDistance>(
        _ distance: D, ef: Int, filter: IDFilter?, twoHop: Bool, generation: UInt16, scratch: inout SearchScratch
    ) -> [Scored] {
        withGraph { graph in
            let reader = DirectReader(graph: graph)
            var current = Scored(score: distance(entryPoint), node: entryPoint)
            var level = maxLevel
            while level > 0 {
                current = LayerSearch.greedy(distance: distance, from: current, level: level, reader: reader)
                level -= 1
            }
            let entry = current
            return scratch.marks.withUnsafeMutableBufferPointer { marks in
                scratch.candidates.withUnsafeMutableBufferPointer { candidateBuffer in
                    scratch.results.withUnsafeMutableBufferPointer { resultBuffer in
                        var candidates = ScoredHeap<MinFirst>(base: candidateBuffer.baseAddress!)
                        var results = ScoredHeap<MaxFirst>(base: resultBuffer.baseAddress!)
                        if let filter {
                            filter.words.withUnsafeBufferPointer { words in
                                LayerSearch.filteredBeam(
                                    distance: distance, entry: entry, ef: ef, graph: graph, allowed: words.baseAddress!, twoHop: twoHop,
                                    marks: marks.baseAddress!, generation: generation, candidates: &candidates, results: &results
                                )
                            }
                        } else {
                            LayerSearch.beam(
                                distance: distance, entry: entry, ef: ef, level: 0, reader: reader,
                                marks: marks.baseAddress!, generation: generation, candidates: &candidates, results: &results
                            )
                        }
                        return results.sortedClosestFirst()
                    }
                }
            }
        }
    }
}
