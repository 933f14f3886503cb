/// Go's `path.Match` (and `filepath.Match` on Linux): shell patterns with
/// `*` (no `/`), `?`, `[...]` classes and `\` escapes, matched against the
/// whole name. Used by `.helmignore` rules.
public enum GoPathMatch {
    /// A syntax error in a pattern (Go's `ErrBadPattern`).
    public struct BadPattern: Error, Sendable, CustomStringConvertible {
        public var description: String { "syntax error in pattern" }
    }

    public static func match(_ pattern: String, _ name: String) throws -> Bool {
        try match(scalars: Array(pattern.unicodeScalars), Array(name.unicodeScalars))
    }

    /// `match` on already decoded scalars (callers matching many names keep the pattern's).
    static func match(scalars patternScalars: [Unicode.Scalar], _ nameScalars: [Unicode.Scalar]) throws -> Bool {
        var pattern = patternScalars[...]
        var name = nameScalars[...]
        outer: while !pattern.isEmpty {
            let (star, chunk, rest) = scanChunk(pattern)
            pattern = rest
            if star && chunk.isEmpty {
                return !name.contains("/")
            }
            let (t, ok, err) = matchChunk(chunk, name)
            if ok && (t.isEmpty || !pattern.isEmpty) {
                name = t
                continue
            }
            if let err { throw err }
            if star {
                var i = name.startIndex
                while i < name.endIndex && name[i] != "/" {
                    let (t2, ok2, err2) = matchChunk(chunk, name[(i + 1)...])
                    if ok2 {
                        if pattern.isEmpty && !t2.isEmpty {
                            i += 1
                            continue
                        }
                        name = t2
                        continue outer
                    }
                    if let err2 { throw err2 }
                    i += 1
                }
            }
            while !pattern.isEmpty {
                let (_, c, r) = scanChunk(pattern)
                pattern = r
                if let e = matchChunk(c, []).2 { throw e }
            }
            return false
        }
        return name.isEmpty
    }

    /// Whether `pattern` is syntactically valid (Go checks by matching it against "abc").
    public static func validate(_ pattern: String) throws {
        _ = try match(pattern, "abc")
    }

    typealias Scalars = ArraySlice<Unicode.Scalar>

    private static func scanChunk(_ pattern: Scalars) -> (Bool, Scalars, Scalars) {
        var p = pattern
        var star = false
        while p.first == "*" {
            p = p.dropFirst()
            star = true
        }
        var inRange = false
        var i = p.startIndex
        scan: while i < p.endIndex {
            switch p[i] {
            case "\\":
                if i + 1 < p.endIndex { i += 1 }
            case "[": inRange = true
            case "]": inRange = false
            case "*": if !inRange { break scan }
            default: break
            }
            i += 1
        }
        return (star, p[p.startIndex..<i], p[i...])
    }

    private static func matchChunk(_ chunkIn: Scalars, _ sIn: Scalars) -> (Scalars, Bool, BadPattern?) {
        var chunk = chunkIn
        var s = sIn
        var failed = false
        while !chunk.isEmpty {
            if !failed && s.isEmpty { failed = true }
            switch chunk.first! {
            case "[":
                var r: Unicode.Scalar = "\0"
                var haveRune = false
                if !failed {
                    r = s.first!
                    haveRune = true
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
                var negated = false
                if chunk.first == "^" {
                    negated = true
                    chunk = chunk.dropFirst()
                }
                var matched = false
                var ranges = 0
                while true {
                    if chunk.first == "]" && ranges > 0 {
                        chunk = chunk.dropFirst()
                        break
                    }
                    guard let (lo, afterLo) = escaped(chunk) else { return ([], false, BadPattern()) }
                    chunk = afterLo
                    var hi = lo
                    if chunk.first == "-" {
                        guard let (h, afterHi) = escaped(chunk.dropFirst()) else { return ([], false, BadPattern()) }
                        hi = h
                        chunk = afterHi
                    }
                    if haveRune && lo.value <= r.value && r.value <= hi.value { matched = true }
                    ranges += 1
                }
                if matched == negated { failed = true }
            case "?":
                if !failed {
                    if s.first == "/" { failed = true }
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            case "\\":
                chunk = chunk.dropFirst()
                if chunk.isEmpty { return ([], false, BadPattern()) }
                if !failed {
                    if chunk.first != s.first { failed = true }
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            default:
                if !failed {
                    if chunk.first != s.first { failed = true }
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            }
        }
        if failed { return ([], false, nil) }
        return (s, true, nil)
    }

    /// Go's `getEsc`: one possibly escaped rune of a class; nil on a bad pattern.
    private static func escaped(_ chunkIn: Scalars) -> (Unicode.Scalar, Scalars)? {
        var chunk = chunkIn
        guard let first = chunk.first, first != "-", first != "]" else { return nil }
        if first == "\\" {
            chunk = chunk.dropFirst()
            if chunk.isEmpty { return nil }
        }
        let r = chunk.first!
        let rest = chunk.dropFirst()
        if rest.isEmpty { return nil }
        return (r, rest)
    }
}
