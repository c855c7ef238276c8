import Foundation
import TelemetryModel
import VectorIndex

// A data directory holds one committed generation of the store:
//
//   manifest.json                  {"format", "version", "configuration", "vectorsFile", "documentsFile", "documents"}
//   store-<id>.hnsw                the vector index: vectors and graph (VectorIndex's file, reopened memory-mapped)
//   store-<id>.documents.json      one record per slot, null for a tombstoned slot
//
// Version 1 (before the store ran on VectorIndex) kept vectors and its own graph in
// store-<id>.bin (see StoreFile): such a store still opens, its index rebuilt from the vectors,
// and its next save writes version 2.
//
//   wal-<n>.log                    a durable store's write-ahead log segments (WriteAheadLog)
//
// Each file is written to a temporary name, flushed and renamed. The manifest is written last, so
// its rename is the commit point: a crash during `save` leaves the previous generation intact and
// loadable. Files of older generations are removed after the commit. A durable store's manifest
// names the first log segment its snapshot does not contain (`walSegment`); opening replays
// that segment and the later ones.

extension EmbeddedVectorStore {
    /// The manifest of a data directory.
    struct Manifest: Codable, Equatable {
        static let format = "rag-embedded-store"
        /// The version ``write(_:to:walSegment:)`` writes.
        static let currentVersion = 2
        var format: String
        var version: Int
        var configuration: Configuration
        var vectorsFile: String
        var documentsFile: String
        var documents: Int
        /// The first write-ahead log segment this snapshot does not contain (durable stores).
        var walSegment: Int?
    }

    static let manifestName = "manifest.json"

    /// Writes the store to `directory` (created if missing), atomically replacing an earlier save.
    ///
    /// The state is snapshotted under the lock and written outside it, so searches and upserts
    /// continue while the files are written.
    ///
    /// - Throws: ``RetrievalError/saveFailed(path:reason:)``; the previous save stays loadable.
    public func save(to directory: URL) throws {
        guard let log, log.directory.standardizedFileURL.path == directory.standardizedFileURL.path else {
            return try Self.write(state.withLock { $0.snapshot }, to: directory, walSegment: nil)
        }
        // A checkpoint: the snapshot holds everything before the new segment, whose older ones go,
        // including the changes still being flushed to them.
        let (index, segment) = try state.withLock { state in (state.snapshot, try log.rotate()) }
        try Self.write(index, to: directory, walSegment: segment)
        try log.removeSegments(before: segment)
    }

