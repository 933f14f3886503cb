import Foundation
import Template
import Values

/// Sprig's regex.go over ICU regular expressions (RE2 syntax is close to a
/// subset of ICU's), with Go's `Expand` template syntax for replacements.
enum RegexFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        for must in [false, true] {
            func name(_ n: String) -> String { must ? "must" + n.prefix(1).uppercased() + n.dropFirst() : n }
            t.add(name("regexMatch"), [.string, .string]) { a, _ in
                guard let re = try? GoRegex.cached(a.string(0)) else {
                    if must { _ = try GoRegex.cached(a.string(0)) }
                    return .bool(false)
                }
                return .bool(re.firstMatch(a.string(1)) != nil)
            }
            t.add(name("regexFindAll"), [.string, .string, .int]) { a, _ in
                let re = try compile(a.string(0), must: must)
                let s = a.string(1)
                let matches = re.matches(s, limit: a.int(2))
                return .strings(matches.map { String(s[$0[0]!]) })
            }
            t.add(name("regexFind"), [.string, .string]) { a, _ in
                let re = try compile(a.string(0), must: must)
                let s = a.string(1)
                guard let m = re.firstMatch(s), let r = m[0] else { return .string("") }
                return .string(String(s[r]))
            }
            t.add(name("regexReplaceAll"), [.string, .string, .string]) { a, _ in
                let re = try compile(a.string(0), must: must)
                return .string(re.replaceAll(a.string(1)) { m, s in re.expand(a.string(2), m, s) })
            }
            t.add(name("regexReplaceAllLiteral"), [.string, .string, .string]) { a, _ in
                let re = try compile(a.string(0), must: must)
                return .string(re.replaceAll(a.string(1)) { _, _ in a.string(2) })
            }
            t.add(name("regexSplit"), [.string, .string, .int]) { a, _ in
                let re = try compile(a.string(0), must: must)
                return .strings(re.split(a.string(1), a.int(2), patternEmpty: a.string(0).isEmpty))
            }
        }
        t.add("regexQuoteMeta", [.string]) { a, _ in
            var out = ""
            for ch in a.string(0).unicodeScalars {
                if "\\.+*?()|[]{}^$".unicodeScalars.contains(ch) { out += "\\" }
                out.unicodeScalars.append(ch)
            }
            return .string(out)
        }
    }

    /// `regexp.MustCompile` panics (non-`must` variants) and `regexp.Compile`
    /// errors (`must` variants) both surface as the call's error.
    static func compile(_ pattern: String, must: Bool) throws -> GoRegex {
        do { return try GoRegex.cached(pattern) } catch let e as FunctionError {
            if must { throw e }
            throw FunctionError("regexp: Compile(\(goBackquote(pattern))): \(e.message)")
        }
    }

    static func goBackquote(_ s: String) -> String { s.contains("`") ? GoPrint.quote(s) : "`" + s + "`" }
}

/// Compiled patterns by source text: charts call `regexMatch` & co. with the
/// same few literal patterns many times, and compiling (ICU) dominates a match.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var patterns: [String: GoRegex] = [:]
    private static let capacity = 512

    func get(_ pattern: String) -> GoRegex? {
        lock.lock()
        defer { lock.unlock() }
        return patterns[pattern]
    }

    func put(_ pattern: String, _ regex: GoRegex) {
        lock.lock()
        defer { lock.unlock() }
        if patterns.count >= Self.capacity { patterns.removeAll(keepingCapacity: true) }
        patterns[pattern] = regex
    }
}

/// A compiled pattern; matches are returned as per-group String ranges.
struct GoRegex: Sendable {
    let regex: NSRegularExpression
    let names: [String]

    /// The compiled pattern from `RegexCache`, compiling it on first use.
    static func cached(_ pattern: String) throws -> GoRegex {
        if let hit = RegexCache.shared.get(pattern) { return hit }
        let re = try GoRegex(pattern)
        RegexCache.shared.put(pattern, re)
        return re
    }

    init(_ pattern: String) throws {
        if let (message, text) = GoRegex.syntaxError(pattern) {
            throw FunctionError("error parsing regexp: \(message): \(RegexFunctions.goBackquote(text))")
        }
        do {
            let icu = pattern.isEmpty ? "(?:)" : StringFunctions.replaceAll(pattern, "(?P<", "(?<")
            regex = try NSRegularExpression(pattern: icu, options: [])
        } catch {
            throw FunctionError("error parsing regexp: invalid or unsupported Perl syntax: \(RegexFunctions.goBackquote(pattern))")
        }
        var names: [String] = []
        let b = Array(pattern.utf8)
        var i = 0
        while i + 3 < b.count {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "("), b[i + 1] == UInt8(ascii: "?") {
                var j = i + 2
                if j < b.count, b[j] == UInt8(ascii: "P") { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "<"), j + 1 < b.count, b[j + 1] != UInt8(ascii: "="), b[j + 1] != UInt8(ascii: "!") {
                    if let close = b[(j + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                        names.append(String(decoding: b[(j + 1)..<close], as: UTF8.self))
                    }
                }
            }
            i += 1
        }
        self.names = names
    }

