/// The glob syntax of `.Files.Glob` (gobwas/glob compiled with `/` as
/// separator): `*` and `?` stay within a path segment, `**` crosses segments,
/// `[a-z]`/`[!a-z]` classes, `{a,b}` alternatives, `\` escapes.
struct FileGlob: Sendable {
    indirect enum Token: Sendable {
        case literal(Unicode.Scalar)
        case any              // ?
        case star             // *
        case superStar        // **
        case charClass([(Unicode.Scalar, Unicode.Scalar)], negated: Bool)
        case alternatives([[Token]])
    }

    let tokens: [Token]

    init(_ pattern: String) throws {
        var scalars = Array(pattern.unicodeScalars)[...]
        tokens = try FileGlob.parse(&scalars, inAlternative: false)
        if !scalars.isEmpty {
            throw RenderError(message: "unexpected end of input in glob \(pattern.debugDescription)")
        }
    }

    private static func parse(_ s: inout ArraySlice<Unicode.Scalar>, inAlternative: Bool) throws -> [Token] {
        var out: [Token] = []
        while let c = s.first {
            if inAlternative && (c == "," || c == "}") { return out }
            s = s.dropFirst()
            switch c {
            case "*":
                if s.first == "*" {
                    s = s.dropFirst()
                    out.append(.superStar)
                } else {
                    out.append(.star)
                }
            case "?": out.append(.any)
            case "\\":
                guard let n = s.first else { throw RenderError(message: "glob: unexpected end after escape") }
                s = s.dropFirst()
                out.append(.literal(n))
            case "[":
                var negated = false
                if s.first == "!" || s.first == "^" {
                    negated = true
                    s = s.dropFirst()
                }
                var ranges: [(Unicode.Scalar, Unicode.Scalar)] = []
                while let d = s.first, d != "]" {
                    s = s.dropFirst()
                    if s.first == "-", s.count > 1, let hi = s.dropFirst().first, hi != "]" {
                        s = s.dropFirst(2)
                        ranges.append((d, hi))
                    } else {
                        ranges.append((d, d))
                    }
                }
                guard s.first == "]" else { throw RenderError(message: "glob: unclosed character class") }
                s = s.dropFirst()
                out.append(.charClass(ranges, negated: negated))
            case "{":
                var alts: [[Token]] = []
                while true {
                    alts.append(try parse(&s, inAlternative: true))
                    guard let d = s.first else { throw RenderError(message: "glob: unclosed alternatives") }
                    s = s.dropFirst()
                    if d == "}" { break }
                }
                out.append(.alternatives(alts))
            default:
                out.append(.literal(c))
            }
        }
        return out
    }

    func matches(_ path: String) -> Bool {
        FileGlob.match(tokens[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ p: ArraySlice<Token>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let t = p.first else { return s.isEmpty }
        let rest = p.dropFirst()
        switch t {
        case .literal(let c):
            return s.first == c && match(rest, s.dropFirst())
        case .any:
            guard let c = s.first, c != "/" else { return false }
            return match(rest, s.dropFirst())
        case .star:
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                if i == s.endIndex || s[i] == "/" { return false }
                i += 1
            }
        case .superStar:
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                if i == s.endIndex { return false }
                i += 1
            }
        case .charClass(let ranges, let negated):
            guard let c = s.first, c != "/" else { return false }
            let inside = ranges.contains { $0.0.value <= c.value && c.value <= $0.1.value }
            return inside != negated && match(rest, s.dropFirst())
        case .alternatives(let alts):
            return alts.contains { match($0[...] + rest, s) }
        }
    }
}
