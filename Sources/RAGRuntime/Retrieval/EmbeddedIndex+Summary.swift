import Foundation

extension EmbeddedIndex {
    /// Counts and breaks down every live record matching `filter` (the same subset a filtered
    /// search draws from), in one pass over it.
    ///
    /// - Throws: ``RetrievalError/unknownFilterField(_:)`` for a field documents do not have.
    func summarize(filter: SearchFilter, bucketLimit: Int) throws -> MatchSummary {
        let predicate = try SlotPredicate(filter.fields, columns: columns)
        let slots = matchingSlots(timeIndex.positions(in: filter.timeRange), predicate)
        guard !slots.isEmpty else { return .empty }
        var vehicles: [String: Int] = [:], codes: [String: Int] = [:], levels: [String: Int] = [:]
        var oldest = Date.distantFuture, newest = Date.distantPast
        for slot in slots {
            guard let record = records[Int(slot)] else { continue }
            vehicles[record.vehicleID, default: 0] += 1
            if let code = record.errorCode { codes[code, default: 0] += 1 }
            levels[record.level.rawValue, default: 0] += 1
            oldest = min(oldest, record.timestamp)
            newest = max(newest, record.timestamp)
        }
        let count = levels.values.reduce(0, +)
        return MatchSummary(
            count: count, oldest: count > 0 ? oldest : nil, newest: count > 0 ? newest : nil, vehicles: vehicles.count,
            byVehicle: MatchSummary.buckets(vehicles, limit: bucketLimit), byErrorCode: MatchSummary.buckets(codes, limit: bucketLimit),
            byLevel: MatchSummary.buckets(levels, limit: bucketLimit))
    }
}
