import Values
/// A number constant of a template, stored under every Go type that can
/// represent it (Go's `parse.NumberNode`: ideal constants).
struct NumberLiteral: Sendable {
    var isInt = false
    var isUint = false
    var isFloat = false
    var isComplex = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
    var complexReal: Double = 0
    var complexImag: Double = 0
    let text: String

    struct Failure: Error { let message: String }

    /// Go's `Tree.newNumber`. `kind` tells char constants and complex items apart.
    init(text: String, kind: TokenType) throws {
        self.text = text
        let bytes = Array(text.utf8)
        switch kind {
        case .charConstant:
            var scratch: [UInt8] = []
            let (r, next) = try GoStrconv.unquoteChar(bytes, 1, quote: 0x27, into: &scratch)
            if next != bytes.count - 1 || bytes.last != 0x27 {
                throw Failure(message: "malformed character constant: \(text)")
            }
            int64 = Int64(r); isInt = true
            uint64 = UInt64(r); isUint = true
            float64 = Double(r); isFloat = true
            return
        case .complex:
            guard let (re, im) = NumberLiteral.parseComplex(bytes) else {
                throw Failure(message: "expected integer")
            }
            isComplex = true
            complexReal = re; complexImag = im
            simplifyComplex()
            return
        default:
            break
        }
        if bytes.last == 0x69, let f = NumberLiteral.parseFloat(Array(bytes.dropLast())) {
            isComplex = true
            complexReal = 0; complexImag = f
            simplifyComplex()
            return
        }
        let u = NumberLiteral.parseUint(bytes)
        if let u { isUint = true; uint64 = u }
        if let i = NumberLiteral.parseInt(bytes) {
            isInt = true; int64 = i
            if i == 0 { isUint = true; uint64 = u ?? 0 }
        }
        if isInt {
            isFloat = true; float64 = Double(int64)
        } else if isUint {
            isFloat = true; float64 = Double(uint64)
        } else if let f = NumberLiteral.parseFloat(bytes) {
            if !bytes.contains(where: { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 || $0 == 0x70 || $0 == 0x50 }) {
                throw Failure(message: "integer overflow: \(GoStrconv.quote(text))")
            }
            isFloat = true; float64 = f
            if !isInt, let i = NumberLiteral.exactInt64(f) { isInt = true; int64 = i }
            if !isUint, let u = NumberLiteral.exactUInt64(f) { isUint = true; uint64 = u }
        }
        if !isInt && !isUint && !isFloat {
            throw Failure(message: "illegal number syntax: \(GoStrconv.quote(text))")
        }
    }

    private mutating func simplifyComplex() {
        isFloat = complexImag == 0
        if isFloat {
            float64 = complexReal
            if let i = NumberLiteral.exactInt64(float64) { isInt = true; int64 = i } else { isInt = false }
            if let u = NumberLiteral.exactUInt64(float64) { isUint = true; uint64 = u } else { isUint = false }
        }
    }

    static func exactInt64(_ f: Double) -> Int64? {
        guard f.isFinite, f >= -9223372036854775808.0, f < 9223372036854775808.0 else { return nil }
        let i = Int64(f)
        return Double(i) == f ? i : nil
    }

    static func exactUInt64(_ f: Double) -> UInt64? {
        guard f.isFinite, f >= 0, f < 18446744073709551616.0 else { return nil }
        let u = UInt64(f)
        return Double(u) == f ? u : nil
    }

