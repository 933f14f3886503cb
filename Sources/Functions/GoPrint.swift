import Template
import Values

/// Go `fmt` `%v` and `%q` as Sprig's string functions use them (`toString`,
/// `cat`, `quote`, `join`), and `strconv.FormatFloat(f, 'g', -1, 64)`.
enum GoPrint {
    static func value(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return GoFormat.sprint([v])
    }

    private static func append(_ v: Value, to out: inout String, topLevel: Bool) {
        switch v {
        case .null: out += "<nil>"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .int64(let i): out += String(i)
        case .float(let f): out += formatFloat(f)
        case .string(let s): out += s
        case .bytes(let b):
            out += "["
            out += b.map { String($0) }.joined(separator: " ")
            out += "]"
        case .list(let l, _):
            out += "["
            for (i, e) in l.enumerated() {
                if i > 0 { out += " " }
                append(e, to: &out, topLevel: false)
            }
            out += "]"
        case .map(let m):
            out += "map["
            for (i, k) in m.keys.sorted().enumerated() {
                if i > 0 { out += " " }
                out += k
                out += ":"
                append(m[k] ?? .null, to: &out, topLevel: false)
            }
            out += "]"
        case .object(let o): out += o.formatted()
        }
    }

    /// `strconv.FormatFloat(f, 'g', -1, 64)`, which is what `%v` prints.
    static func formatFloat(_ f: Double) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Inf" : "+Inf" }
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        let (digits, pointPosition) = shortestDigits(abs(f))
        let sign = f < 0 ? "-" : ""
        let exponent = pointPosition - 1
        if exponent < -4 || exponent >= 6 {
            return sign + exponentForm(digits, exponent)
        }
        return sign + plainForm(digits, pointPosition)
    }

    private static func exponentForm(_ digits: [UInt8], _ exponent: Int) -> String {
        var s = String(UnicodeScalar(digits[0]))
        if digits.count > 1 {
            s += "."
            s += String(decoding: digits[1...], as: UTF8.self)
        }
        s += exponent < 0 ? "e-" : "e+"
        let e = abs(exponent)
        s += e < 10 ? "0\(e)" : "\(e)"
        return s
    }

    private static func plainForm(_ digits: [UInt8], _ point: Int) -> String {
        if point <= 0 {
            return "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
        }
        if point >= digits.count {
            return String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count)
        }
        return String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
    }

    /// Shortest round-tripping decimal digits of a positive finite double and
    /// the position of the decimal point relative to the first digit.
    static func shortestDigits(_ f: Double) -> ([UInt8], Int) {
        let text = Array(f.description.utf8)
        var mantissa: [UInt8] = []
        var exponent = 0
        var pointIndex: Int? = nil
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(i + 1)...], as: UTF8.self)) ?? 0
                break
            }
            if c == UInt8(ascii: ".") { pointIndex = mantissa.count } else { mantissa.append(c) }
            i += 1
        }
        var point = (pointIndex ?? mantissa.count) + exponent
        while mantissa.count > 1 && mantissa.first == UInt8(ascii: "0") {
            mantissa.removeFirst()
            point -= 1
        }
        while mantissa.count > 1 && mantissa.last == UInt8(ascii: "0") { mantissa.removeLast() }
        return (mantissa, point)
    }

    /// `strconv.Quote`: Go-escaped, double-quoted, printable Unicode kept.
    static func quote(_ s: String) -> String { GoStrconv.quote(s) }

    /// Go's `strconv.IsPrint`.
    static func isGoPrintable(_ s: Unicode.Scalar) -> Bool { GoStrconv.isPrint(s.value) }
}
