/// The 64-bit FNV-1a hash: stable across processes, platforms and Swift versions.
///
/// Swift's `Hasher` is seeded per process, so vectors hashed with it would change on every restart
/// and a persisted index would stop matching new questions. FNV-1a is fixed by its constants.
struct FNV1a: Sendable {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    private(set) var value: UInt64 = FNV1a.offsetBasis

    /// Mixes one byte into the hash.
    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    /// Mixes bytes into the hash.
    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte) }
    }

    /// The hash of `bytes`.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(bytes)
        return hasher.value
    }
}
