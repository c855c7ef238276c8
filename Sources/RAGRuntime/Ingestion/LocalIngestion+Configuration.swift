import Foundation

extension LocalIngestion {
    /// Settings of ``LocalIngestion``.
    ///
    /// ## Defaults
    /// - ``recordsPerMinute`` = 100: the operator's default producer rate.
    /// - ``backfillSeconds`` = 0: no history.
    /// - ``seed`` = a random seed.
    /// - ``count`` = `nil`: produce forever.
    /// - ``commitInterval`` = 10 s: each checkpoint saves the whole embedded store first.
    /// - ``batchSize`` = 500 entries per consumer batch.
    /// - ``exitWhenDone`` = `false`.
    public struct Configuration: Sendable {
        /// The data directory.
        public var dataDirectory: URL
        /// Producer rate.
        public var recordsPerMinute: Double
        /// History written first into an empty stream, in seconds.
        public var backfillSeconds: Double
        /// The generator seed.
        public var seed: UInt64
        /// The most records the stream should hold, or `nil` for no limit.
        public var count: Int?
        /// The least time between checkpoints.
        public var commitInterval: Duration
        /// Consumer batch size.
        public var batchSize: Int
        /// Return from ``LocalIngestion/run(progress:)`` once `count` records are indexed.
        public var exitWhenDone: Bool

        /// Creates settings; see "Defaults".
        public init(
            dataDirectory: URL, recordsPerMinute: Double = 100, backfillSeconds: Double = 0,
            seed: UInt64 = UInt64.random(in: 0...UInt64.max), count: Int? = nil, commitInterval: Duration = .seconds(10),
            batchSize: Int = 500, exitWhenDone: Bool = false
        ) {
            self.dataDirectory = dataDirectory
            self.recordsPerMinute = recordsPerMinute
            self.backfillSeconds = backfillSeconds
            self.seed = seed
            self.count = count
            self.commitInterval = commitInterval
            self.batchSize = batchSize
            self.exitWhenDone = exitWhenDone
        }
    }

    /// Where ingestion stands, for the progress line.
    public struct Progress: Sendable, Equatable {
        /// Records in the stream.
        public var produced: Int
        /// Records the backfill writes (0 without backfill).
        public var backfill: Int
        /// Records indexed in this run plus those stored before it.
        public var indexed: Int
        /// Stream entries not yet consumed after the last batch.
        public var behind: Int

        /// `backfill 12000/144000 written, 11500 indexed, 500 behind`.
        public var line: String {
            let written = backfill > 0 && produced < backfill ? "backfill \(produced)/\(backfill) written" : "\(produced) produced"
            return "\(written), \(indexed) indexed, \(behind) behind"
        }
    }
}
