/// Go's `unicode.IsSpace` and `strings.TrimSpace`, shared by the template
/// functions (`trim`) and chart loading (`.helmignore` lines).
public enum GoSpace {
    /// `unicode.IsSpace`: Latin-1 spaces, then Unicode's White_Space property.
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        default: return s.value > 0xFF && s.properties.isWhitespace
        }
    }

    /// `strings.TrimSpace`.
    public static func trim(_ s: String) -> String {
        if let trimmed = trimASCII(s) { return trimmed }
        let scalars = Array(s.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi && isSpace(scalars[lo]) { lo += 1 }
        while hi > lo && isSpace(scalars[hi - 1]) { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lo..<hi])
        return String(out)
    }

    /// `trim` on the UTF-8 bytes when both ends stop at an ASCII byte (nil
    /// when a non-ASCII byte is reached: it may start a Unicode space).
    static func trimASCII(_ s: String) -> String? {
        func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        let utf8 = s.utf8
        var lo = utf8.startIndex, hi = utf8.endIndex
        while lo < hi {
            let b = utf8[lo]
            if b >= 0x80 { return nil }
            if !isASCIISpace(b) { break }
            lo = utf8.index(after: lo)
        }
        while hi > lo {
            let before = utf8.index(before: hi)
            let b = utf8[before]
            if b >= 0x80 { return nil }
            if !isASCIISpace(b) { break }
            hi = before
        }
        if lo == utf8.startIndex && hi == utf8.endIndex { return s }
        return String(s[lo..<hi])
    }
}
