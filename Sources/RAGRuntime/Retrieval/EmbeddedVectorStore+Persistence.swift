import Foundation
import TelemetryModel

// A data directory holds one committed generation of the store:
//
//   manifest.json                  {"format", "version", "configuration", "vectorsFile", "documentsFile", "documents"}
//   store-<id>.bin                 header, vectors, graph (see StoreFile)
//   store-<id>.documents.json      one record per slot, null for a tombstoned slot
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
            format: Manifest.format, version: Int(StoreFile.version), configuration: index.configuration,
            vectorsFile: "store-\(generation).bin", documentsFile: "store-\(generation).documents.json", documents: index.liveCount,
            walSegment: walSegment
        )
        let graph = index.graph.snapshot
        let header = StoreFile.Header(
            dimensions: index.dimensions, m: index.configuration.hnsw.m, count: records.count, linkCount: graph.links.count,
            entryPoint: graph.entryPoint, maxLevel: Int32(graph.maxLevel), randomState: graph.randomState
        )
        try StoreFile.writeAtomically(to: directory.appendingPathComponent(manifest.vectorsFile)) { handle in
            try handle.write(contentsOf: StoreFile.encode(header))
            try StoreFile.write(index.vectors, to: handle)
            try StoreFile.write(graph.levels, to: handle)
            try StoreFile.write(graph.links, to: handle)
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
        guard manifest.format == Manifest.format, manifest.version == Int(StoreFile.version) else {
            throw RetrievalError.loadFailed(path: manifestURL.path, reason: "unsupported format \(manifest.format) v\(manifest.version)")
        }
        let configuration = manifest.configuration
        let vectorsURL = directory.appendingPathComponent(manifest.vectorsFile)
        let path = vectorsURL.path
        let data: Data
        do { data = try Data(contentsOf: vectorsURL, options: .alwaysMapped) } catch {
            throw RetrievalError.loadFailed(path: path, reason: "\(error)")
        }
        let (header, vectors, levels, links) = try data.withUnsafeBytes { bytes in
            let header = try StoreFile.decodeHeader(bytes, path: path)
            guard header.dimensions == configuration.dimensions, header.m == configuration.hnsw.m else {
                throw RetrievalError.loadFailed(path: path, reason: "header disagrees with the manifest's configuration")
            }
            guard bytes.count == header.expectedSize else {
                throw RetrievalError.loadFailed(path: path, reason: "size \(bytes.count) bytes, header implies \(header.expectedSize)")
            }
            var offset = StoreFile.headerSize
            let vectors = StoreFile.read(bytes, offset: offset, count: header.count * header.dimensions, as: Float.self)
            offset += header.count * header.dimensions * 4
            let levels = StoreFile.read(bytes, offset: offset, count: header.count, as: UInt8.self)
            offset += header.count
            let links = StoreFile.read(bytes, offset: offset, count: header.linkCount, as: Int32.self)
            return (header, vectors, levels, links)
        }
        let documentsURL = directory.appendingPathComponent(manifest.documentsFile)
        let records: [TelemetryRecord?] = try decodeJSON(at: documentsURL)
        guard records.count == header.count else {
            throw RetrievalError.loadFailed(path: documentsURL.path, reason: "\(records.count) records for \(header.count) vectors")
        }
        try checkGraph(levels: levels, links: links, header: header, m: configuration.hnsw.m, path: path)
        let graph = HNSWGraph.Snapshot(
            levels: levels, links: links, entryPoint: header.entryPoint, maxLevel: Int(header.maxLevel), randomState: header.randomState
        )
        return (EmbeddedIndex(configuration: configuration, vectors: vectors, records: records, graph: graph), manifest.walSegment ?? 1)
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

    /// Rejects a graph whose lists would index outside the arrays, instead of trapping later.
    private static func checkGraph(levels: [UInt8], links: [Int32], header: StoreFile.Header, m: Int, path: String) throws {
        let count = header.count
        var offset = 0
        var consistent = (count == 0) == (header.entryPoint < 0) && Int(header.entryPoint) < count
        nodes: for level in levels {
            for layer in 0...Int(level) {
                let limit = layer == 0 ? 2 * m : m
                guard offset + limit < links.count, (0...limit).contains(Int(links[offset])) else {
                    consistent = false
                    break nodes
                }
                for slot in 0..<Int(links[offset]) where !(0..<count).contains(Int(links[offset + 1 + slot])) {
                    consistent = false
                    break nodes
                }
                offset += limit + 1
            }
        }
        guard consistent, offset == links.count else { throw RetrievalError.loadFailed(path: path, reason: "graph section is inconsistent") }
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
