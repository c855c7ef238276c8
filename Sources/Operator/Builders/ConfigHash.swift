import KubernetesCore

/// A stable digest of a component's configuration, put on its Pod template as
/// `rag.dev/config-hash` so any configuration change rolls the Deployment.
///
/// FNV-1a 64-bit over the value's canonical JSON (sorted keys): stable across processes,
/// platforms and operator restarts, which `Hasher` is not. Not cryptographic; it only needs to change
/// when the input does.
public enum ConfigHash {
    /// 16 lower-case hex digits.
    ///
    /// - Throws: an `EncodingError` if `value` cannot be encoded.
    public static func of(_ value: some Encodable) throws -> String {
        hex(fnv1a64(Array(try JSONValue(encoding: value).data())))
    }

    /// FNV-1a, 64-bit.
    public static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
