/// Token ids of several texts, padded at the right to the longest, ready for one forward pass.
///
/// Row `r` holds `lengths[r]` real ids and then `[PAD]`; the attention mask is 1 for the real ids
/// and 0 for the padding, so padding changes neither attention nor pooling.
///
/// ```swift
/// let batch = tokenizer.encode(batch: ["short", "a longer text"])
/// batch.ids(row: 0)  // [101, 2460, 102, 0, 0]
/// ```
public struct TokenBatch: Sendable, Equatable {
    /// The number of texts.
    public let count: Int
    /// The padded length of every row: the longest text's id count.
    public let length: Int
    /// The real (unpadded) id count of each row.
    public let lengths: [Int]
    /// Row-major `count × length` ids, padding included.
    public let ids: [Int32]

    /// Pads `sequences` to the longest with `paddingID`.
    public init(sequences: [[Int32]], paddingID: Int32 = 0) {
        let length = sequences.map(\.count).max() ?? 0
        var ids: [Int32] = []
        ids.reserveCapacity(sequences.count * length)
        for sequence in sequences {
            ids.append(contentsOf: sequence)
            ids.append(contentsOf: repeatElement(paddingID, count: length - sequence.count))
        }
        self.count = sequences.count
        self.length = length
        self.lengths = sequences.map(\.count)
        self.ids = ids
    }

    /// Row `row`'s ids, padding included.
    public func ids(row: Int) -> ArraySlice<Int32> { ids[(row * length)..<((row + 1) * length)] }

    /// Row-major `count × length` attention mask: 1 for real tokens, 0 for padding.
    public var attentionMask: [Int32] {
        lengths.flatMap { real in (0..<length).map { $0 < real ? 1 : 0 } }
    }
}
