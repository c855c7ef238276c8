/// The walks of one layer: the greedy descent of the upper layers and the beam search (Algorithm 2
/// of the HNSW paper), on raw pointers, generic over how distances are computed and lists read.
enum LayerSearch {
    /// Hill-climbs on `level` from `start` to a local minimum of `distance`.
    @inline(__always)
    static func greedy<D: QueryDistance, R: ListReader>(distance: D, from start: Scored, level: Int, reader: R) -> Scored {
        var best = start
        var improved = true
        while improved {
            improved = false
            let from = best.node
            reader.withNeighbours(of: from, level: level) { ids, count in
                // Every row asked for first, then scored: the loads overlap (as in `beam`).
                for slot in 0..<count { distance.prefetch(ids[slot]) }
                for slot in 0..<count {
                    let neighbour = ids[slot]
                    let score = distance(neighbour)
                    if score < best.score {
                        best = Scored(score: score, node: neighbour)
                        improved = true
                    }
                }
            }
        }
        return best
    }

    /// The beam search of width `ef` on `level` from `entry`; on return `results` holds up to `ef`
    /// closest nodes (farthest on top).
    @inline(__always)
    static func beam<D: QueryDistance, R: ListReader>(
        distance: D, entry: Scored, ef: Int, level: Int, reader: R,
        marks: UnsafeMutablePointer<UInt16>, generation: UInt16,
        candidates: inout ScoredHeap<MinFirst>, results: inout ScoredHeap<MaxFirst>
    ) {
        marks[Int(entry.node)] = generation
        candidates.push(entry)
        results.push(entry)
        var bound = entry.score
        let ahead = distance.prefetchAhead
        while !candidates.isEmpty {
            let candidate = candidates.pop()
            if candidate.score > bound && results.count >= ef { break }
            reader.withNeighbours(of: candidate.node, level: level) { ids, count in
                // First the unvisited neighbours, marked; then their distances, each row asked for
                // a few rows ahead of its turn (``prefetchDistance(rowBytes:)``), so its load
                // overlaps the arithmetic of the rows before it.
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { fresh in
                    var freshCount = 0
                    for slot in 0..<count {
                        let neighbour = ids[slot]
                        if marks[Int(neighbour)] == generation { continue }
                        marks[Int(neighbour)] = generation
                        fresh[freshCount] = neighbour
                        freshCount &+= 1
                    }
                    for index in 0..<min(ahead, freshCount) { distance.prefetch(fresh[index]) }
                    for index in 0..<freshCount {
                        if index &+ ahead < freshCount { distance.prefetch(fresh[index &+ ahead]) }
                        let neighbour = fresh[index]
                        let score = distance(neighbour)
                        if results.count < ef {
                            if level == 0 { reader.graph.prefetchList(of: neighbour) }
                            candidates.push(Scored(score: score, node: neighbour))
                            results.push(Scored(score: score, node: neighbour))
                            bound = results.top.score
                        } else if score < bound {
                            if level == 0 { reader.graph.prefetchList(of: neighbour) }
                            candidates.push(Scored(score: score, node: neighbour))
                            results.replaceTop(Scored(score: score, node: neighbour))
                            bound = results.top.score
                        }
                    }
                }
            }
        }
    }

    /// The layer-0 beam search with a filter: only allowed nodes enter `results`.
    ///
    /// - Parameter twoHop: `false` walks every node, allowed or not, as a stepping stone (best for
    ///   broad filters). `true` computes distances for allowed nodes only, and reaches past a
    ///   rejected neighbour to its own neighbours (ACORN's two-hop expansion), so a narrow filter's
    ///   nodes stay connected without paying a distance for every rejected node.
    @inline(__always)
    static func filteredBeam<D: QueryDistance>(
        distance: D, entry: Scored, ef: Int, graph: GraphLinks, allowed: UnsafePointer<UInt64>, twoHop: Bool,
        marks: UnsafeMutablePointer<UInt16>, generation: UInt16,
        candidates: inout ScoredHeap<MinFirst>, results: inout ScoredHeap<MaxFirst>
    ) {
        @inline(__always) func isAllowed(_ node: Int32) -> Bool {
            allowed[Int(node) >> 6] & (1 << UInt64(Int(node) & 63)) != 0
        }
        var bound = Float.infinity
        @inline(__always) func offer(_ node: Int32, _ score: Float) {
            if results.count < ef {
                results.push(Scored(score: score, node: node))
                if results.count == ef { bound = results.top.score }
            } else if score < bound {
                results.replaceTop(Scored(score: score, node: node))
                bound = results.top.score
            }
        }
        marks[Int(entry.node)] = generation
        candidates.push(entry)
        if isAllowed(entry.node) { offer(entry.node, entry.score) }
        let stride0 = graph.stride0
        let ahead = distance.prefetchAhead
        while !candidates.isEmpty {
            let candidate = candidates.pop()
            if candidate.score > bound { break }
            let list = graph.layer0 + Int(candidate.node) &* stride0
            let degree = Int(list[0])
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(degree, 1)) { fresh in
                // As in `beam`: mark first (and prefetch the list of a rejected node a two-hop walk
                // reaches through), then score, each row asked for a few ahead of its turn; a node
                // queued for expansion has its list prefetched.
                var freshCount = 0
                for slot in 1...max(degree, 1) where slot <= degree {
                    let neighbour = list[slot]
                    if marks[Int(neighbour)] == generation { continue }
                    marks[Int(neighbour)] = generation
                    if twoHop && !isAllowed(neighbour) { graph.prefetchList(of: neighbour) }
                    fresh[freshCount] = neighbour
                    freshCount &+= 1
                }
                @inline(__always) func prefetchScored(_ index: Int) {
                    guard index < freshCount else { return }
                    if !twoHop || isAllowed(fresh[index]) { distance.prefetch(fresh[index]) }
                }
                for index in 0..<min(ahead, freshCount) { prefetchScored(index) }
                for index in 0..<freshCount {
                    prefetchScored(index &+ ahead)
                    let neighbour = fresh[index]
                    if isAllowed(neighbour) {
                        let score = distance(neighbour)
                        if score < bound {
                            graph.prefetchList(of: neighbour)
                            candidates.push(Scored(score: score, node: neighbour))
                            offer(neighbour, score)
                        }
                    } else if twoHop {
                        let second = graph.layer0 + Int(neighbour) &* stride0
                        let secondDegree = Int(second[0])
                        for secondSlot in 1...max(secondDegree, 1) where secondSlot <= secondDegree {
                            let hop = second[secondSlot]
                            if marks[Int(hop)] == generation || !isAllowed(hop) { continue }
                            marks[Int(hop)] = generation
                            let score = distance(hop)
                            if score < bound {
                                graph.prefetchList(of: hop)
                                candidates.push(Scored(score: score, node: hop))
                                offer(hop, score)
                            }
                        }
                    } else {
                        let score = distance(neighbour)
                        if score < bound {
                            graph.prefetchList(of: neighbour)
                            candidates.push(Scored(score: score, node: neighbour))
                        }
                    }
                }
            }
        }
    }
}
