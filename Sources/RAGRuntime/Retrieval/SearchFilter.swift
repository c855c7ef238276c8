import QueryUnderstanding

/// The conditions a search applies inside the k-NN search: a time window and field conditions.
///
/// All conditions must hold (AND). The time window is inclusive at both ends.
///
/// ```swift
/// let filter = SearchFilter(
///     timeRange: TimeRange(gte: now.addingTimeInterval(-7200), lte: now),
///     fields: [FieldFilter(field: TelemetryField.level, op: .eq, value: .string("CRITICAL"))]
/// )
/// ```
public struct SearchFilter: Sendable, Equatable, Hashable {
    /// The window on the document timestamp, or `nil` for all time.
    public var timeRange: TimeRange?
    /// Field conditions, combined with AND.
    public var fields: [FieldFilter]

    /// No conditions: every document matches.
    public static let none = SearchFilter()

    /// Creates a filter.
    public init(timeRange: TimeRange? = nil, fields: [FieldFilter] = []) {
        self.timeRange = timeRange
        self.fields = fields
    }

    /// The filter a parsed question asks for.
    public init(_ query: ParsedQuery) {
        self.init(timeRange: query.timeRange, fields: query.fields)
    }

    /// `true` when the filter has no conditions.
    public var isEmpty: Bool { timeRange == nil && fields.isEmpty }
}
