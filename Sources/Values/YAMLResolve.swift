/// go-yaml v2's `resolve()`: what an untagged (or `!!`-tagged) scalar means
/// under YAML 1.1 rules. Used both when loading (to type plain scalars) and
/// when emitting (a string that would resolve to anything else must be quoted).
enum ResolvedScalar: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Double)
    /// Looks like a timestamp; decoded into `interface{}` it stays the original string.
    case timestamp
    case merge
    case string
}

enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = prefix + "str"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let bool = prefix + "bool"
    static let null = prefix + "null"
    static let timestamp = prefix + "timestamp"
    static let binary = prefix + "binary"
    static let merge = prefix + "merge"
}

enum YAMLResolve {
    private static let words: [String: ResolvedScalar] = {
        var m: [String: ResolvedScalar] = [:]
        for w in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { m[w] = .bool(true) }
        for w in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { m[w] = .bool(false) }
        for w in ["", "~", "null", "Null", "NULL"] { m[w] = .null }
        for w in [".nan", ".NaN", ".NAN"] { m[w] = .float(.nan) }
        for w in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { m[w] = .float(.infinity) }
        for w in ["-.inf", "-.Inf", "-.INF"] { m[w] = .float(-.infinity) }
        m["<<"] = .merge
        return m
    }()

