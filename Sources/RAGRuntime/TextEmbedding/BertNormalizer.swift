import Foundation

/// BERT's text normalizer, as `tokenizers`' `BertNormalizer` applies it, one Unicode scalar at a time.
///
/// In order: *clean text* drops NUL, U+FFFD and control/format/private-use/unassigned scalars and
/// turns every whitespace scalar into a space; *CJK* puts spaces around ideographs so each becomes a
/// word; *strip accents* decomposes (NFD) and drops non-spacing marks (Mn); *lowercase* applies each
/// scalar's full lowercase mapping (`İ` → `i̇`, no final-sigma context).
///
/// ```swift
/// BertNormalizer().normalize("Héllo\tWORLD 東京")  // "hello world  東  京 " as scalars
/// ```
public struct BertNormalizer: Sendable, Equatable {
    /// Drop control characters and turn whitespace into spaces. Default `true`.
    public var cleanText = true
    /// Surround CJK ideographs with spaces. Default `true`.
    public var handleChineseCharacters = true
    /// NFD, then drop Mn marks. Default `true` (`tokenizers` strips when `strip_accents` is null and lowercasing is on).
    public var stripAccents = true
    /// Map to lower case. Default `true` (the model is uncased).
    public var lowercase = true

    /// A normalizer with every step on, as the uncased BERT tokenizers use it.
    public init(cleanText: Bool = true, handleChineseCharacters: Bool = true, stripAccents: Bool = true, lowercase: Bool = true) {
        self.cleanText = cleanText
        self.handleChineseCharacters = handleChineseCharacters
        self.stripAccents = stripAccents
        self.lowercase = lowercase
    }

    /// The normalized scalars of `text`.
    public func normalize(_ text: Substring) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count + 8)
        var needsDecomposition = false
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseCharacters, Self.isChinese(scalar) {
                scalars.append(contentsOf: [" ", scalar, " "])
            } else {
                scalars.append(scalar)
            }
            if scalar.value >= 0xC0 { needsDecomposition = true }
        }
        if stripAccents, needsDecomposition {
            var string = String.UnicodeScalarView()
            string.append(contentsOf: scalars)
            scalars = String(string).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }
        }
        if lowercase {
            var lowered: [Unicode.Scalar] = []
            lowered.reserveCapacity(scalars.count)
            for scalar in scalars {
                if scalar.isASCII {
                    lowered.append(scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar)
                } else {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
            scalars = lowered
        }
        return scalars
    }

    /// Tab, newline and carriage return, and every scalar with the White_Space property.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// Control, format and private-use scalars (Cc, Cf, Co; unassigned ones stay, as in `tokenizers`), except tab, newline and carriage return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// The CJK ideograph blocks BERT splits character by character (the ranges `tokenizers` uses).
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            true
        default: false
        }
    }
}
