/// Byte-level scanning of Masterminds/semver v3 constraint text, equivalent to
/// its regular expressions (Go RE2, leftmost-first) without a regex engine:
///
/// - cv: `v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-(ID(\.ID)*))?(\+(ID(\.ID)*))?`,
///   ID = `[0-9A-Za-z\-]+`
/// - range: `\s*(cv)\s+-\s+(cv)\s*`
/// - valid group: `^(\s*(ops)\s*(cv)\s*)((?:\s+|,\s*)(ops)\s*(cv)\s*)*$`
/// - one comparison: `(ops)\s*(cv)`, ops = `=||!=|>|<|>=|=>|<=|=<|~|~>|\^`
///
/// None of cv's characters is whitespace, a comma or an operator character, so
/// every regex above can only succeed with cv taking its greedy (longest) form
/// and ops taking the whole run of operator characters; that makes a single
/// left-to-right pass exact.
enum ConstraintScanner {
    /// The parts of one cv match, as byte ranges into the scanned text.
    struct VersionMatch {
        var range: Range<Int>
        /// Group 3: the major digits (or `x`/`X`/`*`, or `|`: the class has it).
        var major: Range<Int>
        /// Groups 4 and 5 with their leading dot; empty when absent.
        var minor: Range<Int>
        var patch: Range<Int>
        /// Group 6 with its leading `-`; empty when absent.
        var prerelease: Range<Int>
    }

    /// One `(ops)\s*(cv)` match of a group.
    struct ComparisonMatch {
        var op: Range<Int>
        var version: VersionMatch
    }

    /// Go's `\s`: `[\t\n\f\r ]` (no vertical tab, nothing outside ASCII).
    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    /// `[0-9|x|X|\*]`: the class of version numbers, including its literal `|`.
    static func isNumberChar(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == 0x7C || b == 0x78 || b == 0x58 || b == 0x2A
    }

    /// `[0-9A-Za-z\-]`.
    static func isIdentifierChar(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
    }

    static func isOperatorChar(_ b: UInt8) -> Bool {
        b == 0x3D || b == 0x21 || b == 0x3E || b == 0x3C || b == 0x7E || b == 0x5E
    }

    static func skipSpace(_ b: [UInt8], _ i: Int) -> Int {
        var i = i
        while i < b.count && isSpace(b[i]) { i += 1 }
        return i
    }

    /// The greedy cv match starting exactly at `start`, or nil.
    static func version(_ b: [UInt8], at start: Int) -> VersionMatch? {
        var i = start
        guard i < b.count else { return nil }
        if b[i] == 0x76 && i + 1 < b.count && isNumberChar(b[i + 1]) { i += 1 }
        guard i < b.count, isNumberChar(b[i]) else { return nil }
        let majorStart = i
        while i < b.count && isNumberChar(b[i]) { i += 1 }
        let major = majorStart..<i
        func dotted() -> Range<Int> {
            let s = i
            guard i + 1 < b.count, b[i] == 0x2E, isNumberChar(b[i + 1]) else { return s..<s }
            i += 1
            while i < b.count && isNumberChar(b[i]) { i += 1 }
            return s..<i
        }
        /// `marker ID (\.ID)*`, empty when absent.
        func identifiers(after marker: UInt8) -> Range<Int> {
            let s = i
            guard i + 1 < b.count, b[i] == marker, isIdentifierChar(b[i + 1]) else { return s..<s }
            i += 1
            while true {
                while i < b.count && isIdentifierChar(b[i]) { i += 1 }
                guard i + 1 < b.count, b[i] == 0x2E, isIdentifierChar(b[i + 1]) else { break }
                i += 1
            }
            return s..<i
        }
        let minor = dotted()
        let patch = dotted()
        let prerelease = identifiers(after: 0x2D)
        _ = identifiers(after: 0x2B)
        return VersionMatch(range: start..<i, major: major, minor: minor, patch: patch, prerelease: prerelease)
    }

    /// `rewriteRange`: every `A - B` (found left to right, without overlap)
    /// becomes `>= A, <= B ` — replacing the first occurrence of the matched
    /// text in the text rewritten so far, as Go's `strings.Replace(o, m, t, 1)`.
    static func rewriteRanges(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(0x2D) else { return b }
        var matches: [(whole: Range<Int>, from: Range<Int>, to: Range<Int>)] = []
        var p = 0
        while p < b.count {
            if let m = rangeMatch(b, at: p) {
                matches.append(m)
                p = m.whole.upperBound
            } else {
                p += 1
            }
        }
        guard !matches.isEmpty else { return b }
        var out = b
        for m in matches {
            let whole = b[m.whole]
            var replacement: [UInt8] = Array(">= ".utf8)
            replacement += b[m.from]
            replacement += Array(", <= ".utf8)
            replacement += b[m.to]
            replacement.append(0x20)
            if let at = firstIndex(of: whole, in: out) {
                out.replaceSubrange(at..<(at + whole.count), with: replacement)
            }
        }
        return out
    }

    /// `\s*(cv)\s+-\s+(cv)\s*` anchored at `p`.
    static func rangeMatch(_ b: [UInt8], at p: Int) -> (whole: Range<Int>, from: Range<Int>, to: Range<Int>)? {
        let first = skipSpace(b, p)
        guard let from = version(b, at: first) else { return nil }
        var i = skipSpace(b, from.range.upperBound)
        guard i > from.range.upperBound, i < b.count, b[i] == 0x2D else { return nil }
        let afterDash = i + 1
        i = skipSpace(b, afterDash)
        guard i > afterDash, let to = version(b, at: i) else { return nil }
        return (p..<skipSpace(b, to.range.upperBound), from.range, to.range)
    }

    static func firstIndex(of needle: ArraySlice<UInt8>, in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty else { return 0 }
        let first = needle[needle.startIndex]
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Go's `strings.Split(s, "||")`.
    static func splitAlternatives(_ b: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0, i = 0
        while i + 1 < b.count {
            if b[i] == 0x7C && b[i + 1] == 0x7C {
                parts.append(b[start..<i])
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        parts.append(b[start..<b.count])
        return parts
    }

    /// The comparisons of one `||` group when the valid-group regex accepts it
    /// (exactly the matches of the comparison regex then), nil otherwise.
    static func comparisons(_ b: [UInt8]) -> [ComparisonMatch]? {
        var found: [ComparisonMatch] = []
        var i = skipSpace(b, 0)
        while true {
            let opStart = i
            while i < b.count && isOperatorChar(b[i]) { i += 1 }
            guard VersionConstraint.Operator(b[opStart..<i]) != nil else { return nil }
            let op = opStart..<i
            guard let v = version(b, at: skipSpace(b, i)) else { return nil }
            found.append(ComparisonMatch(op: op, version: v))
            let end = v.range.upperBound
            i = skipSpace(b, end)
            if i == b.count { return found }
            if b[i] == 0x2C {
                i = skipSpace(b, i + 1)
            } else if i == end {
                return nil
            }
        }
    }
}
