import Values

/// Ports of the `spf13/cast` conversions Sprig relies on (`toInt64`, `toFloat64`,
/// `toString`…): strings parse with Go's rules, floats truncate, nil and
/// unsupported kinds become zero, bools become 0/1.
enum Cast {
    static func toInt64(_ v: Value) -> Int64 {
        switch v {
        case .int(let i): return Int64(i)
        case .int64(let i): return i
        case .float(let f): return truncatingInt64(f)
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseInt(trimDecimal(s)) ?? 0
        case .object(let o):
            if let d = o as? GoDuration { return d.nanoseconds }
            return 0
        default: return 0
        }
    }

    static func toInt(_ v: Value) -> Int { Int(toInt64(v)) }

    static func toFloat64(_ v: Value) -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .int64(let i): return Double(i)
        case .float(let f): return f
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return GoNumberParser.parseFloat(s) ?? 0
        case .object(let o):
            if let d = o as? GoDuration { return Double(d.nanoseconds) }
            return 0
        default: return 0
        }
    }

    /// Go's `int64(f)` on amd64: out-of-range and NaN give math.MinInt64.
    static func truncatingInt64(_ f: Double) -> Int64 {
        if f.isNaN || f >= 9223372036854775808.0 || f < -9223372036854775808.0 { return Int64.min }
        return Int64(f.rounded(.towardZero))
    }

    /// cast's `trimDecimal`: "12.00" and "-1.9" lose their fractional part so
    /// they parse as integers; anything else is left alone.
    static func trimDecimal(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var dot: Int? = nil
        for (i, c) in bytes.enumerated() {
            switch c {
            case UInt8(ascii: "."):
                if dot != nil { return s }
                dot = i
            case UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if i != 0 { return s }
            default: return s
            }
        }
        guard let d = dot else { return s }
        return String(decoding: bytes[..<d], as: UTF8.self)
    }

    /// `strconv.ParseInt(s, 0, 64)`.
    static func parseInt(_ s: String) -> Int64? { GoNumberParser.parseInt(s, base: 0) }

    /// Sprig's `strval`: strings and bytes as they are, everything else via `%v`.
    static func toString(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .bytes(let b): return GoBytes.string(b)
        default: return GoPrint.value(v)
        }
    }
}

/// Go's `strconv.ParseInt` / `ParseFloat` syntax (base prefixes, underscores).
enum GoNumberParser {
    static func parseInt(_ s: String, base: Int) -> Int64? {
        var bytes = Array(s.utf8)
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var radix = base
        var allowUnderscore = false
        if base == 0 {
            radix = 10
            if bytes.count > 1 && bytes[0] == UInt8(ascii: "0") {
                switch bytes[1] | 0x20 {
                case UInt8(ascii: "x"): radix = 16; bytes.removeFirst(2)
                case UInt8(ascii: "b"): radix = 2; bytes.removeFirst(2)
                case UInt8(ascii: "o"): radix = 8; bytes.removeFirst(2)
                default: radix = 8; bytes.removeFirst(1)
                }
                allowUnderscore = true
            } else {
                allowUnderscore = true
            }
        }
        guard !bytes.isEmpty || radix == 8 else { return nil }
        var magnitude: UInt64 = 0
        var previousUnderscore = true
        var sawDigit = false
        for c in bytes {
            if c == UInt8(ascii: "_") {
                guard allowUnderscore, !previousUnderscore else { return nil }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            let d: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard d < radix else { return nil }
            sawDigit = true
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
            let (m2, o2) = m1.addingReportingOverflow(UInt64(d))
            guard !o1, !o2 else { return nil }
            magnitude = m2
        }
        if previousUnderscore && !bytes.isEmpty { return nil }
        if !sawDigit && !(base == 0 && radix == 8) { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// `strconv.ParseFloat(s, 64)`: decimal and hex floats, inf/nan, underscores between digits.
    static func parseFloat(_ s: String) -> Double? {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty else { return nil }
        var body = bytes
        var sign = ""
        if body[0] == UInt8(ascii: "-") || body[0] == UInt8(ascii: "+") {
            sign = body[0] == UInt8(ascii: "-") ? "-" : ""
            body.removeFirst()
        }
        let lower = String(decoding: body, as: UTF8.self).lowercased()
        if lower == "inf" || lower == "infinity" { return sign == "-" ? -.infinity : .infinity }
        if lower == "nan" { return .nan }
        // Underscores must sit between digits.
        var cleaned: [UInt8] = []
        for (i, c) in body.enumerated() {
            if c == UInt8(ascii: "_") {
                guard i > 0, i + 1 < body.count, isHexDigit(body[i - 1]), isHexDigit(body[i + 1]) else { return nil }
                continue
            }
            cleaned.append(c)
        }
        let text = String(decoding: cleaned, as: UTF8.self)
        let isHex = text.hasPrefix("0x") || text.hasPrefix("0X")
        for c in cleaned {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"): continue
            case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "p"), UInt8(ascii: "P"),
                 UInt8(ascii: "a")...UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "D"), UInt8(ascii: "F"):
                if !isHex { return nil }
            default: return nil
            }
        }
        if isHex && !text.lowercased().contains("p") { return nil }
        guard let d = Double(sign + text) else { return nil }
        return d
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 102)
    }
}
