import Foundation

/// What every record matching a filter adds up to: the count, the time span, and breakdowns by
/// vehicle, error code and level. Counted by the store over all matches, not over the top k hits,
/// so an answer can say "412 records" when the window held 412, and show 5 of them as examples.
///
/// ```swift
/// let summary = try await store.summarize(filter: SearchFilter(parsed), bucketLimit: 10)
/// summary.count          // 412
/// summary.vehicles       // 37 distinct vehicles
/// summary.byErrorCode    // [ENG-001: 58, BAT-002: 41, ...]
/// ```
public struct MatchSummary: Sendable, Equatable {
    /// One value of a field and how many matching records carry it.
    public struct Bucket: Sendable, Equatable, Hashable {
        public var key: String
        public var count: Int

        public init(key: String, count: Int) {
            self.key = key
            self.count = count
        }
    }

    /// Records matching the filter.
    public var count: Int
    /// The earliest and latest matching timestamps (`nil` when nothing matched).
    public var oldest: Date?
    public var newest: Date?
    /// Distinct vehicles among the matches.
    public var vehicles: Int
    /// The most frequent vehicles, most first (ties by key), at most the bucket limit.
    public var byVehicle: [Bucket]
    /// Error codes, most first; records without one are not counted here.
    public var byErrorCode: [Bucket]
    /// Levels, most first.
    public var byLevel: [Bucket]

    /// Creates a summary.
    public init(count: Int, oldest: Date? = nil, newest: Date? = nil, vehicles: Int = 0, byVehicle: [Bucket] = [], byErrorCode: [Bucket] = [], byLevel: [Bucket] = []) {
        self.count = count
        self.oldest = oldest
        self.newest = newest
        self.vehicles = vehicles
        self.byVehicle = byVehicle
        self.byErrorCode = byErrorCode
        self.byLevel = byLevel
    }

    /// Nothing matched.
    public static let empty = MatchSummary(count: 0)

    /// Counts to buckets: most first, ties by key, at most `limit`.
    public static func buckets(_ counts: [String: Int], limit: Int) -> [Bucket] {
        counts.map { Bucket(key: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.key) < ($0.count, $1.key) }
            .prefix(max(0, limit)).map { $0 }
    }
}
