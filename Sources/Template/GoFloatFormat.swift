import Values

/// Go's `strconv.FormatFloat` for the verbs `fmt` uses: decimal forms come
/// from `Values.GoFloat`; the binary (`b`) and hexadecimal (`x`, `X`) forms are here.
enum GoFloatFormat {
    static func append(_ v: Double, fmt: UInt8, precision: Int, to out: inout [UInt8]) {
        switch fmt {
        case 0x62:
            if v.isNaN { out.append(contentsOf: "NaN".utf8); return }
            if v.isInfinite { out.append(contentsOf: (v < 0 ? "-Inf" : "+Inf").utf8); return }
            appendBinary(v, to: &out)
        case 0x78, 0x58:
            if v.isNaN { out.append(contentsOf: "NaN".utf8); return }
            if v.isInfinite { out.append(contentsOf: (v < 0 ? "-Inf" : "+Inf").utf8); return }
            appendHex(v, upper: fmt == 0x58, precision: precision, to: &out)
        default:
            GoFloat.append(v, fmt: fmt, precision: precision, to: &out)
        }
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
        var frac = mant << 12
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
            frac = precision == 0 ? 0 : (rounded & ((1 << UInt64(4 * precision)) - 1)) << UInt64(64 - 4 * precision)
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
