import Crypto
import Foundation

/// SHA-256 and HMAC-SHA256 helpers, with lowercase hex output as SigV4 writes digests.
enum SigV4Hashing {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lowercase hex SHA-256 of `data`.
    static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// HMAC-SHA256 of the UTF-8 bytes of `message` under `key`.
    static func hmac(_ message: String, key: SymmetricKey) -> SymmetricKey {
        SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key))
    }

    /// Lowercase hex of any byte sequence.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        for byte in bytes {
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