    /// `resolve("", s)` for a plain scalar.
    static func plain(_ s: String) -> ResolvedScalar {
        let b = Array(s.utf8)
        guard let first = b.first else { return .null }
        let hint: UInt8
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = UInt8(ascii: "S")
        case UInt8(ascii: "0")...UInt8(ascii: "9"): hint = UInt8(ascii: "D")
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
             UInt8(ascii: "~"):
            hint = UInt8(ascii: "M")
        case UInt8(ascii: "."): hint = UInt8(ascii: ".")
        case UInt8(ascii: "<"): hint = UInt8(ascii: "M") // only "<<" can match
        default: return .string
        }
        if let w = words[s] { return w }
        switch hint {
        case UInt8(ascii: "."):
            if isYAMLStyleFloat(b[...]), let f = parseFloat(s) { return .float(f) }
        case UInt8(ascii: "D"), UInt8(ascii: "S"):
            if isTimestamp(b) { return .timestamp }
            let plain = b.filter { $0 != UInt8(ascii: "_") }
            switch parseGoInt(plain[...]) {
            case .some(.int(let v)): return .int(v)
            case .some(.uint(let v)): return .uint(v)
            case .some(.big), .none:
                // go-yaml v2.4 has no big.Int: beyond 64 bits only the float form applies
                break
            }
            if isYAMLStyleFloat(plain[...]), let f = parseFloat(String(decoding: plain, as: UTF8.self)) { return .float(f) }
        default: break
        }
        return .string
    }

    /// `resolve(tag, s)` for a scalar with an explicit standard tag. Throws
    /// go-yaml's "cannot decode" message when the value does not fit the tag.
    static func tagged(_ tag: String, _ s: String) throws(ResolveFailure) -> ResolvedScalar {
        switch tag {
        case YAMLTag.str, YAMLTag.binary: return .string
        case "": return plain(s)
        default: break
        }
        let r = plain(s)
        let rtag: String
        switch r {
        case .null: rtag = YAMLTag.null
        case .bool: rtag = YAMLTag.bool
        case .int, .uint: rtag = YAMLTag.int
        case .float: rtag = YAMLTag.float
        case .timestamp: rtag = YAMLTag.timestamp
        case .merge: rtag = YAMLTag.merge
        case .string: rtag = YAMLTag.str
        }
        if rtag == tag { return r }
        if tag == YAMLTag.float {
            switch r {
            case .int(let v): return .float(Double(v))
            case .uint(let v): return .float(Double(v))
            default: break
            }
        }
        throw ResolveFailure(message: "cannot decode \(shortTag(rtag)) `\(s)` as a \(shortTag(tag))")
    }

    struct ResolveFailure: Error { var message: String }

    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(YAMLTag.prefix) ? "!!" + tag.dropFirst(YAMLTag.prefix.count) : tag
    }

    static func isStandardTag(_ tag: String) -> Bool {
        switch tag {
        case "", YAMLTag.str, YAMLTag.bool, YAMLTag.int, YAMLTag.float, YAMLTag.null, YAMLTag.timestamp: return true
        default: return false
        }
    }

    private static func parseFloat(_ s: String) -> Double? {
        guard let d = Double(s), d.isFinite else { return nil }
        return d
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        let end = b.endIndex
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < end, isDigit(b[i]) { i += 1 }
            if i == s { return false }
        } else {
            let s = i
            while i < end, isDigit(b[i]) { i += 1 }
            if i == s { return false }
            if i < end, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < end, isDigit(b[i]) { i += 1 }
            }
        }
        if i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let s = i
            while i < end, isDigit(b[i]) { i += 1 }
            if i == s { return false }
        }
        return i == end
    }

    enum GoInt { case int(Int64), uint(UInt64), big(Double) }

    /// `strconv.ParseInt(s, 0, 64)`, then `ParseUint`, then `big.Int.SetString(s, 0)`.
    static func parseGoInt(_ b: ArraySlice<UInt8>) -> GoInt? {
        var i = b.startIndex
        var negative = false
        if i < b.endIndex, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < b.endIndex else { return nil }
        var base: UInt64 = 10
        if b[i] == UInt8(ascii: "0"), i + 1 < b.endIndex {
            switch b[i + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): base = 16; i += 2
            case UInt8(ascii: "o"), UInt8(ascii: "O"): base = 8; i += 2
            case UInt8(ascii: "b"), UInt8(ascii: "B"): base = 2; i += 2
            default: base = 8; i += 1
            }
            guard i < b.endIndex else { return nil }
        }
        var mag: UInt64 = 0
        var overflow = false
        var approx: Double = 0
        while i < b.endIndex {
            let c = b[i]
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c - 48)
            case 97...102: d = UInt64(c - 87)
            case 65...70: d = UInt64(c - 55)
            default: return nil
            }
            guard d < base else { return nil }
            approx = approx * Double(base) + Double(d)
            if !overflow {
                let (m1, o1) = mag.multipliedReportingOverflow(by: base)
                let (m2, o2) = m1.addingReportingOverflow(d)
                if o1 || o2 { overflow = true } else { mag = m2 }
            }
            i += 1
        }
        if overflow {
            // Decimal overflow resolves as a float; a negative one fails ParseUint too.
            if base == 10 || negative { return nil }
            return .big(approx)
        }
        if negative {
            if mag <= UInt64(Int64.max) { return .int(-Int64(mag)) }
            if mag == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            return nil
        }
        if mag <= UInt64(Int64.max) { return .int(Int64(mag)) }
        return .uint(mag)
    }

    /// go-yaml v2 `parseTimestamp`: `2006-1-2T15:4:5.999999999Z07:00` (also
    /// lower-case `t`), `2006-1-2 15:4:5.999999999`, `2006-1-2`.
    static func isTimestamp(_ b: [UInt8]) -> Bool {
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        guard b.count >= 8, b[0...3].allSatisfy(isDigit), b[4] == UInt8(ascii: "-") else { return false }
        var i = 5
        func num(_ maxDigits: Int) -> Int? {
            guard i < b.count, isDigit(b[i]) else { return nil }
            var v = Int(b[i] - 48)
            i += 1
            if maxDigits == 2, i < b.count, isDigit(b[i]) { v = v * 10 + Int(b[i] - 48); i += 1 }
            return v
        }
        let year = Int(b[0] - 48) * 1000 + Int(b[1] - 48) * 100 + Int(b[2] - 48) * 10 + Int(b[3] - 48)
        guard let month = num(2), (1...12).contains(month), i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard let day = num(2), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return false }
        if i == b.count { return true }
        let sep = b[i]
        guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") else { return false }
        i += 1
        guard let h = num(2), h < 24, i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let m = num(2), m < 60, i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let s = num(2), s < 60 else { return false }
        if i + 1 < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ","), isDigit(b[i + 1]) {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        if sep == UInt8(ascii: " ") { return i == b.count }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count - i == 6,
              isDigit(b[i + 1]), isDigit(b[i + 2]), b[i + 3] == UInt8(ascii: ":"), isDigit(b[i + 4]), isDigit(b[i + 5])
        else { return false }
        return true
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$` — quoted on output
    /// for compatibility with YAML 1.1 parsers.
    static func isBase60Float(_ b: [UInt8]) -> Bool {
        guard let f = b.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") || (f >= 48 && f <= 57) else { return false }
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if !isDigit(b[0]) { i = 1 }
        guard i < b.count, isDigit(b[i]) else { return false }
        i += 1
        while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            if i < b.count, b[i] >= 48, b[i] <= 53, i + 1 < b.count, isDigit(b[i + 1]) {
                i += 2
            } else if i < b.count, isDigit(b[i]) {
                i += 1
            } else {
                return false
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == b.count
    }
}