    /// Go's messages for the most common RE2 syntax errors (unbalanced
    /// parentheses and brackets), checked before ICU sees the pattern.
    static func syntaxError(_ pattern: String) -> (String, String)? {
        var depth = 0
        var inClass = false
        var escaped = false
        var classStart = -1
        let b = Array(pattern.utf8)
        for (i, c) in b.enumerated() {
            if escaped { escaped = false; continue }
            if c == UInt8(ascii: "\\") { escaped = true; continue }
            if inClass {
                if c == UInt8(ascii: "]") && i > classStart + 1 && !(i == classStart + 2 && b[classStart + 1] == UInt8(ascii: "^")) { inClass = false }
                continue
            }
            switch c {
            case UInt8(ascii: "["): inClass = true; classStart = i
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { return ("unexpected )", pattern) }
                depth -= 1
            default: break
            }
        }
        if inClass { return ("missing closing ]", String(decoding: b[classStart...], as: UTF8.self)) }
        if escaped { return ("trailing backslash at end of expression", "") }
        if depth > 0 { return ("missing closing )", pattern) }
        return nil
    }

    private func groups(_ m: NSTextCheckingResult, _ s: String) -> [Range<String.Index>?] {
        (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: s) }
    }

    func firstMatch(_ s: String) -> [Range<String.Index>?]? {
        guard let m = regex.firstMatch(in: s, options: [], range: NSRange(s.startIndex..., in: s)) else { return nil }
        return groups(m, s)
    }

    /// Go's `FindAll` (n < 0: all), skipping an empty match right after a previous match.
    func matches(_ s: String, limit: Int) -> [[Range<String.Index>?]] {
        if limit == 0 { return [] }
        var out: [[Range<String.Index>?]] = []
        var previousEnd: String.Index? = nil
        for m in regex.matches(in: s, options: [], range: NSRange(s.startIndex..., in: s)) {
            let g = groups(m, s)
            guard let r = g[0] else { continue }
            if r.isEmpty, let p = previousEnd, r.lowerBound == p { continue }
            out.append(g)
            previousEnd = r.upperBound
            if limit > 0 && out.count >= limit { break }
        }
        return out
    }

    func replaceAll(_ s: String, _ replacement: ([Range<String.Index>?], String) -> String) -> String {
        var out = ""
        var last = s.startIndex
        for g in matches(s, limit: -1) {
            guard let r = g[0] else { continue }
            out += s[last..<r.lowerBound]
            out += replacement(g, s)
            last = r.upperBound
        }
        out += s[last...]
        return out
    }

    /// Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`.
    func expand(_ template: String, _ g: [Range<String.Index>?], _ s: String) -> String {
        var out = ""
        let t = Array(template.unicodeScalars)
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c == "_" || (c.value < 128 && (CharacterSet.alphanumerics.contains(c))) || GoUnicode.isLetter(c) || GoUnicode.isDigit(c)
        }
        while i < t.count {
            if t[i] != "$" { out.unicodeScalars.append(t[i]); i += 1; continue }
            if i + 1 < t.count && t[i + 1] == "$" { out += "$"; i += 2; continue }
            var name = ""
            var j = i + 1
            if j < t.count && t[j] == "{" {
                j += 1
                let start = j
                while j < t.count && isNameChar(t[j]) { j += 1 }
                guard j < t.count, t[j] == "}", j > start else { out += "$"; i += 1; continue }
                name = String(String.UnicodeScalarView(t[start..<j]))
                j += 1
            } else {
                let start = j
                while j < t.count && isNameChar(t[j]) { j += 1 }
                guard j > start else { out += "$"; i += 1; continue }
                name = String(String.UnicodeScalarView(t[start..<j]))
            }
            i = j
            if let n = Int(name), name.allSatisfy({ $0.isASCII && $0.isNumber }) {
                if n < g.count, let r = g[n] { out += s[r] }
            } else if let k = names.firstIndex(of: name), k + 1 < g.count, let r = g[k + 1] {
                out += s[r]
            }
        }
        return out
    }

    /// Go's `Regexp.Split`.
    func split(_ s: String, _ n: Int, patternEmpty: Bool) -> [String] {
        if n == 0 { return [] }
        if !patternEmpty && s.isEmpty { return [""] }
        var parts: [String] = []
        var begin = s.startIndex
        var end = s.startIndex
        for g in matches(s, limit: n) {
            if n > 0 && parts.count == n - 1 { break }
            guard let r = g[0] else { continue }
            end = r.lowerBound
            if r.upperBound != s.startIndex { parts.append(String(s[begin..<end])) }
            begin = r.upperBound
        }
        if end != s.endIndex { parts.append(String(s[begin...])) }
        return parts
    }
}
