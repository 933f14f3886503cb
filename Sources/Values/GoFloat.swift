#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `strconv.FormatFloat` for float64 (and float32 via `bitSize`), exact:
/// shortest (`precision == -1`) uses the shortest digits that round-trip,
/// otherwise digits are correctly rounded (ties to even), as Go does.
///
/// Note for callers: `fmt`'s `%v` on a float64 is `format(d, fmt: 'g', precision: -1)`
/// (so 1000000 prints `1e+06`); `encoding/json` uses `GoFloat.json(_:)`.
public enum GoFloat {
    /// Decimal digits of a finite, non-negative number: `0.d1d2d3… × 10^point`.
    struct Digits {
        var digits: [UInt8]   // ASCII, no leading zeros, may be empty for zero
        var point: Int        // decimal point position (Go's `dp`)
    }

    /// `strconv.FormatFloat(d, fmt, precision, bitSize)`. `fmt` is one of
    /// `e`, `E`, `f`, `g`, `G` (ASCII byte).
    public static func format(_ d: Double, fmt: UInt8, precision: Int, bitSize: Int = 64) -> String {
        var out: [UInt8] = []
        append(d, fmt: fmt, precision: precision, bitSize: bitSize, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the formatted number to a byte buffer (hot path for encoders).
    public static func append(_ d: Double, fmt: UInt8, precision: Int, bitSize: Int = 64, to out: inout [UInt8]) {
        if d.isNaN { out.append(contentsOf: "NaN".utf8); return }
        if d.isInfinite { out.append(contentsOf: (d < 0 ? "-Inf" : "+Inf").utf8); return }
        let neg = d.sign == .minus
        let a = abs(d)
        let shortest = precision < 0
        var prec = precision
        var digs: Digits
        let lower = fmt | 0x20
        if shortest {
            digs = shortestDigits(a, bitSize: bitSize)
            switch lower {
            case UInt8(ascii: "e"): prec = max(digs.digits.count - 1, 0)
            case UInt8(ascii: "f"): prec = max(digs.digits.count - digs.point, 0)
            default: prec = digs.digits.count
            }
        } else {
            switch lower {
            case UInt8(ascii: "e"):
                digs = roundedDigits(a, significant: prec + 1)
            case UInt8(ascii: "f"):
                digs = fixedDigits(a, fraction: prec)
            default:
                if prec == 0 { prec = 1 }
                digs = roundedDigits(a, significant: prec)
            }
        }
        switch lower {
        case UInt8(ascii: "e"):
            appendE(neg, digs, prec, fmt, &out)
        case UInt8(ascii: "f"):
            appendF(neg, digs, prec, &out)
        default:
            var eprec = prec
            if eprec > digs.digits.count && digs.digits.count >= digs.point { eprec = digs.digits.count }
            if shortest { eprec = 6 }
            let exp = digs.point - 1
            if exp < -4 || exp >= eprec {
                if prec > digs.digits.count { prec = digs.digits.count }
                appendE(neg, digs, prec - 1, fmt == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e"), &out)
            } else {
                if prec > digs.point { prec = digs.digits.count }
                appendF(neg, digs, max(prec - digs.point, 0), &out)
            }
        }
    }

    /// How `encoding/json` writes a float64 (finite only): `'f'` shortest,
    /// or `'e'` when the exponent is < -6 or >= 21, with `e-07` cleaned to `e-7`.
    public static func appendJSON(_ d: Double, to out: inout [UInt8]) {
        let a = abs(d)
        var useE = false
        if a != 0 {
            if a < 1e-6 || a >= 1e21 { useE = true }
        }
        if !useE {
            append(d, fmt: UInt8(ascii: "f"), precision: -1, to: &out)
            return
        }
        let start = out.count
        append(d, fmt: UInt8(ascii: "e"), precision: -1, to: &out)
        // clean up e-09 to e-9
        let n = out.count - start
        if n >= 4, out[out.count - 4] == UInt8(ascii: "e"), out[out.count - 3] == UInt8(ascii: "-"),
           out[out.count - 2] == UInt8(ascii: "0") {
            out.remove(at: out.count - 2)
        }
    }

    /// `encoding/json` float64 text (see `appendJSON`).
    public static func json(_ d: Double) -> String {
        var out: [UInt8] = []
        appendJSON(d, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func shortestDigits(_ a: Double, bitSize: Int) -> Digits {
        if a == 0 { return Digits(digits: [], point: 0) }
        let text = bitSize == 32 ? Float(a).description : a.description
        return parseDecimal(Array(text.utf8))
    }

    /// Parses Swift/C decimal text (`123.45`, `1.5e-07`, `1e+21`) into digits.
    static func parseDecimal(_ t: [UInt8]) -> Digits {
        var digits: [UInt8] = []
        var point = 0
        var seenDot = false
        var i = 0
        var leading = true
        while i < t.count, t[i] != UInt8(ascii: "e"), t[i] != UInt8(ascii: "E") {
            let c = t[i]
            if c == UInt8(ascii: ".") {
                seenDot = true
            } else if c >= 48, c <= 57 {
                if leading && c == 48 {
                    if seenDot { point -= 1 }
                } else {
                    leading = false
                    digits.append(c)
                    if !seenDot { point += 1 }
                }
            }
            i += 1
        }
        if i < t.count {
            i += 1
            var sign = 1
            if i < t.count, t[i] == UInt8(ascii: "-") { sign = -1; i += 1 } else if i < t.count, t[i] == UInt8(ascii: "+") { i += 1 }
            var e = 0
            while i < t.count, t[i] >= 48, t[i] <= 57 { e = e * 10 + Int(t[i] - 48); i += 1 }
            point += sign * e
        }
        while let last = digits.last, last == 48 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
        return Digits(digits: digits, point: point)
    }

    private static func cFormat(_ a: Double, _ spec: String, _ prec: Int) -> [UInt8] {
        var buf = [CChar](repeating: 0, count: 400 + max(prec, 0))
        let n = buf.withUnsafeMutableBufferPointer { p in
            withVaList([Int32(prec), a]) { vsnprintf(p.baseAddress, p.count, spec, $0) }
        }
        return buf.prefix(Int(max(n, 0))).map { UInt8(bitPattern: $0) }
    }

    /// Correctly rounded to `significant` digits (trailing zeros trimmed).
    static func roundedDigits(_ a: Double, significant: Int) -> Digits {
        if a == 0 { return Digits(digits: [], point: 0) }
        let p = min(max(significant - 1, 0), 1100)
        return parseDecimal(cFormat(a, "%.*e", p))
    }

    /// Correctly rounded to `fraction` digits after the point.
    static func fixedDigits(_ a: Double, fraction: Int) -> Digits {
        if a == 0 { return Digits(digits: [], point: 0) }
        return parseDecimal(cFormat(a, "%.*f", min(max(fraction, 0), 1100)))
    }

    private static func appendE(_ neg: Bool, _ d: Digits, _ prec: Int, _ fmt: UInt8, _ out: inout [UInt8]) {
        if neg { out.append(UInt8(ascii: "-")) }
        out.append(d.digits.first ?? UInt8(ascii: "0"))
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            var i = 1
            let m = min(d.digits.count, prec + 1)
            while i < m { out.append(d.digits[i]); i += 1 }
            while i <= prec { out.append(UInt8(ascii: "0")); i += 1 }
        }
        out.append(fmt)
        var exp = d.digits.isEmpty ? 0 : d.point - 1
        if exp < 0 { out.append(UInt8(ascii: "-")); exp = -exp } else { out.append(UInt8(ascii: "+")) }
        if exp < 10 {
            out.append(UInt8(ascii: "0")); out.append(UInt8(48 + exp))
        } else if exp < 100 {
            out.append(UInt8(48 + exp / 10)); out.append(UInt8(48 + exp % 10))
        } else {
            out.append(UInt8(48 + exp / 100)); out.append(UInt8(48 + (exp / 10) % 10)); out.append(UInt8(48 + exp % 10))
        }
    }

    private static func appendF(_ neg: Bool, _ d: Digits, _ prec: Int, _ out: inout [UInt8]) {
        if neg { out.append(UInt8(ascii: "-")) }
        if d.point > 0 {
            var m = min(d.digits.count, d.point)
            out.append(contentsOf: d.digits[0..<m])
            while m < d.point { out.append(UInt8(ascii: "0")); m += 1 }
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            for i in 1...prec {
                let j = d.point + i - 1
                out.append(j >= 0 && j < d.digits.count ? d.digits[j] : UInt8(ascii: "0"))
            }
        }
    }
}
