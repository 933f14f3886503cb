/// go-yaml v2's `yaml_emitter_analyze_scalar` and the byte classes it uses.
extension YAMLEmitter {
    struct Analysis {
        var multiline = false
        var flowPlainAllowed = false
        var blockPlainAllowed = true
        var singleQuotedAllowed = true
        var blockAllowed = false
    }

    static func width(_ c: UInt8) -> Int {
        if c & 0x80 == 0 { return 1 }
        if c & 0xE0 == 0xC0 { return 2 }
        if c & 0xF0 == 0xE0 { return 3 }
        if c & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    static func at(_ v: [UInt8], _ i: Int) -> UInt8 { i < v.count ? v[i] : 0 }
    static func isSpace(_ v: [UInt8], _ i: Int) -> Bool { at(v, i) == 32 }
    static func isBlank(_ v: [UInt8], _ i: Int) -> Bool { at(v, i) == 32 || at(v, i) == 9 }
    static func isBreak(_ v: [UInt8], _ i: Int) -> Bool {
        let c = at(v, i)
        return c == 13 || c == 10 || (c == 0xC2 && at(v, i + 1) == 0x85)
            || (c == 0xE2 && at(v, i + 1) == 0x80 && (at(v, i + 2) == 0xA8 || at(v, i + 2) == 0xA9))
    }
    static func isBlankZ(_ v: [UInt8], _ i: Int) -> Bool { isBlank(v, i) || isBreak(v, i) || i >= v.count }
    static func isPrintable(_ v: [UInt8], _ i: Int) -> Bool {
        let c = at(v, i), c1 = at(v, i + 1), c2 = at(v, i + 2)
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) || (c > 0xC2 && c < 0xED)
            || (c == 0xED && c1 < 0xA0) || c == 0xEE
            || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)))
    }

    static func analyze(_ v: [UInt8]) -> Analysis {
        var a = Analysis()
        if v.isEmpty { return a }
        var blockIndicators = false, flowIndicators = false, lineBreaks = false, special = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true, previousSpace = false, previousBreak = false
        if v.count >= 3 && ((v[0] == 45 && v[1] == 45 && v[2] == 45) || (v[0] == 46 && v[1] == 46 && v[2] == 46)) {
            blockIndicators = true; flowIndicators = true
        }
        var i = 0
        while i < v.count {
            let w = width(v[i])
            let followedByWhitespace = i + w >= v.count || isBlank(v, i + w)
            let c = v[i]
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                     UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                     UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                     UInt8(ascii: "`"):
                    flowIndicators = true; blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace { flowIndicators = true; blockIndicators = true }
                default: break
                }
            } else {
                switch c {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace { flowIndicators = true; blockIndicators = true }
                default: break
                }
            }
            // go-yaml v2 has no separate tab flag: a tab is simply not printable.
            if !isPrintable(v, i) { special = true }
            if isSpace(v, i) {
                if i == 0 { leadingSpace = true }
                if i + w == v.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true; previousBreak = false
            } else if isBreak(v, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == v.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false; previousBreak = true
            } else {
                previousSpace = false; previousBreak = false
            }
            precededByWhitespace = isBlankZ(v, i)
            i += w
        }
        a.multiline = lineBreaks
        a.flowPlainAllowed = true
        a.blockPlainAllowed = true
        a.singleQuotedAllowed = true
        a.blockAllowed = true
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            a.flowPlainAllowed = false; a.blockPlainAllowed = false
        }
        if trailingSpace { a.blockAllowed = false }
        if breakSpace {
            a.flowPlainAllowed = false; a.blockPlainAllowed = false; a.singleQuotedAllowed = false
        }
        if spaceBreak || special {
            a.flowPlainAllowed = false; a.blockPlainAllowed = false; a.singleQuotedAllowed = false
        }
        if spaceBreak || special { a.blockAllowed = false }
        if lineBreaks { a.flowPlainAllowed = false; a.blockPlainAllowed = false }
        if flowIndicators { a.flowPlainAllowed = false }
        if blockIndicators { a.blockPlainAllowed = false }
        return a
    }

}
