import Foundation
import TelemetryModel

extension EmbeddedVectorStore {
    /// What ``reindex(in:with:batchSize:progress:)`` did.
    public struct ReindexSummary: Sendable, Equatable {
        /// The embedder that had built the store (`nil`: not recorded, an earlier version's store).
        public var previous: EmbedderIdentity?
        /// The embedder that built it now.
        public var current: EmbedderIdentity
        /// Records re-embedded.
        public var records: Int
    }

    /// Re-embeds every record of the durable store in `directory` with `embedder`, and replaces
    /// the store's vectors and graph with the new ones in one commit (the manifest's rename).
    ///
    /// The stored records are the source: nothing is read from the stream. The old generation stays
    /// loadable until the commit, so an interrupted reindex leaves the store as it was. No other
    /// process may write to the store meanwhile (stop the query API or `rag-runtime local` first).
    ///
    /// - Parameters:
    ///   - batchSize: Records per embedding call.
    ///   - progress: Called after each batch with the records done and the total.
    /// - Throws: ``RetrievalError/loadFailed(path:reason:)`` when `directory` holds no store or a
    ///   damaged one; the embedder's error; ``RetrievalError/saveFailed(path:reason:)``.
    public static func reindex(
        in directory: URL, with embedder: any Embedder, batchSize: Int = 256, progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> ReindexSummary {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue
        guard exists, try hasSavedStore(in: directory) || !WriteAheadLog.segments(in: directory).isEmpty else {
            throw RetrievalError.loadFailed(path: directory.path, reason: "no embedded store here (no manifest.json, no write-ahead log)")
        }
        // Opened without an identity: whichever embedder built it, its records are readable.
        let (old, _) = try openDurable(in: directory, configuration: Configuration(dimensions: embedder.dimensions))
        guard let log = old.log else { throw RetrievalError.loadFailed(path: directory.path, reason: "not a durable store") }
        let (records, previous) = old.state.withLock { state in (state.index.records.compactMap { $0 }, state.index.configuration.embedder) }
        var configuration = old.configuration
        configuration.dimensions = embedder.dimensions
        configuration.embedder = embedder.identity
        try configuration.validate()
        var index = EmbeddedIndex(configuration: configuration)
        var done = 0
        try await embedder.embedDocuments(records, batchSize: batchSize) { documents in
            try index.upsert(documents)
            done += documents.count
            progress(done, records.count)
        }
        // Everything the old log held is in `records`: the new snapshot starts a new segment, and
        // the old segments go once it is committed.
        let segment = try log.rotate()
        try write(index, to: directory, walSegment: segment)
        try log.removeSegments(before: segment)
        return ReindexSummary(previous: previous, current: embedder.identity, records: records.count)
    }
}
