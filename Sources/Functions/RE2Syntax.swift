import Foundation

/// Go's `regexp/syntax` (RE2, Perl flags) front end for the ICU engine:
/// validates a pattern with Go's error messages and rewrites it into an ICU
/// pattern with Go's semantics (ASCII `\d \s \w \b` and POSIX classes, `.`
/// excluding only `\n`, `$` only at the end of text unless `(?m)`, `(?U)`,
/// no lookaround or backreferences, named groups as plain groups).
struct RE2Syntax {
    /// A Go syntax error: `error parsing regexp: <code>: `<fragment>``.
    struct Failure: Error {
        let code: String
        let fragment: String
    }

    /// The ICU pattern and the capture group names (`""` for unnamed groups),
    /// in group order.
    let icuPattern: String
    let groupNames: [String]

    private struct Flags {
        var foldCase = false
        var multiLine = false
        var dotNL = false
        var nonGreedy = false
    }

    private static let wordClass = "0-9A-Za-z_"
    private static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7f}", "blank": "\\x{9}\\x{20}",
        "cntrl": "\\x{0}-\\x{1f}\\x{7f}", "digit": "0-9", "graph": "\\x{21}-\\x{7e}", "lower": "a-z",
        "print": "\\x{20}-\\x{7e}",
        "punct": "\\x{21}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{60}\\x{7b}-\\x{7e}",
        "space": "\\x{9}-\\x{d}\\x{20}", "upper": "A-Z", "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
    ]

    init(_ pattern: String) throws(Failure) {
        let p = Array(pattern.unicodeScalars)
        var out = ""
        var names: [String] = []
        var flags = Flags()
        var saved: [Flags] = []
        var canRepeat = false
        var lastRepeatStart: Int? = nil
        var i = 0
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(p[r])) }
        func atom(_ s: String, folds: Bool) {
            out += folds && flags.foldCase ? "(?i:" + s + ")" : "(?:" + s + ")"
            canRepeat = true
            lastRepeatStart = nil
        }
        while i < p.count {
            let c = p[i]
            switch c {
            case "(":
                if i + 1 < p.count, p[i + 1] == "?" {
                    let outer = flags
                    let (capture, name, next) = try Self.groupPrefix(p, i, &flags)
                    if capture {
                        names.append(name)
                        saved.append(outer)
                        out += "("
                        canRepeat = false
                    } else if next > 0, p[next - 1] == ":" {
                        saved.append(outer)
                        out += "(?:"
                        canRepeat = false
                    }
                    lastRepeatStart = nil
                    i = next
                    continue
                }
                names.append("")
                saved.append(flags)
                out += "("
                canRepeat = false
                lastRepeatStart = nil
                i += 1
            case ")":
                guard let f = saved.popLast() else { throw Failure(code: "unexpected )", fragment: pattern) }
                flags = f
                out += ")"
                canRepeat = true
                lastRepeatStart = nil
                i += 1
            case "|":
                out += "|"
                canRepeat = false
                lastRepeatStart = nil
                i += 1
            case "*", "+", "?", "{":
                var end = i + 1
                var quantifier = String(c)
                if c == "{" {
                    guard let (lo, hi, after) = Self.repeatBounds(p, i) else {
                        atom("\\x{7b}", folds: false)
                        i += 1
                        continue
                    }
                    if lo > 1000 || (hi ?? 0) > 1000 || (hi.map { lo > $0 } ?? false) {
                        throw Failure(code: "invalid repeat count", fragment: text(i..<after))
                    }
                    end = after
                    quantifier = text(i..<after)
                }
                var lazy = false
                if end < p.count, p[end] == "?" { lazy = true; end += 1 }
                if let start = lastRepeatStart {
                    throw Failure(code: "invalid nested repetition operator", fragment: text(start..<end))
                }
                guard canRepeat else {
                    throw Failure(code: "missing argument to repetition operator", fragment: text(i..<end))
                }
                out += quantifier + (lazy != flags.nonGreedy ? "?" : "")
                lastRepeatStart = i
                i = end
            case "[":
                let (cls, next) = try Self.charClass(p, i)
                atom(cls, folds: true)
                i = next
            case ".":
                atom(flags.dotNL ? "[\\x{0}-\\x{10ffff}]" : "[^\\n]", folds: false)
                i += 1
            case "^":
                atom(flags.multiLine ? "\\A|(?<=\\n)" : "\\A", folds: false)
                i += 1
            case "$":
                atom(flags.multiLine ? "(?=\\n)|\\z" : "\\z", folds: false)
                i += 1
            case "\\":
                guard i + 1 < p.count else {
                    throw Failure(code: "trailing backslash at end of expression", fragment: "")
                }
                let e = p[i + 1]
                switch e {
                case "A": atom("\\A", folds: false); i += 2
                case "z": atom("\\z", folds: false); i += 2
                case "b", "B":
                    let w = "[" + Self.wordClass + "]"
                    let boundary = "(?<=\(w))(?!\(w))|(?<!\(w))(?=\(w))"
                    let inside = "(?<=\(w))(?=\(w))|(?<!\(w))(?!\(w))"
                    atom(e == "b" ? boundary : inside, folds: false)
                    i += 2
                case "Q":
                    var j = i + 2
                    while j < p.count {
                        if p[j] == "\\", j + 1 < p.count, p[j + 1] == "E" { j += 2; break }
                        atom(Self.literal(p[j]), folds: true)
                        j += 1
                    }
                    i = j
                default:
                    if let (set, next) = try Self.classEscape(p, i) {
                        atom("[" + set + "]", folds: true)
                        i = next
                    } else {
                        let (scalar, next) = try Self.escape(p, i)
                        atom(Self.literal(scalar), folds: true)
                        i = next
                    }
                }
            default:
                atom(Self.literal(c), folds: true)
                i += 1
            }
        }
        if !saved.isEmpty { throw Failure(code: "missing closing )", fragment: pattern) }
        icuPattern = out.isEmpty ? "(?:)" : out
        groupNames = names
    }

    private static func literal(_ c: Unicode.Scalar) -> String {
        if c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) { return String(c) }
        return "\\x{" + String(c.value, radix: 16) + "}"
    }

    /// `(?flags)`, `(?flags:`, `(?P<name>` or `(?<name>` at `i`: whether it
    /// opens a capture group, its name, and the index after the prefix.
    private static func groupPrefix(_ p: [Unicode.Scalar], _ i: Int, _ flags: inout Flags) throws(Failure) -> (Bool, String, Int) {
        let whole = String(String.UnicodeScalarView(p[i...]))
        let named = (i + 4 < p.count && p[i + 2] == "P" && p[i + 3] == "<") || (i + 3 < p.count && p[i + 2] == "<")
        if named {
            let nameStart = p[i + 2] == "P" ? i + 4 : i + 3
            guard let end = p[nameStart...].firstIndex(of: ">") else {
                throw Failure(code: "invalid named capture", fragment: whole)
            }
            let name = String(String.UnicodeScalarView(p[nameStart..<end]))
            let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
            guard valid else {
                throw Failure(code: "invalid named capture", fragment: String(String.UnicodeScalarView(p[i...end])))
            }
            return (true, name, end + 1)
        }
        var f = flags
        var negate = false
        var sawFlag = false
        var j = i + 2
        while j < p.count {
            let c = p[j]
            j += 1
            switch c {
            case "i": f.foldCase = !negate; sawFlag = true; continue
            case "m": f.multiLine = !negate; sawFlag = true; continue
            case "s": f.dotNL = !negate; sawFlag = true; continue
            case "U": f.nonGreedy = !negate; sawFlag = true; continue
            case "-":
                if negate { break }
                negate = true
                sawFlag = false
                continue
            case ":", ")":
                if negate && !sawFlag { break }
                flags = f
                return (false, "", j)
            default: break
            }
            break
        }
        throw Failure(code: "invalid or unsupported Perl syntax", fragment: String(String.UnicodeScalarView(p[i..<j])))
    }

    /// `{n}`, `{n,}` or `{n,m}` at `i` (Go rejects leading zeros), or nil when `{` is a literal.
    private static func repeatBounds(_ p: [Unicode.Scalar], _ i: Int) -> (Int, Int?, Int)? {
        func number(_ j: Int) -> (Int, Int)? {
            var k = j
            var n = 0
            while k < p.count, ("0"..."9").contains(p[k]) {
                n = min(n * 10 + Int(p[k].value - 48), 100_000_000)
                k += 1
            }
            if k == j || (k - j >= 2 && p[j] == "0") { return nil }
            return (n, k)
        }
        guard let (lo, afterLo) = number(i + 1), afterLo < p.count else { return nil }
        if p[afterLo] == "}" { return (lo, lo, afterLo + 1) }
        guard p[afterLo] == ",", afterLo + 1 < p.count else { return nil }
        if p[afterLo + 1] == "}" { return (lo, nil, afterLo + 2) }
        guard let (hi, afterHi) = number(afterLo + 1), afterHi < p.count, p[afterHi] == "}" else { return nil }
        return (lo, hi, afterHi + 1)
    }

    /// `\d \D \s \S \w \W \pX \p{Name} \PX` at `i` as the inside of an ICU set.
    private static func classEscape(_ p: [Unicode.Scalar], _ i: Int) throws(Failure) -> (String, Int)? {
        switch p[i + 1] {
        case "d": return ("0-9", i + 2)
        case "D": return ("^0-9", i + 2)
        case "s": return ("\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}", i + 2)
        case "S": return ("^\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}", i + 2)
        case "w": return (wordClass, i + 2)
        case "W": return ("^" + wordClass, i + 2)
        case "p", "P":
            var negated = p[i + 1] == "P"
            guard i + 2 < p.count else { throw Failure(code: "invalid character class range", fragment: String(String.UnicodeScalarView(p[i...]))) }
            var name: String
            var end: Int
            if p[i + 2] == "{" {
                guard let close = p[(i + 2)...].firstIndex(of: "}") else {
                    throw Failure(code: "invalid character class range", fragment: String(String.UnicodeScalarView(p[i...])))
                }
                name = String(String.UnicodeScalarView(p[(i + 3)..<close]))
                end = close + 1
            } else {
                name = String(p[i + 2])
                end = i + 3
            }
            if name.hasPrefix("^") { negated.toggle(); name.removeFirst() }
            let fragment = String(String.UnicodeScalarView(p[i..<end]))
            let known = name == "Any" || (name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") }
                && (try? NSRegularExpression(pattern: "\\p{" + name + "}")) != nil)
            guard !name.isEmpty, known else {
                throw Failure(code: "invalid character class range", fragment: fragment)
            }
            let set = name == "Any" ? "\\x{0}-\\x{10ffff}" : "\\p{" + name + "}"
            return ((negated ? "^" : "") + set, end)
        default: return nil
        }
    }

    /// A single-character escape at `i` (Go's `parseEscape`).
    private static func escape(_ p: [Unicode.Scalar], _ i: Int) throws(Failure) -> (Unicode.Scalar, Int) {
        let c = p[i + 1]
        func invalid(_ end: Int) -> Failure {
            Failure(code: "invalid escape sequence", fragment: String(String.UnicodeScalarView(p[i..<min(end, p.count)])))
        }
        func octal(_ s: Unicode.Scalar) -> Bool { ("0"..."7").contains(s) }
        switch c {
        case "1"..."7" where !(i + 2 < p.count && octal(p[i + 2])):
            throw invalid(i + 2)
        case "0"..."7":
            var v: UInt32 = 0
            var j = i + 1
            while j < p.count, j < i + 4, octal(p[j]) { v = v * 8 + p[j].value - 48; j += 1 }
            return (Unicode.Scalar(v) ?? "\u{0}", j)
        case "x":
            guard i + 2 < p.count else { throw invalid(i + 2) }
            if p[i + 2] == "{" {
                var j = i + 3
                var v: UInt32 = 0
                var digits = 0
                while j < p.count, let d = Int(String(p[j]), radix: 16) {
                    v = v &* 16 &+ UInt32(d)
                    digits += 1
                    j += 1
                    if v > 0x10FFFF { throw invalid(j) }
                }
                guard digits > 0, j < p.count, p[j] == "}", let s = Unicode.Scalar(v) else { throw invalid(j + 1) }
                return (s, j + 1)
            }
            guard i + 3 < p.count, let hi = Int(String(p[i + 2]), radix: 16), let lo = Int(String(p[i + 3]), radix: 16) else {
                throw invalid(i + 4)
            }
            return (Unicode.Scalar(UInt8(hi * 16 + lo)), i + 4)
        case "a": return ("\u{7}", i + 2)
        case "f": return ("\u{c}", i + 2)
        case "n": return ("\n", i + 2)
        case "r": return ("\r", i + 2)
        case "t": return ("\t", i + 2)
        case "v": return ("\u{b}", i + 2)
        default:
            if c.isASCII, !(c.properties.isAlphabetic || ("0"..."9").contains(c)) { return (c, i + 2) }
            throw invalid(i + 2)
        }
    }

    /// A bracketed class at `i` as an ICU set.
    private static func charClass(_ p: [Unicode.Scalar], _ i: Int) throws(Failure) -> (String, Int) {
        var j = i + 1
        var out = "["
        if j < p.count, p[j] == "^" { out += "^"; j += 1 }
        var first = true
        while j < p.count, p[j] != "]" || first {
            first = false
            if p[j] == "[", j + 1 < p.count, p[j + 1] == ":" {
                if let close = closingPosix(p, j) {
                    var name = String(String.UnicodeScalarView(p[(j + 2)..<(close - 1)]))
                    let negated = name.hasPrefix("^")
                    if negated { name.removeFirst() }
                    guard let set = posixClasses[name] else {
                        throw Failure(code: "invalid character class range", fragment: String(String.UnicodeScalarView(p[j...close])))
                    }
                    out += negated ? "[^" + set + "]" : set
                    j = close + 1
                    continue
                }
            }
            if p[j] == "\\", j + 1 < p.count, let (set, next) = try classEscape(p, j) {
                out += "[" + set + "]"
                j = next
                continue
            }
            let rangeStart = j
            let (lo, afterLo) = try classChar(p, j)
            j = afterLo
            if j + 1 < p.count, p[j] == "-", p[j + 1] != "]" {
                let (hi, afterHi) = try classChar(p, j + 1)
                if hi.value < lo.value {
                    throw Failure(code: "invalid character class range", fragment: String(String.UnicodeScalarView(p[rangeStart..<afterHi])))
                }
                out += literal(lo) + "-" + literal(hi)
                j = afterHi
            } else {
                out += literal(lo)
            }
        }
        guard j < p.count else {
            throw Failure(code: "missing closing ]", fragment: String(String.UnicodeScalarView(p[i...])))
        }
        return (out + "]", j + 1)
    }

    private static func closingPosix(_ p: [Unicode.Scalar], _ j: Int) -> Int? {
        var k = j + 2
        while k + 1 < p.count {
            if p[k] == ":" && p[k + 1] == "]" { return k + 1 }
            k += 1
        }
        return nil
    }

    private static func classChar(_ p: [Unicode.Scalar], _ j: Int) throws(Failure) -> (Unicode.Scalar, Int) {
        if p[j] == "\\" {
            guard j + 1 < p.count else {
                throw Failure(code: "trailing backslash at end of expression", fragment: "")
            }
            return try escape(p, j)
        }
        return (p[j], j + 1)
    }
}
