/// Ports of huandu/xstrings v1.5 `ToSnakeCase`/`ToKebabCase` (word splitting
/// on case, digits and connectors) and `ToPascalCase` (Sprig's `camelcase`).
enum CaseConversion {
    private enum WordType { case invalid, number, upperCase, alphabet, connector, punct, other }

    private static func isConnector(_ r: Unicode.Scalar) -> Bool { r == "-" || r == "_" || GoUnicode.isSpace(r) }
    private static func isAlphabet(_ r: Unicode.Scalar) -> Bool {
        (r.value >= 0x61 && r.value <= 0x7A) || (r.value >= 0x41 && r.value <= 0x5A)
    }

    private static func nextWord(_ s: ArraySlice<Unicode.Scalar>) -> (WordType, ArraySlice<Unicode.Scalar>, ArraySlice<Unicode.Scalar>) {
        guard let r = s.first else { return (.invalid, s, s) }
        var i = s.startIndex + 1
        let end = s.endIndex
        var type: WordType
        if isConnector(r) {
            type = .connector
            while i < end && isConnector(s[i]) { i += 1 }
        } else if GoUnicode.isPunct(r) {
            type = .punct
            while i < end && GoUnicode.isPunct(s[i]) { i += 1 }
        } else if GoUnicode.isUpper(r) {
            type = .upperCase
            if i < end {
                if GoUnicode.isUpper(s[i]) {
                    var prev = i
                    i += 1
                    while i < end && GoUnicode.isUpper(s[i]) { prev = i; i += 1 }
                    if i < end && isAlphabet(s[i]) { i = prev }
                } else if isAlphabet(s[i]) {
                    i += 1
                    while i < end && isAlphabet(s[i]) && !GoUnicode.isUpper(s[i]) { i += 1 }
                }
            }
        } else if isAlphabet(r) {
            type = .alphabet
            while i < end && isAlphabet(s[i]) && !GoUnicode.isUpper(s[i]) { i += 1 }
        } else if GoUnicode.isNumber(r) {
            type = .number
            while i < end && GoUnicode.isNumber(s[i]) { i += 1 }
        } else {
            type = .other
            while i < end && !(isConnector(s[i]) || isAlphabet(s[i]) || GoUnicode.isNumber(s[i]) || GoUnicode.isPunct(s[i])) { i += 1 }
        }
        return (type, s[s.startIndex..<i], s[i...])
    }

    private static func lower(_ out: inout String.UnicodeScalarView, _ type: WordType, _ word: ArraySlice<Unicode.Scalar>, _ connector: Unicode.Scalar) {
        if type != .upperCase && type != .connector { out.append(contentsOf: word); return }
        for r in word {
            if isConnector(r) { out.append(connector) } else if GoUnicode.isUpper(r) { out.append(GoUnicode.toLower(r)) } else { out.append(r) }
        }
    }

    static func toLowerWords(_ str: String, connector: Unicode.Scalar) -> String {
        let all = Array(str.unicodeScalars)
        if all.isEmpty { return "" }
        var out = String.UnicodeScalarView()
        var (wt, word, remaining) = nextWord(all[...])
        while !remaining.isEmpty {
            if wt != .connector { lower(&out, wt, word, connector) }
            let prev = wt
            let last = word
            (wt, word, remaining) = nextWord(remaining)
            switch prev {
            case .number:
                while wt == .alphabet || wt == .number {
                    lower(&out, wt, word, connector)
                    (wt, word, remaining) = nextWord(remaining)
                }
                if wt != .invalid && wt != .punct && wt != .connector { out.append(connector) }
            case .connector:
                lower(&out, prev, last, connector)
            case .punct:
                break
            default:
                if wt != .number {
                    if wt != .connector && wt != .punct { out.append(connector) }
                    break
                }
                if remaining.isEmpty { break }
                let numberWord = word
                (wt, word, remaining) = nextWord(remaining)
                if wt != .alphabet {
                    lower(&out, .number, numberWord, connector)
                    if wt != .connector && wt != .punct { out.append(connector) }
                    break
                }
                out.append(connector)
                lower(&out, .number, numberWord, connector)
                while wt == .alphabet || wt == .number {
                    lower(&out, wt, word, connector)
                    (wt, word, remaining) = nextWord(remaining)
                }
                if wt != .invalid && wt != .connector && wt != .punct { out.append(connector) }
            }
        }
        lower(&out, wt, word, connector)
        return String(out)
    }

    static func toPascalCase(_ str: String) -> String {
        let all = Array(str.unicodeScalars)
        if all.isEmpty { return "" }
        var out = String.UnicodeScalarView()
        var i = 0
        var r0: Unicode.Scalar = " "
        var firstUpper = false
        var consumedAny = false
        while i < all.count {
            r0 = all[i]; i += 1; consumedAny = true
            if !isConnector(r0) {
                firstUpper = GoUnicode.isUpper(r0)
                r0 = GoUnicode.toUpper(r0)
                break
            }
            out.append(r0)
        }
        if i >= all.count {
            if consumedAny { out.append(r0) }
            return String(out)
        }
        while i < all.count {
            let r1 = r0
            r0 = all[i]; i += 1
            if isConnector(r0) && isConnector(r1) { out.append(r1); continue }
            if isConnector(r1) {
                firstUpper = GoUnicode.isUpper(r0)
                r0 = GoUnicode.toUpper(r0)
            } else {
                if firstUpper {
                    if GoUnicode.isUpper(r0) { r0 = GoUnicode.toLower(r0) } else { firstUpper = false }
                }
                out.append(r1)
            }
        }
        out.append(r0)
        return String(out)
    }
}
