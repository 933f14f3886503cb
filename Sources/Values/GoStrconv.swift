/// Ports of the parts of Go's `strconv` and `unicode` that templates observe:
/// quoting (`%q`, node strings in errors), unquoting literals, number syntax.
public enum GoStrconv {
    /// Go's `unicode.IsPrint` / `strconv.IsPrint`: letters, marks, numbers,
    /// punctuation, symbols and the ASCII space.
    public static func isPrint(_ r: UInt32) -> Bool {
        if r < 0x80 { return r >= 0x20 && r < 0x7F }
        guard let scalar = Unicode.Scalar(r) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Go's `unicode.IsLetter`.
    public static func isLetter(_ r: UInt32) -> Bool {
        if r < 0x80 { return (r | 0x20) >= 0x61 && (r | 0x20) <= 0x7A }
        guard let scalar = Unicode.Scalar(r) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`.
    public static func isDigit(_ r: UInt32) -> Bool {
        if r < 0x80 { return r >= 0x30 && r <= 0x39 }
        guard let scalar = Unicode.Scalar(r) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// Decodes one UTF-8 rune at `i`; invalid sequences decode as U+FFFD of width 1 (Go's rule).
    public static func decodeRune(_ b: [UInt8], _ i: Int) -> (rune: UInt32, width: Int) {
        let n = b.count
        let c0 = b[i]
        if c0 < 0x80 { return (UInt32(c0), 1) }
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(b[i + k] & 0x3F)
        }
        if c0 >= 0xC2 && c0 < 0xE0, let c1 = cont(1) {
            return ((UInt32(c0 & 0x1F) << 6) | c1, 2)
        }
        if c0 >= 0xE0 && c0 < 0xF0, let c1 = cont(1), let c2 = cont(2) {
            let r = (UInt32(c0 & 0x0F) << 12) | (c1 << 6) | c2
            if r >= 0x800 && !(r >= 0xD800 && r <= 0xDFFF) { return (r, 3) }
        }
        if c0 >= 0xF0 && c0 < 0xF5, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            let r = (UInt32(c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if r >= 0x10000 && r <= 0x10FFFF { return (r, 4) }
        }
        return (0xFFFD, 1)
    }

    public static func appendRune(_ r: UInt32, to out: inout [UInt8]) {
        var r = r
        if r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF) { r = 0xFFFD }
        if r < 0x80 {
            out.append(UInt8(r))
        } else if r < 0x800 {
            out.append(UInt8(0xC0 | (r >> 6))); out.append(UInt8(0x80 | (r & 0x3F)))
        } else if r < 0x10000 {
            out.append(UInt8(0xE0 | (r >> 12))); out.append(UInt8(0x80 | ((r >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (r & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (r >> 18))); out.append(UInt8(0x80 | ((r >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((r >> 6) & 0x3F))); out.append(UInt8(0x80 | (r & 0x3F)))
        }
    }

    public static func runeCount(_ b: ArraySlice<UInt8>) -> Int {
        var n = 0
        for c in b where c & 0xC0 != 0x80 { n += 1 }
        return n
    }

    private static let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendEscapedRune(_ r: UInt32, width: Int, quote: UInt8, asciiOnly: Bool,
                                          to out: inout [UInt8]) {
        if r == UInt32(quote) || r == 0x5C {
            out.append(0x5C); out.append(UInt8(r)); return
        }
        if asciiOnly {
            if r < 0x80 && isPrint(r) { out.append(UInt8(r)); return }
        } else if isPrint(r) {
            appendRune(r, to: &out); return
        }
        switch r {
        case 0x07: out.append(contentsOf: [0x5C, 0x61])
        case 0x08: out.append(contentsOf: [0x5C, 0x62])
        case 0x0C: out.append(contentsOf: [0x5C, 0x66])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        case 0x0B: out.append(contentsOf: [0x5C, 0x76])
        default:
            if r < 0x20 || r == 0x7F {
                out.append(contentsOf: [0x5C, 0x78, lowerHex[Int(r >> 4)], lowerHex[Int(r & 0xF)]])
            } else if r < 0x10000 {
                out.append(contentsOf: [0x5C, 0x75])
                for s in stride(from: 12, through: 0, by: -4) { out.append(lowerHex[Int((r >> UInt32(s)) & 0xF)]) }
            } else {
                out.append(contentsOf: [0x5C, 0x55])
                for s in stride(from: 28, through: 0, by: -4) { out.append(lowerHex[Int((r >> UInt32(s)) & 0xF)]) }
            }
        }
    }

    /// Go's `strconv.Quote` (or `QuoteToASCII`) of raw bytes.
    public static func quote(_ s: ArraySlice<UInt8>, asciiOnly: Bool = false, into out: inout [UInt8]) {
        out.append(0x22)
        let bytes = Array(s)
        var i = 0
        while i < bytes.count {
            let (r, w) = decodeRune(bytes, i)
            if w == 1 && r == 0xFFFD {
                let c = bytes[i]
                out.append(contentsOf: [0x5C, 0x78, lowerHex[Int(c >> 4)], lowerHex[Int(c & 0xF)]])
                i += 1
                continue
            }
            appendEscapedRune(r, width: w, quote: 0x22, asciiOnly: asciiOnly, to: &out)
            i += w
        }
        out.append(0x22)
    }

    public static func quote(_ s: String, asciiOnly: Bool = false) -> String {
        var out: [UInt8] = []
        quote(GoBytes.bytes(of: s)[...], asciiOnly: asciiOnly, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `strconv.QuoteRune` (or `QuoteRuneToASCII`).
    public static func quoteRune(_ r: UInt32, asciiOnly: Bool = false, into out: inout [UInt8]) {
        var r = r
        if r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF) { r = 0xFFFD }
        out.append(0x27)
        appendEscapedRune(r, width: 0, quote: 0x27, asciiOnly: asciiOnly, to: &out)
        out.append(0x27)
    }

    /// Go's `strconv.CanBackquote`.
    public static func canBackquote(_ s: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(s)
        var i = 0
        while i < bytes.count {
            let (r, w) = decodeRune(bytes, i)
            i += w
            if w > 1 {
                if r == 0xFEFF { return false }
                continue
            }
            if r == 0xFFFD { return false }
            if (r < 0x20 && r != 0x09) || r == 0x60 || r == 0x7F { return false }
        }
        return true
    }

    public struct SyntaxError: Error {}

    private static func unhex(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        default: return nil
        }
    }

    /// Go's `strconv.UnquoteChar`: decodes one (possibly escaped) character at `i`,
    /// appending its bytes; returns the rune value and the next index.
    public static func unquoteChar(_ s: [UInt8], _ i: Int, quote: UInt8, into out: inout [UInt8]) throws -> (UInt32, Int) {
        guard i < s.count else { throw SyntaxError() }
        let c = s[i]
        if c == quote && (quote == 0x27 || quote == 0x22) { throw SyntaxError() }
        if c >= 0x80 {
            let (r, w) = decodeRune(s, i)
            appendRune(r, to: &out)
            return (r, i + w)
        }
        if c != 0x5C {
            out.append(c)
            return (UInt32(c), i + 1)
        }
        guard i + 1 < s.count else { throw SyntaxError() }
        let e = s[i + 1]
        var j = i + 2
        var value: UInt32
        switch e {
        case 0x61: value = 7
        case 0x62: value = 8
        case 0x66: value = 12
        case 0x6E: value = 10
        case 0x72: value = 13
        case 0x74: value = 9
        case 0x76: value = 11
        case 0x78, 0x75, 0x55:
            let n = e == 0x78 ? 2 : (e == 0x75 ? 4 : 8)
            guard j + n <= s.count else { throw SyntaxError() }
            value = 0
            for k in 0..<n {
                guard let d = unhex(s[j + k]) else { throw SyntaxError() }
                value = value << 4 | d
            }
            j += n
            if e == 0x78 {
                out.append(UInt8(value))
                return (value, j)
            }
            if value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { throw SyntaxError() }
            appendRune(value, to: &out)
            return (value, j)
        case 0x30...0x37:
            value = UInt32(e - 0x30)
            guard j + 2 <= s.count else { throw SyntaxError() }
            for k in 0..<2 {
                let d = s[j + k]
                guard d >= 0x30 && d <= 0x37 else { throw SyntaxError() }
                value = value << 3 | UInt32(d - 0x30)
            }
            j += 2
            if value > 255 { throw SyntaxError() }
            out.append(UInt8(value))
            return (value, j)
        case 0x5C: value = 0x5C
        case 0x27, 0x22:
            if e != quote { throw SyntaxError() }
            value = UInt32(e)
        default:
            throw SyntaxError()
        }
        out.append(UInt8(value))
        return (value, j)
    }

    /// Go's `strconv.Unquote` for `"..."` and `` `...` `` literals.
    public static func unquote(_ s: ArraySlice<UInt8>) throws -> String {
        if s.count >= 2, s.first == 0x22, s.last == 0x22 {
            let inner = s.dropFirst().dropLast()
            if inner.allSatisfy({ $0 < 0x80 && $0 != 0x5C && $0 != 0x22 && $0 != 0x0A }) {
                return String(decoding: inner, as: UTF8.self)
            }
        }
        let b = Array(s)
        guard b.count >= 2, b.first == b.last else { throw SyntaxError() }
        let q = b[0]
        if q == 0x60 {
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            for c in b[1..<(b.count - 1)] {
                if c == 0x60 { throw SyntaxError() }
                if c != 0x0D { out.append(c) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        guard q == 0x22 else { throw SyntaxError() }
        let inner = Array(b[1..<(b.count - 1)])
        if inner.contains(0x0A) { throw SyntaxError() }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = 0
        while i < inner.count {
            (_, i) = try unquoteChar(inner, i, quote: 0x22, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
