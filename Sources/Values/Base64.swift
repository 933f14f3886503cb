/// Standard base64 (RFC 4648, padded), as Go's `encoding/base64.StdEncoding`.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ data: [UInt8], into out: inout [UInt8]) {
        var i = 0
        while i + 3 <= data.count {
            let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = data.count - i
        if rest == 1 {
            let n = UInt32(data[i]) << 16
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(UInt8(ascii: "=")); out.append(UInt8(ascii: "="))
        } else if rest == 2 {
            let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(UInt8(ascii: "="))
        }
    }

    /// Decodes padded standard base64, skipping line breaks (as go-yaml's
    /// `!!binary` input may be folded); nil on invalid input.
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        var vals: [UInt8] = []
        vals.reserveCapacity(text.count)
        var padding = 0
        for c in text {
            switch c {
            case 65...90: vals.append(c - 65)
            case 97...122: vals.append(c - 71)
            case 48...57: vals.append(c + 4)
            case UInt8(ascii: "+"): vals.append(62)
            case UInt8(ascii: "/"): vals.append(63)
            case UInt8(ascii: "="): padding += 1; continue
            case 10, 13: continue
            default: return nil
            }
            if padding > 0 { return nil }
        }
        guard (vals.count + padding) % 4 == 0, padding <= 2 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i + 4 <= vals.count {
            let n = UInt32(vals[i]) << 18 | UInt32(vals[i + 1]) << 12 | UInt32(vals[i + 2]) << 6 | UInt32(vals[i + 3])
            out.append(UInt8(n >> 16 & 255)); out.append(UInt8(n >> 8 & 255)); out.append(UInt8(n & 255))
            i += 4
        }
        let rest = vals.count - i
        if rest == 2 {
            let n = UInt32(vals[i]) << 18 | UInt32(vals[i + 1]) << 12
            out.append(UInt8(n >> 16 & 255))
        } else if rest == 3 {
            let n = UInt32(vals[i]) << 18 | UInt32(vals[i + 1]) << 12 | UInt32(vals[i + 2]) << 6
            out.append(UInt8(n >> 16 & 255)); out.append(UInt8(n >> 8 & 255))
        } else if rest == 1 {
            return nil
        }
        return out
    }
}
