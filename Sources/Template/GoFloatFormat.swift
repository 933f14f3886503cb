#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `strconv.FormatFloat` for float64 ('e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'),
/// built on correctly rounded decimal digits (Swift's shortest representation
/// for precision -1, the C library's exact rounding otherwise).
enum GoFloatFormat {
    /// Decimal digits `d` (no leading zeros unless the value is 0) with the
    /// decimal point after `dp` digits: value = 0.d × 10^dp.
    struct Digits {
        var d: [UInt8]
        var dp: Int
    }

    static func format(_ v: Double, fmt: UInt8, precision: Int) -> String {
        var out: [UInt8] = []
        append(v, fmt: fmt, precision: precision, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ v: Double, fmt: UInt8, precision prec0: Int, to out: inout [UInt8]) {
        if v.isNaN { out.append(contentsOf: Array("NaN".utf8)); return }
        if v.isInfinite { out.append(contentsOf: Array((v < 0 ? "-Inf" : "+Inf").utf8)); return }
        let neg = v.sign == .minus
        if fmt == 0x62 { appendBinary(v, to: &out); return }
        if fmt == 0x78 || fmt == 0x58 { appendHex(v, upper: fmt == 0x58, precision: prec0, to: &out); return }
        var prec = prec0
        let shortest = prec < 0
        var digs: Digits
        if shortest {
            digs = shortestDigits(abs(v))
            switch fmt {
            case 0x65, 0x45: prec = max(digs.d.count - 1, 0)
            case 0x66: prec = max(digs.d.count - digs.dp, 0)
            case 0x67, 0x47: prec = digs.d.count
            default: break
            }
        } else {
            switch fmt {
            case 0x65, 0x45: digs = roundedDigits(abs(v), significant: prec + 1)
            case 0x66: digs = fixedDigits(abs(v), decimals: prec)
            case 0x67, 0x47:
                if prec == 0 { prec = 1 }
                digs = roundedDigits(abs(v), significant: prec)
            default: digs = shortestDigits(abs(v))
            }
        }
        switch fmt {
        case 0x65, 0x45:
            fmtE(&out, neg, digs, prec, fmt)
        case 0x66:
            fmtF(&out, neg, digs, prec)
        case 0x67, 0x47:
            var eprec = prec
            if eprec > digs.d.count && digs.d.count >= digs.dp { eprec = digs.d.count }
            if shortest { eprec = 6 }
            let exp = digs.dp - 1
            if exp < -4 || exp >= eprec {
                if prec > digs.d.count { prec = digs.d.count }
                fmtE(&out, neg, digs, prec - 1, fmt + 0x65 - 0x67)
            } else {
                if prec > digs.dp { prec = digs.d.count }
                fmtF(&out, neg, digs, max(prec - digs.dp, 0))
            }
        default:
            out.append(0x25); out.append(fmt)
        }
    }

    private static func fmtE(_ out: inout [UInt8], _ neg: Bool, _ d: Digits, _ prec: Int, _ fmt: UInt8) {
        if neg { out.append(0x2D) }
        out.append(d.d.isEmpty ? 0x30 : d.d[0])
        if prec > 0 {
            out.append(0x2E)
            var i = 1
            let m = min(d.d.count, prec + 1)
            if i < m { out.append(contentsOf: d.d[i..<m]); i = m }
            while i <= prec { out.append(0x30); i += 1 }
        }
        out.append(fmt)
        var exp = d.dp - 1
        if d.d.isEmpty { exp = 0 }
        if exp < 0 { out.append(0x2D); exp = -exp } else { out.append(0x2B) }
        if exp < 10 {
            out.append(0x30); out.append(UInt8(exp) + 0x30)
        } else if exp < 100 {
            out.append(UInt8(exp / 10) + 0x30); out.append(UInt8(exp % 10) + 0x30)
        } else {
            out.append(UInt8(exp / 100) + 0x30); out.append(UInt8((exp / 10) % 10) + 0x30); out.append(UInt8(exp % 10) + 0x30)
        }
    }

    private static func fmtF(_ out: inout [UInt8], _ neg: Bool, _ d: Digits, _ prec: Int) {
        if neg { out.append(0x2D) }
        if d.dp > 0 {
            let m = min(d.d.count, d.dp)
            out.append(contentsOf: d.d[0..<m])
            for _ in m..<d.dp { out.append(0x30) }
        } else {
            out.append(0x30)
        }
        if prec > 0 {
            out.append(0x2E)
            for i in 1...prec {
                let j = d.dp + i - 1
                out.append(j >= 0 && j < d.d.count ? d.d[j] : 0x30)
            }
        }
    }

    /// Shortest digits that round-trip (Swift's `description` produces them).
    static func shortestDigits(_ v: Double) -> Digits {
        if v == 0 { return Digits(d: [], dp: 0) }
        let s = Array(v.description.utf8)
        var mant: [UInt8] = []
        var dotPos: Int? = nil
        var exp = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == 0x2E { dotPos = mant.count }
            else if c == 0x65 || c == 0x45 {
                exp = Int(String(decoding: s[(i + 1)...], as: UTF8.self)) ?? 0
                break
            } else if c >= 0x30 && c <= 0x39 { mant.append(c) }
            i += 1
        }
        var dp = (dotPos ?? mant.count) + exp
        var start = 0
        while start < mant.count && mant[start] == 0x30 { start += 1; dp -= 1 }
        var end = mant.count
        while end > start && mant[end - 1] == 0x30 { end -= 1 }
        return Digits(d: Array(mant[start..<end]), dp: dp)
    }

