import Values
/// Go's `html`, `js` and `urlquery` escapers (`text/template` funcs and `net/url.QueryEscape`).
enum Escapers {
    static func html(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for c in s.utf8 {
            switch c {
            case 0x00: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case 0x22: out.append(contentsOf: "&#34;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            default: out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func js(_ s: String) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                switch c {
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x27: out.append(contentsOf: [0x5C, 0x27])
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x3C: out.append(contentsOf: "\\u003C".utf8)
                case 0x3E: out.append(contentsOf: "\\u003E".utf8)
                case 0x26: out.append(contentsOf: "\\u0026".utf8)
                case 0x3D: out.append(contentsOf: "\\u003D".utf8)
                default:
                    if c < 0x20 {
                        out.append(contentsOf: "\\u00".utf8)
                        out.append(upperHex[Int(c >> 4)])
                        out.append(upperHex[Int(c & 0xF)])
                    } else {
                        out.append(c)
                    }
                }
                i += 1
            } else {
                let (r, w) = GoStrconv.decodeRune(b, i)
                if GoStrconv.isPrint(r) {
                    out.append(contentsOf: b[i..<(i + w)])
                } else {
                    out.append(contentsOf: "\\u".utf8)
                    var hex: [UInt8] = []
                    var v = r
                    repeat { hex.append(upperHex[Int(v & 0xF)]); v >>= 4 } while v > 0
                    while hex.count < 4 { hex.append(0x30) }
                    out.append(contentsOf: hex.reversed())
                }
                i += w
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `net/url.QueryEscape`.
    static func queryEscape(_ s: String) -> String {
        var out: [UInt8] = []
        for c in s.utf8 {
            switch c {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x2E, 0x7E:
                out.append(c)
            case 0x20:
                out.append(0x2B)
            default:
                out.append(0x25)
                out.append(upperHex[Int(c >> 4)])
                out.append(upperHex[Int(c & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