    /// Writes a snapshot of `index` as a new generation.
    static func write(_ index: EmbeddedIndex, to directory: URL, walSegment: Int?) throws {
        let records = index.records
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RetrievalError.saveFailed(path: directory.path, reason: "\(error)")
        }
        let generation = UUID().uuidString.lowercased()
        let manifest = Manifest(
            format: Manifest.format, version: Manifest.currentVersion, configuration: index.configuration,
            vectorsFile: "store-\(generation).hnsw", documentsFile: "store-\(generation).documents.json", documents: index.liveCount,
            walSegment: walSegment
        )
        let vectorsPath = directory.appendingPathComponent(manifest.vectorsFile).path
        do { try index.vectors.write(to: vectorsPath) } catch {
            if case .writeFailed(_, let reason) = error { throw RetrievalError.saveFailed(path: vectorsPath, reason: reason) }
            throw RetrievalError.saveFailed(path: vectorsPath, reason: "\(error)")
        }
        try StoreFile.writeAtomically(to: directory.appendingPathComponent(manifest.documentsFile)) { handle in
            try handle.write(contentsOf: JSONEncoder().encode(records))
        }
        try StoreFile.writeAtomically(to: directory.appendingPathComponent(Self.manifestName)) { handle in
            try handle.write(contentsOf: JSONEncoder().encode(manifest))
        }
        try removeStaleGenerations(in: directory, keeping: [manifest.vectorsFile, manifest.documentsFile])
    }

    private static func removeStaleGenerations(in directory: URL, keeping current: Set<String>) throws {
        do {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where name.hasPrefix("store-") && !current.contains(name) {
                try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        } catch {
            throw RetrievalError.saveFailed(path: directory.path, reason: "saved, but removing the previous generation failed: \(error)")
        }
    }

    /// Whether `directory` holds a saved store.
    public static func hasSavedStore(in directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(manifestName).path)
    }

    /// Loads a store written by ``save(to:)``, with the configuration it was saved with.
    ///
    /// - Throws: ``RetrievalError/loadFailed(path:reason:)`` for a missing or unreadable file, a
    ///   bad magic or version, or files whose sizes disagree with their headers.
    public static func load(from directory: URL) throws -> EmbeddedVectorStore {
        EmbeddedVectorStore(index: try loadIndex(from: directory).index)
    }

    /// The saved index of `directory` and the first log segment it does not contain.
    static func loadIndex(from directory: URL) throws -> (index: EmbeddedIndex, walSegment: Int) {
        let manifestURL = directory.appendingPathComponent(manifestName)
        let manifest: Manifest = try decodeJSON(at: manifestURL)
        guard manifest.format == Manifest.format, (1...Manifest.currentVersion).contains(manifest.version) else {
            throw RetrievalError.loadFailed(path: manifestURL.path, reason: "unsupported format \(manifest.format) v\(manifest.version)")
        }
        let configuration = manifest.configuration
        do { try configuration.validate() } catch {
            throw RetrievalError.loadFailed(path: manifestURL.path, reason: "\(error)")
        }
        let vectorsURL = directory.appendingPathComponent(manifest.vectorsFile)
        let documentsURL = directory.appendingPathComponent(manifest.documentsFile)
        let records: [TelemetryRecord?] = try decodeJSON(at: documentsURL)
        let vectors = manifest.version == 1
            ? try rebuiltIndex(fromVersion1: vectorsURL, configuration: configuration)
            : try mappedIndex(vectorsURL, configuration: configuration)
        guard records.count == vectors.count else {
            throw RetrievalError.loadFailed(path: documentsURL.path, reason: "\(records.count) records for \(vectors.count) vectors")
        }
        return (EmbeddedIndex(configuration: configuration, vectors: vectors, records: records), manifest.walSegment ?? 1)
    }

    /// The saved vector index, memory-mapped, after checking it is the one the manifest describes.
    private static func mappedIndex(_ url: URL, configuration: Configuration) throws -> HNSWIndex {
        let index: HNSWIndex
        do { index = try HNSWIndex(contentsOf: url.path) } catch {
            if case .openFailed(_, let reason) = error { throw RetrievalError.loadFailed(path: url.path, reason: reason) }
            throw RetrievalError.loadFailed(path: url.path, reason: "\(error)")
        }
        guard index.dimensions == configuration.dimensions, index.metric == .innerProduct, index.configuration.m == configuration.hnsw.m else {
            throw RetrievalError.loadFailed(
                path: url.path,
                reason: "the index (\(index.dimensions) dimensions, \(index.metric), m \(index.configuration.m)) disagrees with the manifest's configuration"
            )
        }
        return index
    }

    /// A version-1 store's vectors, in a new index: the old graph's layout is not `VectorIndex`'s,
    /// so the graph is rebuilt (on every core) and the next save writes version 2.
    private static func rebuiltIndex(fromVersion1 url: URL, configuration: Configuration) throws -> HNSWIndex {
        let path = url.path
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw RetrievalError.loadFailed(path: path, reason: "\(error)")
        }
        let flat: [Float] = try data.withUnsafeBytes { bytes in
            let header = try StoreFile.decodeHeader(bytes, path: path)
            guard header.dimensions == configuration.dimensions, header.m == configuration.hnsw.m else {
                throw RetrievalError.loadFailed(path: path, reason: "header disagrees with the manifest's configuration")
            }
            guard bytes.count == header.expectedSize else {
                throw RetrievalError.loadFailed(path: path, reason: "size \(bytes.count) bytes, header implies \(header.expectedSize)")
            }
            return StoreFile.read(bytes, offset: StoreFile.headerSize, count: header.count * header.dimensions, as: Float.self)
        }
        var index = EmbeddedIndex.emptyVectors(configuration)
        do { try index.add(contentsOf: flat, threads: 0) } catch {
            throw RetrievalError.loadFailed(path: path, reason: "\(error)")
        }
        return index
    }

    /// Opens the durable store of `directory`: the last snapshot (or a new store with
    /// `configuration` when there is none), with the write-ahead log replayed on top and a new
    /// log segment for what follows.
    ///
    /// When `configuration` names an ``Configuration/embedder``, a saved store must have been
    /// built by the same one; a new store records it at once (an empty snapshot), so that even a
    /// store whose writes are all still in the log knows its embedder.
    ///
    /// - Returns: The store and what the replay found (entries applied, a torn tail cut off).
    /// - Throws: ``RetrievalError/loadFailed(path:reason:)`` for a damaged snapshot or log;
    ///   ``RetrievalError/embedderMismatch(path:stored:requested:)`` for a store another embedder built.
    public static func openDurable(in directory: URL, configuration: Configuration) throws -> (store: EmbeddedVectorStore, replay: DurableReplay) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RetrievalError.loadFailed(path: directory.path, reason: "\(error)")
        }
        var (index, first): (EmbeddedIndex, Int)
        if hasSavedStore(in: directory) {
            (index, first) = try loadIndex(from: directory)
            if let requested = configuration.embedder, index.configuration.embedder != requested {
                throw RetrievalError.embedderMismatch(path: directory.path, stored: index.configuration.embedder, requested: requested)
            }
        } else {
            try configuration.validate()
            (index, first) = (EmbeddedIndex(configuration: configuration), 1)
            if let requested = configuration.embedder {
                // Log segments without a snapshot: written by a version that did not record its embedder.
                guard try WriteAheadLog.segments(in: directory).isEmpty else {
                    throw RetrievalError.embedderMismatch(path: directory.path, stored: nil, requested: requested)
                }
                try write(index, to: directory, walSegment: 1)
            }
        }
        let path = directory.path
        let replay = try WriteAheadLog.replay(in: directory, from: first) { payload in
            switch try DurableEntry(decoding: payload, path: path) {
            case .upsert(let documents): try index.upsert(documents)
            case .delete(let ids): _ = index.delete(ids: ids)
            }
        }
        for stale in try WriteAheadLog.segments(in: directory) where stale < first {
            // Left by a checkpoint that committed its snapshot and stopped before deleting them.
            do {
                try FileManager.default.removeItem(at: directory.appendingPathComponent(WriteAheadLog.name(of: stale)))
            } catch {
                throw RetrievalError.loadFailed(path: path, reason: "removing \(WriteAheadLog.name(of: stale)), which the snapshot holds: \(error)")
            }
        }
        first = max(replay.lastSegment, first - 1)
        let log = try WriteAheadLog(directory: directory, after: first)
        return (EmbeddedVectorStore(index: index, log: log), DurableReplay(entries: replay.entries, tornBytes: replay.tornBytes))
    }

    private static func decodeJSON<Value: Decodable>(at url: URL) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(contentsOf: url))
        } catch {
            throw RetrievalError.loadFailed(path: url.path, reason: "\(error)")
        }
    }
}

/// What opening a durable store read back from its write-ahead log.
public struct DurableReplay: Sendable, Equatable {
    /// Logged changes applied on top of the snapshot.
    public var entries: Int
    /// Bytes of an unfinished last entry that were cut off (never acknowledged).
    public var tornBytes: Int
}
