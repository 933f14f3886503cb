import Template
import Values

/// Sprig's string functions (strings.go, goutils, xstrings).
enum StringFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("hello", []) { _, _ in .string("Hello!") }
        t.add("trim", [.string]) { a, _ in .string(trimSpace(a.string(0))) }
        t.add("trimAll", [.string, .string]) { a, _ in .string(trim(a.string(1), cutset: a.string(0))) }
        t.add("trimall", [.string, .string]) { a, _ in .string(trim(a.string(1), cutset: a.string(0))) }
        t.add("trimSuffix", [.string, .string]) { a, _ in
            let (suffix, s) = (a.string(0), a.string(1))
            return .string(s.utf8.count >= suffix.utf8.count && s.hasSuffix(suffix) && !suffix.isEmpty
                ? String(decoding: Array(s.utf8).dropLast(suffix.utf8.count), as: UTF8.self) : s)
        }
        t.add("trimPrefix", [.string, .string]) { a, _ in
            let (prefix, s) = (a.string(0), a.string(1))
            return .string(!prefix.isEmpty && s.hasPrefix(prefix)
                ? String(decoding: Array(s.utf8).dropFirst(prefix.utf8.count), as: UTF8.self) : s)
        }
        t.add("upper", [.string]) { a, _ in .string(GoUnicode.map(a.string(0), GoUnicode.toUpper)) }
        t.add("lower", [.string]) { a, _ in .string(GoUnicode.map(a.string(0), GoUnicode.toLower)) }
        t.add("title", [.string]) { a, _ in .string(title(a.string(0))) }
        t.add("untitle", [.string]) { a, _ in .string(untitle(a.string(0))) }
        t.add("substr", [.int, .int, .string]) { a, _ in try .string(substring(a.int(0), a.int(1), a.string(2))) }
        t.add("repeat", [.int, .string]) { a, _ in
            let n = a.int(0)
            guard n >= 0 else { throw FunctionError("strings: negative Repeat count") }
            return .string(String(repeating: a.string(1), count: n))
        }
        t.add("nospace", [.string]) { a, _ in
            var out = String.UnicodeScalarView()
            for s in a.string(0).unicodeScalars where !GoUnicode.isSpace(s) { out.append(s) }
            return .string(String(out))
        }
        t.add("trunc", [.int, .string]) { a, _ in .string(trunc(a.int(0), a.string(1))) }
        t.add("abbrev", [.int, .string]) { a, _ in
            let (w, s) = (a.int(0), a.string(1))
            if w < 4 { return .string(s) }
            return .string(abbreviate(s, offset: 0, maxWidth: w))
        }
        t.add("abbrevboth", [.int, .int, .string]) { a, _ in
            let (left, right, s) = (a.int(0), a.int(1), a.string(2))
            if right < 4 || (left > 0 && right < 7) { return .string(s) }
            return .string(abbreviate(s, offset: left, maxWidth: right))
        }
        t.add("initials", [.string]) { a, _ in
            var out = String.UnicodeScalarView()
            var gap = true
            for s in a.string(0).unicodeScalars {
                if GoUnicode.isSpace(s) { gap = true } else if gap { out.append(s); gap = false }
            }
            return .string(String(out))
        }
        let random = options.randomBytes
        t.add("randAlphaNum", [.int]) { a, _ in try .string(randomString(a.int(0), charset: alphaNum, random)) }
        t.add("randAlpha", [.int]) { a, _ in try .string(randomString(a.int(0), charset: alpha, random)) }
        t.add("randNumeric", [.int]) { a, _ in try .string(randomString(a.int(0), charset: numeric, random)) }
        t.add("randAscii", [.int]) { a, _ in try .string(randomString(a.int(0), charset: ascii, random)) }
        t.add("swapcase", [.string]) { a, _ in
            .string(GoUnicode.map(a.string(0)) { s in
                if GoUnicode.isUpper(s) || GoUnicode.isTitle(s) { return GoUnicode.toLower(s) }
                if GoUnicode.isLower(s) { return GoUnicode.toUpper(s) }
                return s
            })
        }
        t.add("shuffle", [.string]) { a, _ in
            var scalars = Array(a.string(0).unicodeScalars)
            var i = scalars.count - 1
            while i > 0 {
                let j = RandomSource.int(below: i + 1, random)
                scalars.swapAt(i, j)
                i -= 1
            }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars)
            return .string(String(out))
        }
        t.add("snakecase", [.string]) { a, _ in .string(CaseConversion.toLowerWords(a.string(0), connector: "_")) }
        t.add("kebabcase", [.string]) { a, _ in .string(CaseConversion.toLowerWords(a.string(0), connector: "-")) }
        t.add("camelcase", [.string]) { a, _ in .string(CaseConversion.toPascalCase(a.string(0))) }
        t.add("wrap", [.int, .string]) { a, _ in .string(wrap(a.string(1), a.int(0), newline: "\n", wrapLongWords: false)) }
        t.add("wrapWith", [.int, .string, .string]) { a, _ in
            .string(wrap(a.string(2), a.int(0), newline: a.string(1), wrapLongWords: true))
        }
        t.add("contains", [.string, .string]) { a, _ in .bool(contains(a.string(1), a.string(0))) }
        t.add("hasPrefix", [.string, .string]) { a, _ in .bool(a.string(1).utf8.starts(with: a.string(0).utf8)) }
        t.add("hasSuffix", [.string, .string]) { a, _ in .bool(Array(a.string(1).utf8).reversed().starts(with: Array(a.string(0).utf8).reversed())) }
        t.add("quote", [], variadic: .any) { a, _ in
            .string(a.filter { !$0.isNull }.map { GoPrint.quote(Cast.toString($0)) }.joined(separator: " "))
        }
        t.add("squote", [], variadic: .any) { a, _ in
            .string(a.filter { !$0.isNull }.map { "'" + GoPrint.value($0) + "'" }.joined(separator: " "))
        }
        t.add("cat", [], variadic: .any) { a, _ in
            .string(a.filter { !$0.isNull }.map { GoPrint.value($0) }.joined(separator: " "))
        }
        t.add("indent", [.int, .string]) { a, _ in try .string(indent(a.int(0), a.string(1))) }
        t.add("nindent", [.int, .string]) { a, _ in try .string(indent(a.int(0), a.string(1), leadingNewline: true)) }
        t.add("replace", [.string, .string, .string]) { a, _ in .string(replaceAll(a.string(2), a.string(0), a.string(1))) }
        t.add("plural", [.string, .string, .int]) { a, _ in .string(a.int(2) == 1 ? a.string(0) : a.string(1)) }
        t.add("toString", [.any]) { a, _ in .string(Cast.toString(a.arg(0))) }
        t.add("toStrings", [.any]) { a, _ in .strings(stringSlice(a.arg(0))) }
        t.add("split", [.string, .string]) { a, _ in
            var m: [String: Value] = [:]
            for (i, p) in split(a.string(1), a.string(0), limit: -1).enumerated() { m["_\(i)"] = .string(p) }
            return .map(ValueMap(m, goTypeName: "map[string]string"))
        }
        t.add("splitList", [.string, .string]) { a, _ in .strings(split(a.string(1), a.string(0), limit: -1)) }
        t.add("splitn", [.string, .int, .string]) { a, _ in
            var m: [String: Value] = [:]
            for (i, p) in split(a.string(2), a.string(0), limit: a.int(1)).enumerated() { m["_\(i)"] = .string(p) }
            return .map(ValueMap(m, goTypeName: "map[string]string"))
        }
        t.add("join", [.string, .any]) { a, _ in .string(stringSlice(a.arg(1)).joined(separator: a.string(0))) }
        t.add("sortAlpha", [.any]) { a, _ in
            switch a.arg(0) {
            case .list, .bytes, .object(_) where GoReflect.sliceElements(a.arg(0)) != nil:
                return .strings(stringSlice(a.arg(0)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            default:
                return .strings([Cast.toString(a.arg(0))])
            }
        }
    }

    // MARK: - Go strings package

    static func trimSpace(_ s: String) -> String { GoSpace.trim(s) }

    /// `strings.Trim` on the UTF-8 bytes for an ASCII cutset (nil otherwise):
    /// a non-ASCII byte is never in such a cutset, so byte positions are exact.
    static func trimASCII(_ s: String, cutset: String) -> String? {
        var cut: (UInt64, UInt64) = (0, 0)
        for b in cutset.utf8 {
            if b >= 0x80 { return nil }
            if b < 64 { cut.0 |= 1 << UInt64(b) } else { cut.1 |= 1 << UInt64(b - 64) }
        }
        func isCut(_ b: UInt8) -> Bool {
            if b >= 0x80 { return false }
            return b < 64 ? cut.0 & (1 << UInt64(b)) != 0 : cut.1 & (1 << UInt64(b - 64)) != 0
        }
        let utf8 = s.utf8
        var lo = utf8.startIndex, hi = utf8.endIndex
        while lo < hi && isCut(utf8[lo]) { lo = utf8.index(after: lo) }
        while hi > lo {
            let before = utf8.index(before: hi)
            if !isCut(utf8[before]) { break }
            hi = before
        }
        if lo == utf8.startIndex && hi == utf8.endIndex { return s }
        return String(s[lo..<hi])
    }

    static func trim(_ s: String, cutset: String) -> String {
        if let trimmed = trimASCII(s, cutset: cutset) { return trimmed }
        let cut = Set(cutset.unicodeScalars)
        let scalars = Array(s.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi && cut.contains(scalars[lo]) { lo += 1 }
        while hi > lo && cut.contains(scalars[hi - 1]) { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lo..<hi])
        return String(out)
    }

    static func contains(_ s: String, _ sub: String) -> Bool {
        if sub.isEmpty { return true }
        return indexOf(Array(s.utf8), Array(sub.utf8), from: 0) != nil
    }

    static func indexOf(_ hay: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        if needle.isEmpty { return start <= hay.count ? start : nil }
        var i = start
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == needle[0] {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// `strings.Replace(s, old, new, -1)`.
    static func replaceAll(_ s: String, _ old: String, _ new: String) -> String {
        if old.isEmpty {
            var out = new
            for scalar in s.unicodeScalars {
                out.unicodeScalars.append(scalar)
                out += new
            }
            return out
        }
        let hay = Array(s.utf8), needle = Array(old.utf8), replacement = Array(new.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(hay.count)
        var i = 0
        while let j = indexOf(hay, needle, from: i) {
            out.append(contentsOf: hay[i..<j])
            out.append(contentsOf: replacement)
            i = j + needle.count
        }
        out.append(contentsOf: hay[i...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `strings.SplitN` (limit -1: all).
    static func split(_ s: String, _ sep: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if sep.isEmpty {
            var parts = s.unicodeScalars.map { String($0) }
            if limit > 0 && parts.count > limit {
                let tail = parts[(limit - 1)...].joined()
                parts = Array(parts[..<(limit - 1)]) + [tail]
            }
            return parts
        }
        let hay = Array(s.utf8), needle = Array(sep.utf8)
        var parts: [String] = []
        var i = 0
        while limit < 0 || parts.count < limit - 1, let j = indexOf(hay, needle, from: i) {
            parts.append(String(decoding: hay[i..<j], as: UTF8.self))
            i = j + needle.count
        }
        parts.append(String(decoding: hay[i...], as: UTF8.self))
        return parts
    }

    static func title(_ s: String) -> String {
        var previous: Unicode.Scalar = " "
        return GoUnicode.map(s) { r in
            let separator = isTitleSeparator(previous)
            previous = r
            return separator ? GoUnicode.toTitle(r) : r
        }
    }

    private static func isTitleSeparator(_ r: Unicode.Scalar) -> Bool {
        if r.value <= 0x7F {
            switch r {
            case "0"..."9", "a"..."z", "A"..."Z", "_": return false
            default: return true
            }
        }
        if GoUnicode.isLetter(r) || GoUnicode.isDigit(r) { return false }
        return GoUnicode.isSpace(r)
    }

    static func untitle(_ s: String) -> String {
        var capitalizeNext = true
        return GoUnicode.map(s) { r in
            if GoUnicode.isSpace(r) { capitalizeNext = true; return r }
            if capitalizeNext { capitalizeNext = false; return GoUnicode.toLower(r) }
            return r
        }
    }

    static func substring(_ start: Int, _ end: Int, _ s: String) throws -> String {
        let bytes = GoBytes.bytes(of: s)
        if start < 0 {
            guard end >= 0 else { throw FunctionError("runtime error: slice bounds out of range [:\(end)]") }
            guard end <= bytes.count else {
                throw FunctionError("runtime error: slice bounds out of range [:\(end)] with length \(bytes.count)")
            }
            return GoBytes.string(bytes[..<end])
        }
        if end < 0 || end > bytes.count {
            guard start <= bytes.count else {
                throw FunctionError("runtime error: slice bounds out of range [\(start):\(bytes.count)]")
            }
            return GoBytes.string(bytes[start...])
        }
        guard start <= end else { throw FunctionError("runtime error: slice bounds out of range [\(start):\(end)]") }
        return GoBytes.string(bytes[start..<end])
    }

    static func trunc(_ c: Int, _ s: String) -> String {
        let bytes = GoBytes.bytes(of: s)
        if c < 0 && bytes.count + c > 0 { return GoBytes.string(bytes[(bytes.count + c)...]) }
        if c >= 0 && bytes.count > c { return GoBytes.string(bytes[..<c]) }
        return s
    }

    /// goutils `AbbreviateFull` (byte offsets, like Go).
    static func abbreviate(_ s: String, offset: Int, maxWidth: Int) -> String {
        let b = Array(s.utf8)
        func str(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        if b.isEmpty || maxWidth < 4 { return "" }
        if b.count <= maxWidth { return s }
        var offset = min(offset, b.count)
        if b.count - offset < maxWidth - 3 { offset = b.count - (maxWidth - 3) }
        if offset <= 4 { return str(0..<(maxWidth - 3)) + "..." }
        if maxWidth < 7 { return "" }
        if offset + maxWidth - 3 < b.count {
            return "..." + abbreviate(str(offset..<b.count), offset: 0, maxWidth: maxWidth - 3)
        }
        return "..." + str((b.count - (maxWidth - 3))..<b.count)
    }

    /// goutils `WrapCustom` (byte-based, breaks at ASCII spaces).
    static func wrap(_ s: String, _ length: Int, newline: String, wrapLongWords: Bool) -> String {
        if s.isEmpty { return "" }
        let nl = newline.isEmpty ? Array("\n".utf8) : Array(newline.utf8)
        let wrapLength = max(1, length)
        let b = Array(s.utf8)
        let space = UInt8(ascii: " ")
        var out: [UInt8] = []
        var offset = 0
        while b.count - offset > wrapLength {
            if b[offset] == space { offset += 1; continue }
            let end = min(wrapLength + offset + 1, b.count)
            var spaceAt = -1
            var k = end - 1
            while k >= offset { if b[k] == space { spaceAt = k; break }; k -= 1 }
            if spaceAt >= offset {
                out.append(contentsOf: b[offset..<spaceAt]); out.append(contentsOf: nl)
                offset = spaceAt + 1
            } else if wrapLongWords {
                out.append(contentsOf: b[offset..<(offset + wrapLength)]); out.append(contentsOf: nl)
                offset += wrapLength
            } else {
                let from = wrapLength + offset
                if let idx = b[from...].firstIndex(of: space) {
                    out.append(contentsOf: b[offset..<idx]); out.append(contentsOf: nl)
                    offset = idx + 1
                } else {
                    out.append(contentsOf: b[offset...])
                    offset = b.count
                }
            }
        }
        if offset < b.count { out.append(contentsOf: b[offset...]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Sprig's `indent` (`pad + strings.Replace(s, "\n", "\n"+pad, -1)`), and
    /// `nindent` with `leadingNewline`, written in one pass into one buffer.
    static func indent(_ n: Int, _ s: String, leadingNewline: Bool = false) throws -> String {
        guard n >= 0 else { throw FunctionError("strings: negative Repeat count") }
        var s = s
        return s.withUTF8 { bytes -> String in
            let newlines = ByteSearch.count(of: 0x0A, in: bytes, range: 0..<bytes.count)
            let capacity = bytes.count + (newlines + 1) * n + (leadingNewline ? 1 : 0)
            return String(unsafeUninitializedCapacity: capacity) { out -> Int in
                var o = 0
                if leadingNewline {
                    out[o] = 0x0A
                    o += 1
                }
                for _ in 0..<n {
                    out[o] = 0x20
                    o += 1
                }
                var copied = 0
                while let nl = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: copied) {
                    let line = UnsafeBufferPointer(rebasing: bytes[copied...nl])
                    _ = UnsafeMutableBufferPointer(rebasing: out[o..<(o + line.count)]).initialize(from: line)
                    o += line.count
                    for _ in 0..<n {
                        out[o] = 0x20
                        o += 1
                    }
                    copied = nl + 1
                }
                let tail = UnsafeBufferPointer(rebasing: bytes[copied...])
                _ = UnsafeMutableBufferPointer(rebasing: out[o..<(o + tail.count)]).initialize(from: tail)
                o += tail.count
                return o
            }
        }
    }

    /// Sprig's `strslice`: lists become their non-nil elements' strings, nil an
    /// empty list, anything else a one-element list.
    static func stringSlice(_ v: Value) -> [String] {
        switch v {
        case .list(let l, _): return l.filter { !$0.isNull }.map(Cast.toString)
        case .bytes(let b): return b.map { String($0) }
        case .object(let o) where o.goKind == "slice" || o.goKind == "array":
            return (o.jsonValue().listValue ?? []).filter { !$0.isNull }.map(Cast.toString)
        case .null: return []
        default: return [Cast.toString(v)]
        }
    }

    static let alpha = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
    static let numeric = Array("0123456789".unicodeScalars)
    static let alphaNum = alpha + numeric
    static let ascii = (32...126).compactMap { Unicode.Scalar(UInt32($0)) }

    static func randomString(_ count: Int, charset: [Unicode.Scalar], _ random: @Sendable (Int) -> [UInt8]) throws -> String {
        if count <= 0 { return "" }
        var out = String.UnicodeScalarView()
        for _ in 0..<count { out.append(charset[RandomSource.int(below: charset.count, random)]) }
        return String(out)
    }
}

/// Uniform integers from the injected byte source.
enum RandomSource {
    static func int(below n: Int, _ random: @Sendable (Int) -> [UInt8]) -> Int {
        guard n > 1 else { return 0 }
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let bytes = random(8)
            var v: UInt64 = 0
            for b in bytes { v = v << 8 | UInt64(b) }
            if v < limit { return Int(v % bound) }
        }
    }
}