    private static func cFormat(_ v: Double, _ spec: String) -> [UInt8] {
        var buf = [CChar](repeating: 0, count: 512)
        let n = spec.withCString { f in
            withVaList([v]) { vsnprintf(&buf, buf.count, f, $0) }
        }
        if n >= buf.count {
            buf = [CChar](repeating: 0, count: Int(n) + 1)
            _ = spec.withCString { f in withVaList([v]) { vsnprintf(&buf, buf.count, f, $0) } }
        }
        return buf.prefix(Int(n)).map { UInt8(bitPattern: $0) }
    }

    /// `v` rounded to `n` significant digits (exact, round-half-even on the binary value).
    static func roundedDigits(_ v: Double, significant n: Int) -> Digits {
        if v == 0 { return Digits(d: Array(repeating: 0x30, count: 0), dp: 0) }
        let s = cFormat(v, "%.\(max(n - 1, 0))e")
        var mant: [UInt8] = []
        var exp = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == 0x65 { exp = Int(String(decoding: s[(i + 1)...], as: UTF8.self)) ?? 0; break }
            if c >= 0x30 && c <= 0x39 { mant.append(c) }
            i += 1
        }
        while let l = mant.last, l == 0x30, mant.count > 1 { mant.removeLast() }
        return Digits(d: mant, dp: exp + 1)
    }

    /// `v` rounded to `decimals` digits after the point.
    static func fixedDigits(_ v: Double, decimals: Int) -> Digits {
        let s = cFormat(v, "%.\(decimals)f")
        var mant: [UInt8] = []
        var dp = 0
        var sawDot = false
        for c in s {
            if c == 0x2E { sawDot = true; continue }
            if c >= 0x30 && c <= 0x39 {
                mant.append(c)
                if !sawDot { dp += 1 }
            }
        }
        var start = 0
        while start < mant.count && mant[start] == 0x30 { start += 1; dp -= 1 }
        if start == mant.count { return Digits(d: [], dp: 0) }
        var end = mant.count
        while end > start + 1 && mant[end - 1] == 0x30 { end -= 1 }
        return Digits(d: Array(mant[start..<end]), dp: dp)
    }

    private static func appendBinary(_ v: Double, to out: inout [UInt8]) {
        let bits = v.bitPattern
        var exp = Int((bits >> 52) & 0x7FF)
        var mant = bits & ((1 << 52) - 1)
        if exp == 0 { exp += 1 } else { mant |= 1 << 52 }
        exp += -1023 - 52
        if bits >> 63 != 0 { out.append(0x2D) }
        out.append(contentsOf: Array(String(mant).utf8))
        out.append(0x70)
        if exp >= 0 { out.append(0x2B) }
        out.append(contentsOf: Array(String(exp).utf8))
    }

    private static func appendHex(_ v: Double, upper: Bool, precision: Int, to out: inout [UInt8]) {
        let digits: [UInt8] = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        let bits = v.bitPattern
        var mant = bits & ((1 << 52) - 1)
        var exp = Int((bits >> 52) & 0x7FF)
        if v == 0 {
            exp = 0
        } else if exp == 0 {
            exp = -1022
            while mant & (1 << 52) == 0 { mant <<= 1; exp -= 1 }
            mant &= (1 << 52) - 1
        } else {
            exp -= 1023
        }
        var lead: UInt64 = v == 0 ? 0 : 1
        var frac = mant << 8
        var nfrac = 15
        if precision >= 0 && precision < 13 {
            let shift = UInt64(4 * (13 - precision))
            let full = (lead << 52) | mant
            var rounded = full >> shift
            let rem = full & ((1 << shift) - 1)
            let half: UInt64 = 1 << (shift - 1)
            if rem > half || (rem == half && rounded & 1 == 1) { rounded += 1 }
            if rounded >> UInt64(4 * precision) >= 2 {
                rounded >>= 1
                exp += 1
            }
            lead = rounded >> UInt64(4 * precision)
            frac = (rounded & ((1 << UInt64(4 * precision)) - 1)) << UInt64(60 - 4 * precision)
            nfrac = precision
        }
        if bits >> 63 != 0 { out.append(0x2D) }
        out.append(0x30); out.append(upper ? 0x58 : 0x78)
        out.append(0x30 + UInt8(lead))
        var fracDigits: [UInt8] = []
        var f = frac
        for _ in 0..<15 { fracDigits.append(digits[Int(f >> 60)]); f <<= 4 }
        if precision < 0 {
            while let l = fracDigits.last, l == 0x30 { fracDigits.removeLast() }
        } else {
            fracDigits = Array(fracDigits.prefix(min(nfrac, 15)))
            while fracDigits.count < precision { fracDigits.append(0x30) }
        }
        if !fracDigits.isEmpty {
            out.append(0x2E)
            out.append(contentsOf: fracDigits)
        }
        out.append(upper ? 0x50 : 0x70)
        if exp < 0 { out.append(0x2D); exp = -exp } else { out.append(0x2B) }
        if exp < 10 { out.append(0x30) }
        out.append(contentsOf: Array(String(exp).utf8))
    }
}
