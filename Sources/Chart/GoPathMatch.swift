import Values

/// Go's `path.Match` (and `filepath.Match` on Linux): shell patterns with
/// `*` (no `/`), `?`, `[...]` classes and `\` escapes, matched against the
/// whole name. Used by `.helmignore` rules. Works on UTF-8 bytes as Go does:
/// literals compare bytes, `?` and classes consume one rune.
public enum GoPathMatch {
    /// A syntax error in a pattern (Go's `ErrBadPattern`).
    public struct BadPattern: Error, Sendable, CustomStringConvertible {
        public var description: String { "syntax error in pattern" }
    }

    public static func match(_ pattern: String, _ name: String) throws -> Bool {
        try match(bytes: Array(pattern.utf8)[...], Array(name.utf8)[...])
    }

    /// Byte views the matcher slices without reference counting (ArraySlice
    /// copies retained and released their storage at every step).
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `match` on UTF-8 bytes (callers matching many names keep the pattern's bytes).
    static func match(bytes patternBytes: ArraySlice<UInt8>, _ nameBytes: ArraySlice<UInt8>) throws -> Bool {
        try patternBytes.withUnsafeBufferPointer { pattern in
            try nameBytes.withUnsafeBufferPointer { name in try match(pattern[...], name[...]) }
        }
    }

    private static var noBytes: Bytes { UnsafeBufferPointer<UInt8>(start: nil, count: 0)[...] }

    private static func match(_ patternBytes: Bytes, _ nameBytes: Bytes) throws -> Bool {
        var pattern = patternBytes
        var name = nameBytes
        outer: while !pattern.isEmpty {
            let (star, chunk, rest) = scanChunk(pattern)
            pattern = rest
            if star && chunk.isEmpty {
                return !name.contains(0x2F)
            }
            let (t, ok, err) = matchChunk(chunk, name)
            if ok && (t.isEmpty || !pattern.isEmpty) {
                name = t
                continue
            }
            if let err { throw err }
            if star {
                var i = name.startIndex
                while i < name.endIndex && name[i] != 0x2F {
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
                if let e = matchChunk(c, noBytes).2 { throw e }
            }
            return false
        }
        return name.isEmpty
    }

    /// Whether `pattern` is syntactically valid (Go checks by matching it against "abc").
    public static func validate(_ pattern: String) throws {
        _ = try match(pattern, "abc")
    }

    /// Go's `utf8.DecodeRuneInString`: invalid or empty input decodes as U+FFFD of width 1 (0 when empty).
    private static func decodeRune(_ s: Bytes) -> (rune: UInt32, width: Int) {
        guard let first = s.first else { return (0xFFFD, 0) }
        if first < 0x80 { return (UInt32(first), 1) }
        return GoStrconv.decodeRune(Array(s.prefix(4)), 0)
    }

    private static func scanChunk(_ pattern: Bytes) -> (Bool, Bytes, Bytes) {
        var p = pattern
        var star = false
        while p.first == 0x2A {
            p = p.dropFirst()
            star = true
        }
        var inRange = false
        var i = p.startIndex
        scan: while i < p.endIndex {
            switch p[i] {
            case 0x5C:
                if i + 1 < p.endIndex { i += 1 }
            case 0x5B: inRange = true
            case 0x5D: inRange = false
            case 0x2A: if !inRange { break scan }
            default: break
            }
            i += 1
        }
        return (star, p[p.startIndex..<i], p[i...])
    }

    private static func matchChunk(_ chunkIn: Bytes, _ sIn: Bytes) -> (Bytes, Bool, BadPattern?) {
        var chunk = chunkIn
        var s = sIn
        var failed = false
        while let c = chunk.first {
            if !failed && s.isEmpty { failed = true }
            switch c {
            case 0x5B:
                var r: UInt32 = 0
                if !failed {
                    let (rune, width) = decodeRune(s)
                    r = rune
                    s = s.dropFirst(width)
                }
                chunk = chunk.dropFirst()
                var negated = false
                if chunk.first == 0x5E {
                    negated = true
                    chunk = chunk.dropFirst()
                }
                var matched = false
                var ranges = 0
                while true {
                    if chunk.first == 0x5D && ranges > 0 {
                        chunk = chunk.dropFirst()
                        break
                    }
                    guard let (lo, afterLo) = escaped(chunk) else { return (noBytes, false, BadPattern()) }
                    chunk = afterLo
                    var hi = lo
                    if chunk.first == 0x2D {
                        guard let (h, afterHi) = escaped(chunk.dropFirst()) else { return (noBytes, false, BadPattern()) }
                        hi = h
                        chunk = afterHi
                    }
                    if lo <= r && r <= hi { matched = true }
                    ranges += 1
                }
                if matched == negated { failed = true }
            case 0x3F:
                if !failed {
                    if s.first == 0x2F { failed = true }
                    s = s.dropFirst(decodeRune(s).width)
                }
                chunk = chunk.dropFirst()
            case 0x5C:
                chunk = chunk.dropFirst()
                guard let escapedByte = chunk.first else { return (noBytes, false, BadPattern()) }
                if !failed {
                    if escapedByte != s.first { failed = true }
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            default:
                if !failed {
                    if c != s.first { failed = true }
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            }
        }
        if failed { return (noBytes, false, nil) }
        return (s, true, nil)
    }

    /// Go's `getEsc`: one possibly escaped rune of a class; nil on a bad pattern.
    private static func escaped(_ chunkIn: Bytes) -> (UInt32, Bytes)? {
        var chunk = chunkIn
        guard let first = chunk.first, first != 0x2D, first != 0x5D else { return nil }
        if first == 0x5C {
            chunk = chunk.dropFirst()
            if chunk.isEmpty { return nil }
        }
        let (r, width) = decodeRune(chunk)
        if r == 0xFFFD && width == 1 { return nil }
        let rest = chunk.dropFirst(width)
        if rest.isEmpty { return nil }
        return (r, rest)
    }
}
