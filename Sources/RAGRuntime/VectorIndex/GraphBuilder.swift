import Dispatch
import Synchronization

/// The entry point of the graph and its top layer, shared by the build's threads.
struct EntryPoint: Sendable, Equatable {
    var node: Int32
    var level: Int
}

/// The shared ``EntryPoint`` behind a mutex.
final class EntryBox: Sendable {
    let state: Mutex<EntryPoint>
    init(_ entry: EntryPoint) { state = Mutex(entry) }
}

/// The next node to insert, shared by the build's threads.
final class NodeCounter: Sendable {
    private let next: Atomic<Int>
    init(_ first: Int) { next = Atomic(first) }
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// Links allocated nodes into the graph (Algorithm 1 of the HNSW paper), on one thread or several.
///
/// With int8 codes (a quantised dot-product index) the candidate search reads the codes, as a
/// search does, and the candidates it finds are re-scored with exact `Float` distances before
/// the neighbour selection, which compares exact distances only. Otherwise every distance is an
/// exact `Float` one.
struct GraphBuilder {
    /// The int8 codes the candidate search reads.
    struct Codes {
        let quantizer: ScalarQuantizer
        let codes: UnsafePointer<UInt8>
    }

    let graph: GraphLinks
    let rows: UnsafePointer<Float>
    let stride: Int
    let metric: DistanceMetric
    let efConstruction: Int
    let nodeCount: Int
    let entry: EntryBox
    /// Present when more than one thread links.
    let locks: NodeLocks?
    /// Present for a quantised dot-product index.
    let codes: Codes?

    /// Inserts the nodes of `range`, highest level first (then by id), as faiss does: the upper
    /// layers exist before the nodes that descend through them arrive. On one thread in that
    /// order, else by `threads` workers taking the next in it. Measured on the telemetry corpus
    /// embedded with all-MiniLM-L6-v2 (10,000 near-duplicate clusters, held-out questions):
    /// recall@10 at ef 16 / 24 0.846 / 0.898 -> 0.875 / 0.914; on GloVe-50 unchanged to 0.002.
    func insertAll(_ range: Range<Int>, threads: Int) {
        let order: [Int32] = range.map { Int32($0) }.sorted { a, b in
            let levelA = graph.levels[Int(a)], levelB = graph.levels[Int(b)]
            return levelA != levelB ? levelA > levelB : a < b
        }
        guard threads > 1, let locks else {
            withWorker { worker in
                let reader = DirectReader(graph: graph)
                for node in order { insert(node, worker: &worker, reader: reader) }
            }
            return
        }
        let counter = NodeCounter(0)
        // The workers share the builder's raw pointers. That is sound because every list they read
        // or write is guarded by its node's lock, rows and levels are only read, and
        // concurrentPerform returns only after all of them are done, inside the pointers' scope.
        nonisolated(unsafe) let shared = self
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            shared.withWorker { worker in
                let reader = LockedReader(graph: shared.graph, locks: locks, buffer: worker.listBuffer)
                while true {
                    let next = counter.take()
                    guard next < order.count else { break }
                    shared.insert(order[next], worker: &worker, reader: reader)
                }
            }
        }
    }

    /// One thread's scratch: visited marks, heaps and a list buffer.
    struct Worker {
        let marks: UnsafeMutablePointer<UInt16>
        var generation: UInt16 = 0
        let nodeCount: Int
        let candidates: UnsafeMutablePointer<Scored>
        let results: UnsafeMutablePointer<Scored>
        let listBuffer: UnsafeMutablePointer<Int32>
        /// The inserted node's integer weights, for the code distance.
        let weights: UnsafeMutablePointer<Int16>

        mutating func nextGeneration() -> UInt16 {
            if generation == UInt16.max {
                marks.update(repeating: 0, count: nodeCount)
                generation = 0
            }
            generation += 1
            return generation
        }
    }

    private func withWorker(_ body: (inout Worker) -> Void) {
        var marks = [UInt16](repeating: 0, count: nodeCount)
        var candidates = [Scored](repeating: Scored(score: 0, node: 0), count: nodeCount + 1)
        var results = [Scored](repeating: Scored(score: 0, node: 0), count: efConstruction + 2)
        var list = [Int32](repeating: 0, count: graph.stride0)
        var weights = [Int16](repeating: 0, count: max(codes?.quantizer.codeStride ?? 1, 1))
        marks.withUnsafeMutableBufferPointer { marks in
            candidates.withUnsafeMutableBufferPointer { candidates in
                results.withUnsafeMutableBufferPointer { results in
                    list.withUnsafeMutableBufferPointer { list in
                        weights.withUnsafeMutableBufferPointer { weights in
                            var worker = Worker(
                                marks: marks.baseAddress!, nodeCount: nodeCount, candidates: candidates.baseAddress!,
                                results: results.baseAddress!, listBuffer: list.baseAddress!, weights: weights.baseAddress!
                            )
                            body(&worker)
                        }
                    }
                }
            }
        }
    }

    /// The exact distance between two stored rows.
    @inline(__always)
    func distance(_ a: Int32, _ b: Int32) -> Float {
        let rowA = rows + Int(a) &* stride, rowB = rows + Int(b) &* stride
        return metric.usesDotProduct ? -SIMDKernels.dot(rowA, rowB, count: stride) : SIMDKernels.squaredL2(rowA, rowB, count: stride)
    }

