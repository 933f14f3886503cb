/// go-yaml v3's `resolve("", s)` reduced to the question its encoder asks:
/// would `s`, written plain, read back as the same string?
enum YAMLV3Resolve {
    private static let specials: Set<String> = [
        "true", "True", "TRUE", "false", "False", "FALSE", "", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ]

    static func isOldBool(_ s: String) -> Bool {
        switch s {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF": return true
        default: return false
        }
    }

    static func isPlainString(_ s: String) -> Bool {
        if specials.contains(s) { return false }
        guard let first = s.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "."):
            return !isGoFloat(Array(s.utf8))
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let b = Array(s.utf8)
            if isTimestamp(b) { return false }
            let plain = b.filter { $0 != UInt8(ascii: "_") }
            if isGoInt(plain) { return false }
            if isYAMLStyleFloat(plain), let d = Double(String(decoding: plain, as: UTF8.self)), d.isFinite { return false }
            return true
        default:
            return true
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` succeeds.
    static func isGoInt(_ b: [UInt8]) -> Bool {
        var i = 0
        var signed = false
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { signed = true; i += 1 }
        var radix = 10
        if i < b.count, b[i] == UInt8(ascii: "0") {
            let prefix = i + 2 < b.count ? b[i + 1] | 0x20 : 0
            switch prefix {
            case UInt8(ascii: "x"): radix = 16; i += 2
            case UInt8(ascii: "o"): radix = 8; i += 2
            case UInt8(ascii: "b"): radix = 2; i += 2
            default: radix = 8; i += 1
            }
        }
        let digits = String(decoding: b[min(i, b.count)...], as: UTF8.self)
        if digits.isEmpty { return i > (signed ? 1 : 0) }
        guard let mag = UInt64(digits, radix: radix) else { return false }
        if !signed { return true }
        return b[0] == UInt8(ascii: "-") ? mag <= UInt64(Int64.max) + 1 : mag <= UInt64(Int64.max)
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ b: [UInt8]) -> Bool {
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            if i == s { return false }
        } else {
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            if i == s { return false }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, isDigit(b[i]) { i += 1 }
            }
        }
        if i < b.count, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            if i == s { return false }
        }
        return i == b.count
    }

    /// `strconv.ParseFloat` for text starting with '.' (decimal forms only).
    static func isGoFloat(_ b: [UInt8]) -> Bool {
        guard isYAMLStyleFloat(b), let d = Double(String(decoding: b, as: UTF8.self)) else { return false }
        return d.isFinite
    }

    /// v3 `parseTimestamp`: `YYYY-M-D`, optionally followed by `[Tt ]h:m:s[.frac]` and, after
    /// T/t, a zone (`Z` or ±hh:mm).
    static func isTimestamp(_ b: [UInt8]) -> Bool {
        var i = 0
        func num(_ maxDigits: Int) -> Int? {
            let s = i
            var v = 0
            while i < b.count, isDigit(b[i]), i - s < maxDigits { v = v * 10 + Int(b[i] - 48); i += 1 }
            return i == s ? nil : v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard b.count >= 5, b[0..<4].allSatisfy(isDigit), b[4] == UInt8(ascii: "-") else { return false }
        i = 5
        guard let month = num(2), (1...12).contains(month), expect(UInt8(ascii: "-")), let day = num(2), (1...31).contains(day) else {
            return false
        }
        if i == b.count { return true }
        let sep = b[i]
        guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == 32 else { return false }
        i += 1
        guard let h = num(2), h < 24, expect(58), let m = num(2), m < 60, expect(58), let s = num(2), s < 60 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard num(9) != nil else { return false }
        }
        if i == b.count { return true }
        guard sep != 32 else { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard let zh = num(2), zh < 24, expect(58), let zm = num(2), zm < 60 else { return false }
        return i == b.count
    }
}
