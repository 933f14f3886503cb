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
        let syntax: RE2Syntax
        do { syntax = try RE2Syntax(pattern) } catch {
            throw FunctionError("error parsing regexp: \(error.code): `\(error.fragment)`")
        }
        do {
            regex = try NSRegularExpression(pattern: syntax.icuPattern, options: [])
        } catch {
            throw FunctionError("error parsing regexp: invalid or unsupported Perl syntax: \(RegexFunctions.goBackquote(pattern))")
        }
        names = syntax.groupNames
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