    /// Go's `underscoreOK`: underscores only between digits or after a base prefix.
    private static func underscoreOK(_ s: [UInt8]) -> Bool {
        var saw: UInt8 = 0x5E  // '^'
        var i = 0
        var s = s[...]
        if let f = s.first, f == 0x2B || f == 0x2D { s = s.dropFirst() }
        let arr = Array(s)
        var hex = false
        if arr.count >= 2 && arr[0] == 0x30 {
            let p = arr[1] | 0x20
            if p == 0x62 || p == 0x6F || p == 0x78 {
                i = 2; saw = 0x30; hex = p == 0x78
            }
        }
        while i < arr.count {
            let c = arr[i]
            let isDig = (c >= 0x30 && c <= 0x39) || (hex && ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66))
            if isDig {
                saw = 0x30
            } else if c == 0x5F {
                if saw != 0x30 { return false }
                saw = 0x5F
            } else {
                if saw == 0x5F { return false }
                saw = 0x21
            }
            i += 1
        }
        return saw != 0x5F
    }

    /// Go's `strconv.ParseUint(s, 0, 64)`.
    static func parseUint(_ s: [UInt8]) -> UInt64? {
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        var i = 0
        if s[0] == 0x30 {
            if s.count >= 3 && (s[1] | 0x20) == 0x78 { base = 16; i = 2 }
            else if s.count >= 3 && (s[1] | 0x20) == 0x6F { base = 8; i = 2 }
            else if s.count >= 3 && (s[1] | 0x20) == 0x62 { base = 2; i = 2 }
            else { base = 8; i = 1 }
        }
        var n: UInt64 = 0
        var sawUnderscore = false
        var digits = 0
        while i < s.count {
            let c = s[i]
            i += 1
            if c == 0x5F { sawUnderscore = true; continue }
            var d: UInt64
            switch c {
            case 0x30...0x39: d = UInt64(c - 0x30)
            case 0x61...0x7A: d = UInt64(c - 0x61 + 10)
            case 0x41...0x5A: d = UInt64(c - 0x41 + 10)
            default: return nil
            }
            if d >= base { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            n = a
            digits += 1
        }
        if digits == 0 && !(s.count == 1 && s[0] == 0x30) { return nil }
        if sawUnderscore && !underscoreOK(s) { return nil }
        return n
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`.
    static func parseInt(_ s: [UInt8]) -> Int64? {
        guard !s.isEmpty else { return nil }
        var neg = false
        var body = s
        if s[0] == 0x2B || s[0] == 0x2D {
            neg = s[0] == 0x2D
            body = Array(s.dropFirst())
        }
        guard let u = parseUint(body) else { return nil }
        if neg {
            if u > UInt64(Int64.max) + 1 { return nil }
            return u == UInt64(Int64.max) + 1 ? Int64.min : -Int64(u)
        }
        if u > UInt64(Int64.max) { return nil }
        return Int64(u)
    }

    /// Go's `strconv.ParseFloat(s, 64)` for the syntax the lexer can produce
    /// (decimal and hexadecimal mantissas, underscores, optional sign).
    static func parseFloat(_ s: [UInt8]) -> Double? {
        guard !s.isEmpty else { return nil }
        if s.contains(0x5F) && !underscoreOK(s) { return nil }
        let t = s.filter { $0 != 0x5F }
        var i = 0
        if i < t.count && (t[i] == 0x2B || t[i] == 0x2D) { i += 1 }
        let hex = t.count >= i + 2 && t[i] == 0x30 && (t[i + 1] | 0x20) == 0x78
        var j = hex ? i + 2 : i
        var mantDigits = 0
        var sawDot = false
        while j < t.count {
            let c = t[j]
            if c == 0x2E {
                if sawDot { return nil }
                sawDot = true
            } else if (c >= 0x30 && c <= 0x39) || (hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) {
                mantDigits += 1
            } else {
                break
            }
            j += 1
        }
        if mantDigits == 0 { return nil }
        if j < t.count {
            let e = t[j] | 0x20
            if (hex && e != 0x70) || (!hex && e != 0x65) { return nil }
            j += 1
            if j < t.count && (t[j] == 0x2B || t[j] == 0x2D) { j += 1 }
            var expDigits = 0
            while j < t.count && t[j] >= 0x30 && t[j] <= 0x39 { j += 1; expDigits += 1 }
            if expDigits == 0 || j != t.count { return nil }
        } else if hex {
            return nil
        }
        let f = Double(String(decoding: t, as: UTF8.self))
        guard let f, f.isFinite else { return nil }
        return f
    }

    /// Splits `re±imi` (Go `fmt.Sscan` of a complex constant).
    static func parseComplex(_ s: [UInt8]) -> (Double, Double)? {
        guard s.last == 0x69, s.count >= 3 else { return nil }
        var k = s.count - 2
        while k > 0 {
            let c = s[k]
            if c == 0x2B || c == 0x2D {
                let prev = s[k - 1] | 0x20
                if prev != 0x65 && prev != 0x70 { break }
            }
            k -= 1
        }
        guard k > 0 else { return nil }
        guard let re = parseFloat(Array(s[0..<k])), let im = parseFloat(Array(s[k..<(s.count - 1)])) else { return nil }
        return (re, im)
    }
}
