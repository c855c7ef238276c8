import Foundation
import QueryUnderstanding

/// Document slots sorted by timestamp, so a time window is a binary-searched range.
///
/// Two parallel flat arrays (seconds since 1970, slot). Telemetry mostly arrives in time order,
/// so an insert is usually an append; a late record costs one binary search and a shift.
struct TimeIndex: Sendable, Equatable {
    private(set) var times: [Double] = []
    private(set) var slots: [Int32] = []

    init() {}

    /// An index of `entries`, sorted by time (ties in slot order).
    init(sorting entries: [(time: Double, slot: Int32)]) {
        let sorted = entries.sorted { $0.time < $1.time || ($0.time == $1.time && $0.slot < $1.slot) }
        times = sorted.map(\.time)
        slots = sorted.map(\.slot)
    }

    var count: Int { slots.count }
    var oldest: Date? { times.first.map(Date.init(timeIntervalSince1970:)) }
    var newest: Date? { times.last.map(Date.init(timeIntervalSince1970:)) }

    /// Adds `slot` at `date`, after any slots with the same timestamp.
    mutating func insert(_ slot: Int32, at date: Date) {
        let time = date.timeIntervalSince1970
        if let last = times.last, last > time {
            let position = firstIndex(after: time)
            times.insert(time, at: position)
            slots.insert(slot, at: position)
        } else {
            times.append(time)
            slots.append(slot)
        }
    }

    /// Removes `slot`, which was inserted at `date`.
    mutating func remove(_ slot: Int32, at date: Date) {
        let time = date.timeIntervalSince1970
        var position = firstIndex(notBefore: time)
        while position < times.count, times[position] == time {
            if slots[position] == slot {
                times.remove(at: position)
                slots.remove(at: position)
                return
            }
            position += 1
        }
    }

    /// The positions (into ``slots``) of the documents inside `range`, both bounds inclusive.
    func positions(in range: TimeRange?) -> Range<Int> {
        let lower = range?.gte.map { firstIndex(notBefore: $0.timeIntervalSince1970) } ?? 0
        let upper = range?.lte.map { firstIndex(after: $0.timeIntervalSince1970) } ?? times.count
        return lower..<max(lower, upper)
    }

    /// The first position whose time is `>= time`.
    private func firstIndex(notBefore time: Double) -> Int {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first position whose time is `> time`.
    private func firstIndex(after time: Double) -> Int {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
