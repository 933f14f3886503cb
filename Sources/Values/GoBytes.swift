#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go strings are byte sequences; Swift strings are Unicode. A Go string that is not
/// valid UTF-8 (`.Files.Get` of a binary file, `b64dec` of binary data, a `substr` that
/// cuts a character in two) is kept in a Swift `String` by mapping each byte that is not
/// part of a valid UTF-8 sequence to the private-use scalar U+10FF00 + byte (bytes
/// 0x80–0xFF become U+10FF80–U+10FFFF), as Python's `surrogateescape` does. `bytes(of:)`
/// maps them back, so such strings round-trip byte for byte through `b64enc`, `sha256sum`,
/// `len`, `printf "%x"`… Those scalars in real text are vanishingly rare; they are read as
/// the raw bytes they stand for.
public enum GoBytes {
    /// The first scalar of the escape range (stands for byte 0x80).
    static let escapeBase: UInt32 = 0x10FF00

    /// A Go string holding `bytes`: valid UTF-8 decodes as is, any other byte is escaped.
    public static func string<C: Collection<UInt8>>(_ bytes: C) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        let b = Array(bytes)
        var i = 0
        while i < b.count {
            let (scalar, length) = decodeRune(b, at: i)
            if let scalar {
                scalars.append(scalar)
                i += length
            } else {
                // The escape range is all valid scalars; U+FFFD never happens.
                scalars.append(Unicode.Scalar(escapeBase + UInt32(b[i])) ?? "\u{FFFD}")
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes of the Go string `s` (escapes turned back into the bytes they stand for).
    public static func bytes(of s: String) -> [UInt8] {
        guard containsEscapes(s) else { return Array(s.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            if let byte = escapedByte(scalar) {
                out.append(byte)
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// `len(s)` in Go: the number of bytes.
    public static func count(of s: String) -> Int {
        guard containsEscapes(s) else { return s.utf8.count }
        // Each escape is 4 UTF-8 bytes standing for 1 byte.
        return s.unicodeScalars.reduce(0) { $0 + (escapedByte($1) != nil ? 1 : $1.utf8.count) }
    }

    /// Whether `s` holds bytes that are not valid UTF-8 in Go's view.
    public static func containsEscapes(_ s: String) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ hasEscape($0) }) { return found }
        return Array(s.utf8).withUnsafeBufferPointer { hasEscape($0) }
    }

    /// `s` as Go's rune-wise functions and `encoding/json` see it: every escaped byte
    /// becomes U+FFFD, the replacement character.
    public static func replacingEscapes(_ s: String) -> String {
        guard containsEscapes(s) else { return s }
        var scalars = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            scalars.append(escapedByte(scalar) != nil ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// The byte an escape scalar stands for, nil for ordinary scalars.
    public static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        return v >= escapeBase + 0x80 && v <= escapeBase + 0xFF ? UInt8(v - escapeBase) : nil
    }

    /// Escapes encode as F4 8F BE xx / F4 8F BF xx in UTF-8; `memchr` finds candidates fast.
    private static func hasEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress, b.count >= 4 else { return false }
        var i = 0
        while i <= b.count - 4 {
            guard let hit = memchr(base + i, 0xF4, b.count - 3 - i) else { return false }
            let j = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if b[j + 1] == 0x8F, b[j + 2] == 0xBE || b[j + 2] == 0xBF { return true }
            i = j + 1
        }
        return false
    }

    /// Go's `utf8.DecodeRune` at `i`: the scalar and its length, or nil when the byte at
    /// `i` does not start a valid, shortest-form encoding of a scalar.
    static func decodeRune(_ b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var value: UInt32
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0: length = 3; value = UInt32(b0 & 0x0F); low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xED: length = 3; value = UInt32(b0 & 0x0F); high = 0x9F
        case 0xF0: length = 4; value = UInt32(b0 & 0x07); low = 0x90
        case 0xF1...0xF3: length = 4; value = UInt32(b0 & 0x07)
        case 0xF4: length = 4; value = UInt32(b0 & 0x07); high = 0x8F
        default: return (nil, 1)
        }
        guard i + length <= b.count else { return (nil, 1) }
        for k in 1..<length {
            let c = b[i + k]
            let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard c >= lo && c <= hi else { return (nil, 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }
}
