extension YAMLPrettyEmitter {
    /// libyaml's scalar analysis as go-yaml v3 has it: a tab rules out plain
    /// and single-quoted styles but, unlike v2, still allows a literal block.
    static func analyzeV3(_ v: [UInt8]) -> YAMLEmitter.Analysis {
        var a = YAMLEmitter.Analysis()
        if v.isEmpty { return a }
        var blockIndicators = false, flowIndicators = false, lineBreaks = false, special = false, tabs = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true, previousSpace = false, previousBreak = false
        if v.count >= 3 && ((v[0] == 45 && v[1] == 45 && v[2] == 45) || (v[0] == 46 && v[1] == 46 && v[2] == 46)) {
            blockIndicators = true; flowIndicators = true
        }
        var i = 0
        while i < v.count {
            let w = YAMLEmitter.width(v[i])
            let followedByWhitespace = i + w >= v.count || YAMLEmitter.isBlank(v, i + w)
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
            if v[i] == 9 { tabs = true } else if !YAMLEmitter.isPrintable(v, i) { special = true }
            if YAMLEmitter.isSpace(v, i) {
                if i == 0 { leadingSpace = true }
                if i + w == v.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true; previousBreak = false
            } else if YAMLEmitter.isBreak(v, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == v.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false; previousBreak = true
            } else {
                previousSpace = false; previousBreak = false
            }
            precededByWhitespace = YAMLEmitter.isBlankZ(v, i)
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
        if spaceBreak || tabs || special {
            a.flowPlainAllowed = false; a.blockPlainAllowed = false; a.singleQuotedAllowed = false
        }
        if spaceBreak || special { a.blockAllowed = false }
        if lineBreaks { a.flowPlainAllowed = false; a.blockPlainAllowed = false }
        if flowIndicators { a.flowPlainAllowed = false }
        if blockIndicators { a.blockPlainAllowed = false }
        return a
    }
}
