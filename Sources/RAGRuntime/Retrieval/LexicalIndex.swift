import Foundation
import TelemetryModel

/// A BM25 index of the records' words, beside the vectors: what finds exact terms (codes such as
/// `P0217` and `ENG-001`, vehicle ids such as `VH-0042`) that an embedding blurs.
///
/// ## Terms
/// A record's text is its level, error code, service, vehicle id and state, message and DTC codes
/// (not its timestamp). Text is lower-cased and cut into runs of letters and digits, kept whole
/// across `-` and `_` (`vh-0042`, `eng-001`, `engine-monitor`), and the parts of such a run are
/// terms too (`vh`, `0042`, `engine`, `monitor`). A few English function words are dropped.
///
/// ## Scoring
/// Okapi BM25 with k1 = 1.2 and b = 0.75, IDF `ln(1 + (N - df + 0.5) / (df + 0.5))`, over live slots;
/// ``score(_:accept:limit:)`` visits only the postings of the query's terms and admits only slots the
/// filter accepts, so the lexical ranking sits inside the same filters as the vector one.
struct LexicalIndex: Sendable {
    /// Postings: for each term, the slots that hold it and how often.
    private var postings: [String: [(slot: Int32, frequency: UInt16)]] = [:]
    /// Terms per slot (0 for an empty or removed slot).
    private var lengths: [UInt32] = []
    /// The distinct terms of each live slot, to remove them again.
    private var termsBySlot: [Int32: [String]] = [:]
    private var totalLength = 0
    private(set) var documentCount = 0

    static let k1: Float = 1.2
    static let b: Float = 0.75
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "at", "be", "by", "did", "do", "for", "from", "had", "has", "have", "in", "is", "it", "of", "on",
        "or", "the", "to", "was", "were", "what", "which", "who", "with", "any", "all", "show", "me", "find", "list", "there",
    ]

    /// The indexed text of a record.
    static func text(of record: TelemetryRecord) -> String {
        var parts = [record.level.rawValue]
        if let code = record.errorCode { parts.append(code) }
        parts += [record.service, record.vehicleID]
        if let state = record.vehicleState { parts.append(state) }
        parts.append(record.message)
        parts += record.diagnosticInfo.dtcCodes
        return parts.joined(separator: " ")
    }

    /// The terms of `text`, in order, with repeats.
    static func terms(of text: String) -> [String] {
        var terms: [String] = []
        var run: [UInt8] = []
        func flush() {
            while let last = run.last, last == UInt8(ascii: "-") || last == UInt8(ascii: "_") { run.removeLast() }
            guard !run.isEmpty else { return }
            let whole = String(decoding: run, as: UTF8.self)
            let parts = run.split { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }.map { String(decoding: $0, as: UTF8.self) }
            if !stopWords.contains(whole) { terms.append(whole) }
            if parts.count > 1 { terms += parts.filter { !stopWords.contains($0) } }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                run.append(contentsOf: Array(String(scalar).utf8))
            } else if (scalar == "-" || scalar == "_"), !run.isEmpty {
                run.append(UInt8(ascii: scalar == "-" ? "-" : "_"))
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// Indexes `record` at `slot` (a slot not indexed yet, or one ``remove(_:)`` cleared).
    mutating func insert(_ record: TelemetryRecord, at slot: Int32) {
        let terms = Self.terms(of: Self.text(of: record))
        if lengths.count <= Int(slot) { lengths += Array(repeating: 0, count: Int(slot) + 1 - lengths.count) }
        var counts: [String: UInt16] = [:]
        for term in terms { counts[term, default: 0] &+= 1 }
        for (term, frequency) in counts { postings[term, default: []].append((slot, frequency)) }
        termsBySlot[slot] = Array(counts.keys)
        lengths[Int(slot)] = UInt32(terms.count)
        totalLength += terms.count
        documentCount += 1
    }

    /// Removes the slot's terms. A tombstoned slot (never reused) is only marked, and its postings
    /// are skipped until the index is rebuilt; a slot about to be indexed again (`reuse`) has its
    /// postings removed, which costs a pass over each of its terms' lists.
    mutating func remove(_ slot: Int32, reuse: Bool = false) {
        guard let terms = termsBySlot.removeValue(forKey: slot) else { return }
        if reuse {
            for term in terms {
                postings[term]?.removeAll { $0.slot == slot }
                if postings[term]?.isEmpty == true { postings[term] = nil }
            }
        }
        totalLength -= Int(lengths[Int(slot)])
        lengths[Int(slot)] = 0
        documentCount -= 1
    }

    /// The `limit` best slots for `query` by BM25 among those `accept` admits, best first (ties by slot).
    func score(_ query: String, accept: (Int32) -> Bool, limit: Int) -> [(slot: Int32, score: Float)] {
        guard documentCount > 0, limit > 0 else { return [] }
        let average = Float(totalLength) / Float(documentCount)
        var scores: [Int32: Float] = [:]
        for term in Set(Self.terms(of: query)) {
            guard let list = postings[term] else { continue }
            let n = Float(documentCount), df = Float(list.count)
            let idf: Float = log(1 + (n - df + 0.5) / (df + 0.5))
            for posting in list where lengths[Int(posting.slot)] > 0 && accept(posting.slot) {
                let frequency = Float(posting.frequency)
                let relativeLength: Float = Float(lengths[Int(posting.slot)]) / average
                let norm: Float = Self.k1 * (1 - Self.b + Self.b * relativeLength)
                let gain: Float = frequency * (Self.k1 + 1) / (frequency + norm)
                scores[posting.slot, default: 0] += idf * gain
            }
        }
        return scores.map { (slot: $0.key, score: $0.value) }
            .sorted { ($0.score, $1.slot) > ($1.score, $0.slot) }
            .prefix(limit).map { $0 }
    }
}