    private func insert<R: ListReader>(_ node: Int32, worker: inout Worker, reader: R) {
        let query = rows + Int(node) &* stride
        if let codes {
            let (bias, scale) = codes.quantizer.integerDotWeights(query: query, into: worker.weights)
            let distance = CodeDotDistance(
                weights: worker.weights, scale: scale, bias: bias, codes: codes.codes, stride: codes.quantizer.codeStride
            )
            insert(node, distance: distance, worker: &worker, reader: reader)
        } else if metric.usesDotProduct {
            insert(node, distance: FloatDotDistance(query: query, rows: rows, stride: stride), worker: &worker, reader: reader)
        } else {
            insert(node, distance: FloatL2Distance(query: query, rows: rows, stride: stride), worker: &worker, reader: reader)
        }
    }

    private func insert<D: QueryDistance, R: ListReader>(_ node: Int32, distance: D, worker: inout Worker, reader: R) {
        let level = Int(graph.levels[Int(node)])
        let start: EntryPoint? = entry.state.withLock { entry in
            if entry.node < 0 {
                entry = EntryPoint(node: node, level: level)
                return nil
            }
            return entry
        }
        guard let start else { return }
        var current = Scored(score: distance(start.node), node: start.node)
        var layer = start.level
        while layer > level {
            current = LayerSearch.greedy(distance: distance, from: current, level: layer, reader: reader)
            layer -= 1
        }
        layer = min(level, start.level)
        while layer >= 0 {
            let generation = worker.nextGeneration()
            var candidates = ScoredHeap<MinFirst>(base: worker.candidates)
            var results = ScoredHeap<MaxFirst>(base: worker.results)
            LayerSearch.beam(
                distance: distance, entry: current, ef: efConstruction, level: layer, reader: reader,
                marks: worker.marks, generation: generation, candidates: &candidates, results: &results
            )
            var found = results.sortedClosestFirst()
            let walkBest = found[0]
            if codes != nil {
                // The code distances chose the candidates; the selection compares exact ones.
                found = found.map { Scored(score: self.distance(node, $0.node), node: $0.node) }.sorted(by: Scored.closerFirst)
            }
            // The new node keeps up to the layer's full degree (2·m on layer 0, as faiss does; the
            // paper and hnswlib keep m). GloVe-50, int8, one build thread: recall at ef 64 0.933 ->
            // 0.947, 0.95 reached at ef 72 instead of 80 (+5% q/s at equal recall), build unchanged.
            let selected = selectNeighbours(found, limit: graph.capacity(level: layer))
            withLock(node) { setList(of: node, level: layer, to: selected) }
            for neighbour in selected { connect(neighbour.node, to: node, score: neighbour.score, level: layer) }
            current = walkBest
            layer -= 1
        }
        if level > start.level {
            entry.state.withLock { entry in
                if level > entry.level { entry = EntryPoint(node: node, level: level) }
            }
        }
    }

    @inline(__always)
    private func withLock<Result>(_ node: Int32, _ body: () -> Result) -> Result {
        if let locks { return locks.withLock(node, body) }
        return body()
    }

    /// The neighbour-selection heuristic (Algorithm 4 of the paper): walking the candidates closest
    /// first, keep one only if it is closer to the base than to every neighbour kept so far. Links
    /// then spread across directions instead of crowding into one cluster.
    ///
    /// - Parameter sorted: Candidates scored against the base, closest first.
    func selectNeighbours(_ sorted: [Scored], limit: Int) -> [Scored] {
        guard sorted.count > limit else { return sorted }
        var kept: [Scored] = []
        kept.reserveCapacity(limit)
        for candidate in sorted {
            if kept.count == limit { break }
            var diverse = true
            for other in kept where distance(candidate.node, other.node) < candidate.score {
                diverse = false
                break
            }
            if diverse { kept.append(candidate) }
        }
        return kept
    }

    /// Adds the link `node → newNeighbour` on `level`, re-selecting `node`'s list when it is full.
    private func connect(_ node: Int32, to newNeighbour: Int32, score: Float, level: Int) {
        withLock(node) {
            let list = graph.list(node, level: level)
            let degree = Int(list[0])
            let limit = graph.capacity(level: level)
            if degree < limit {
                list[1 + degree] = newNeighbour
                list[0] = Int32(degree + 1)
                return
            }
            var candidates = [Scored(score: score, node: newNeighbour)]
            candidates.reserveCapacity(degree + 1)
            for slot in 0..<degree {
                let existing = list[1 + slot]
                candidates.append(Scored(score: distance(node, existing), node: existing))
            }
            candidates.sort(by: Scored.closerFirst)
            setList(of: node, level: level, to: selectNeighbours(candidates, limit: limit))
        }
    }

    /// Replaces the list of `node` on `level`; the caller holds the node's lock.
    private func setList(of node: Int32, level: Int, to neighbours: [Scored]) {
        let list = graph.list(node, level: level)
        for (slot, neighbour) in neighbours.enumerated() { list[1 + slot] = neighbour.node }
        list[0] = Int32(neighbours.count)
    }
}
