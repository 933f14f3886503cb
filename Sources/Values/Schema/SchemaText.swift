/// The text conventions of jsonschema v6 messages: Go `%q`-based quoting,
/// JSON pointers, and numbers as golang.org/x/text's English printer shows them
/// (`70,000`, `1.5×10⁰⁶`).
enum SchemaText {
    /// jsonschema's `quote`: Go `%q`, then `\"` → `"` and `'` → `\'`, in single quotes.
    static func quote(_ s: String) -> String {
        let body = goQuoteBody(s).replacingAll("\\\"", with: "\"").replacingAll("'", with: "\\'")
        return "'" + body + "'"
    }

    /// Go's `strconv.Quote` / `%q`.
    static func goQuote(_ s: String) -> String { "\"" + goQuoteBody(s) + "\"" }

    static func joinQuoted(_ items: [String]) -> String {
        items.map(quote).joined(separator: ", ")
    }

    /// The inside of Go's `strconv.Quote` (without the surrounding quotes).
    static func goQuoteBody(_ s: String) -> String { String(GoStrconv.quote(s).dropFirst().dropLast()) }

    /// A JSON pointer from reference tokens (`~` → `~0`, `/` → `~1`).
    static func jsonPointer(_ tokens: [String]) -> String {
        var out = ""
        for t in tokens {
            out += "/"
            out += t.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
        }
        return out
    }

    /// An int as x/text's English printer prints `%d`: digit groups of three.
    static func localizedInt(_ i: Int) -> String {
        let mag = String(i.magnitude)
        return (i < 0 ? "-" : "") + grouped(mag)
    }

    private static func grouped(_ digits: String) -> String {
        let d = Array(digits.utf8)
        var out: [UInt8] = []
        for (k, c) in d.enumerated() {
            if k > 0 && (d.count - k) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    /// A float64 as x/text's English printer prints `%v`: Go's `%v` digits, the
    /// integer part grouped, an exponent written `×10` with superscript digits.
    static func localizedFloat(_ d: Double) -> String {
        let go = GoFloat.format(d, fmt: UInt8(ascii: "g"), precision: -1)
        guard let e = go.firstIndex(of: "e") else {
            var intPart = Substring(go)
            var sign = ""
            if intPart.hasPrefix("-") { sign = "-"; intPart = intPart.dropFirst() }
            var frac = ""
            if let dot = intPart.firstIndex(of: ".") {
                frac = String(intPart[dot...])
                intPart = intPart[..<dot]
            }
            return sign + grouped(String(intPart)) + frac
        }
        let mantissa = go[..<e]
        var exp = go[go.index(after: e)...]
        var out = String(mantissa) + "×10"
        if exp.hasPrefix("-") { out += "⁻"; exp = exp.dropFirst() } else if exp.hasPrefix("+") { exp = exp.dropFirst() }
        for c in exp.utf8 { out.append(superscripts[Int(c - 48)]) }
        return out
    }

    /// jsonschema's `display` of a schema value (enum and const messages).
    static func display(_ v: SchemaJSON) -> String {
        switch v {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let text): return text
        case .string(let s): return quote(s)
        case .array, .object: return "value"
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, firstRange(of: target) != nil else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
