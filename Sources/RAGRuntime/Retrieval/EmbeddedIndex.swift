import Foundation
import TelemetryModel
import VectorIndex

/// The whole state of an ``EmbeddedVectorStore``, as one value: the vector index, records and the
/// time index. The store guards it with a mutex; tests can drive it directly.
///
/// ## Storage
/// Slot `i` is vector `i` of ``vectors`` (a `VectorIndex` HNSW index: contiguous rows, SIMD
/// kernels, the graph) and entry `i` of ``records``. Vectors are L2-normalised on the way in and
/// compared by inner product, so a score is the cosine.
///
/// ## Replacement and deletion
/// Re-upserting an id with the same vector updates the record in place. With a new vector the old
/// slot is tombstoned (record dropped, graph node kept for routing, hidden from results) and the
/// document gets a new slot. When tombstones outnumber live documents (and exceed 1,024) the index
/// is rebuilt from the live documents, so churn cannot grow memory without bound.
struct EmbeddedIndex: Sendable {
    let configuration: EmbeddedVectorStore.Configuration
    var dimensions: Int { configuration.dimensions }
    private(set) var vectors: HNSWIndex
    /// The record of each slot; `nil` once the slot is tombstoned.
    private(set) var records: [TelemetryRecord?] = []
    private(set) var slotsByID: [String: Int32] = [:]
    /// The live slots (a bit per slot; a tombstoned slot's is clear), also the index's filter
    /// when there are tombstones.
    private(set) var live = IDFilter(capacity: 0)
    /// Slots whose documents were replaced or deleted.
    var tombstoneCount: Int { records.count - live.count }
    private(set) var timeIndex = TimeIndex()
    /// Columnar copies of the filterable fields, for fast filters.
    private(set) var columns = FilterColumns()
    /// Each slot's timestamp (seconds since 1970), for testing a time window during graph search.
    private(set) var slotTimes: [Double] = []
    /// BM25 over the live records' words, for hybrid search.
    private(set) var lexical = LexicalIndex()
    /// The vector index's per-searcher buffers (searches run under the store's lock, one at a time).
    var scratch = SearchScratch()

    init(configuration: EmbeddedVectorStore.Configuration) {
        self.configuration = configuration
        vectors = Self.emptyVectors(configuration)
    }

    /// An empty vector index for `configuration`: inner product over the normalised rows.
    static func emptyVectors(_ configuration: EmbeddedVectorStore.Configuration) -> HNSWIndex {
        // The configuration was validated (dimensions ≥ 1, HNSW ranges), so this cannot throw.
        do { return try HNSWIndex(dimensions: configuration.dimensions, metric: .innerProduct, configuration: configuration.hnsw.indexConfiguration) }
        catch { preconditionFailure("a validated configuration was refused: \(error)") }
    }

    /// The number of live documents.
    var liveCount: Int { slotsByID.count }

    /// Inserts or replaces documents. Validates the whole batch before changing anything.
    mutating func upsert(_ documents: [IndexedDocument]) throws {
        insert(documents, normalised: try normalised(documents))
    }

    /// The documents' vectors, L2-normalised; the check an upsert passes before it changes anything.
    ///
    /// - Throws: ``RetrievalError/dimensionMismatch(expected:actual:)``, ``RetrievalError/invalidVector(id:)``.
    func normalised(_ documents: [IndexedDocument]) throws -> [[Float]] {
        try Self.normalised(documents, dimensions: dimensions)
    }

    /// ``normalised(_:)`` for an index of `dimensions` (it reads nothing else, so a caller can run
    /// it outside the store's lock).
    static func normalised(_ documents: [IndexedDocument], dimensions: Int) throws -> [[Float]] {
        try documents.map { document in
            guard document.vector.count == dimensions else {
                throw RetrievalError.dimensionMismatch(expected: dimensions, actual: document.vector.count)
            }
            guard let vector = DotProduct.normalised(document.vector) else { throw RetrievalError.invalidVector(id: document.id) }
            return vector
        }
    }

    /// Inserts or replaces documents whose vectors ``normalised(_:)`` returned.
    mutating func insert(_ documents: [IndexedDocument], normalised: [[Float]]) {
        for (document, vector) in zip(documents, normalised) {
            if let slot = slotsByID[document.id], let old = records[Int(slot)] {
                if vectors.vector(Int(slot)) == vector {
                    timeIndex.remove(slot, at: old.timestamp)
                    timeIndex.insert(slot, at: document.record.timestamp)
                    records[Int(slot)] = document.record
                    lexical.remove(slot, reuse: true)
                    lexical.insert(document.record, at: slot)
                    columns.update(document.record, at: Int(slot))
                    slotTimes[Int(slot)] = document.record.timestamp.timeIntervalSince1970
                    continue
                }
                tombstone(slot)
            }
            append(document.record, vector: vector)
        }
        compactIfNeeded()
    }

    /// Removes documents by id and returns how many existed.
    mutating func delete(ids: [String]) -> Int {
        var removed = 0
        for id in ids {
            if let slot = slotsByID[id] {
                tombstone(slot)
                removed += 1
            }
        }
        compactIfNeeded()
        return removed
    }

    /// Document count and time span.
    var stats: VectorStoreStats {
        VectorStoreStats(documents: liveCount, oldest: timeIndex.oldest, newest: timeIndex.newest)
    }

    private mutating func append(_ record: TelemetryRecord, vector: [Float]) {
        let slot = Int32(records.count)
        records.append(record)
        columns.append(record)
        slotTimes.append(record.timestamp.timeIntervalSince1970)
        slotsByID[record.eventID] = slot
        timeIndex.insert(slot, at: record.timestamp)
        lexical.insert(record, at: slot)
        live.append(true)
        // `normalised(_:)` checked the vector (length, finite, not zero): the index cannot refuse it.
        do { try vectors.add(vector) } catch { preconditionFailure("the vector index refused a checked vector: \(error)") }
    }

    private mutating func tombstone(_ slot: Int32) {
        guard let record = records[Int(slot)] else { return }
        timeIndex.remove(slot, at: record.timestamp)
        slotsByID[record.eventID] = nil
        lexical.remove(slot)
        records[Int(slot)] = nil
        live.remove(Int(slot))
    }

    /// Rebuilds from the live documents when tombstones outnumber them (see "Replacement and deletion").
    private mutating func compactIfNeeded() {
        guard tombstoneCount > 1_024, tombstoneCount > liveCount else { return }
        var rebuilt = EmbeddedIndex(configuration: configuration)
        for (slot, record) in records.enumerated() {
            guard let record else { continue }
            rebuilt.append(record, vector: vectors.vector(slot))
        }
        self = rebuilt
    }
}

extension EmbeddedIndex {
    /// Restores an index from saved parts; the caller has checked that `vectors` holds one vector
    /// per record, of the configuration's dimensions.
    init(configuration: EmbeddedVectorStore.Configuration, vectors: HNSWIndex, records: [TelemetryRecord?]) {
        self.init(configuration: configuration)
        self.vectors = vectors
        self.records = records
        live = IDFilter(capacity: records.count)
        var entries: [(time: Double, slot: Int32)] = []
        for (slot, record) in records.enumerated() {
            columns.append(record)
            slotTimes.append(record?.timestamp.timeIntervalSince1970 ?? 0)
            if let record {
                slotsByID[record.eventID] = Int32(slot)
                lexical.insert(record, at: Int32(slot))
                live.insert(slot)
                entries.append((record.timestamp.timeIntervalSince1970, Int32(slot)))
            }
        }
        timeIndex = TimeIndex(sorting: entries)
    }
}
