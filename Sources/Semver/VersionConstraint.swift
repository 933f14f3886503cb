import Foundation

/// A Masterminds/semver v3 constraint set: `||`-separated groups of
/// comma/space-separated comparisons (`=`, `!=`, `>`, `<`, `>=`, `<=`, `~`,
/// `~>`, `^`), `x`/`*` wildcards and hyphen ranges (`1.2 - 1.4`).
public struct VersionConstraint: Sendable, CustomStringConvertible {
    struct Comparison: Sendable {
        let op: String
        let version: SemanticVersion
        let orig: String
        let minorDirty: Bool
        let patchDirty: Bool
        let dirty: Bool
    }

    let groups: [[Comparison]]
    /// The text the constraint was parsed from.
    public let text: String

    static let cv = #"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#
    static let ops = #"=||!=|>|<|>=|=>|<=|=<|~|~>|\^"#
    // The patterns are constants known to compile.
    nonisolated(unsafe) static let constraintRegex = try! NSRegularExpression(pattern: #"^\s*("# + ops + #")\s*("# + cv + #")\s*$"#)
    nonisolated(unsafe) static let rangeRegex = try! NSRegularExpression(pattern: #"\s*("# + cv + #")\s+-\s+("# + cv + #")\s*"#)
    nonisolated(unsafe) static let findRegex = try! NSRegularExpression(pattern: "(" + ops + #")\s*("# + cv + ")")
    nonisolated(unsafe) static let validRegex = try! NSRegularExpression(
        pattern: #"^(\s*("# + ops + #")\s*("# + cv + #")\s*)((?:\s+|,\s*)("# + ops + #")\s*("# + cv + #")\s*)*$"#)

    public var description: String { text }

    /// `semver.NewConstraint`.
    public init(parsing constraint: String) throws {
        text = constraint
        let rewritten = Self.rewriteRanges(constraint)
        var groups: [[Comparison]] = []
        for part in rewritten.components(separatedBy: "||") {
            let r = NSRange(part.startIndex..., in: part)
            guard Self.validRegex.firstMatch(in: part, range: r) != nil else {
                throw SemverError("improper constraint: \(Self.quoted(part))")
            }
            var found = Self.findRegex.matches(in: part, range: r).compactMap { Range($0.range, in: part).map { String(part[$0]) } }
            if found.isEmpty { found = [part] }
            groups.append(try found.map(Self.parseComparison))
        }
        self.groups = groups
    }

    static func rewriteRanges(_ s: String) -> String {
        let matches = rangeRegex.matches(in: s, range: NSRange(s.startIndex..., in: s))
        var out = s
        for m in matches {
            guard let whole = Range(m.range, in: s), let a = Range(m.range(at: 1), in: s), let b = Range(m.range(at: 11), in: s) else { continue }
            let replacement = ">= \(s[a]), <= \(s[b])"
            if let r = out.range(of: String(s[whole])) { out.replaceSubrange(r, with: replacement) }
        }
        return out
    }

    /// Go's `%q` for the ASCII text of constraints.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func isX(_ s: String) -> Bool { s == "x" || s == "X" || s == "*" }

    static func parseComparison(_ c: String) throws -> Comparison {
        guard !c.isEmpty else {
            return Comparison(op: "", version: SemanticVersion(major: 0, minor: 0, patch: 0), orig: "", minorDirty: false, patchDirty: false, dirty: true)
        }
        guard let m = constraintRegex.firstMatch(in: c, range: NSRange(c.startIndex..., in: c)) else {
            throw SemverError("improper constraint: \(quoted(c))")
        }
        func g(_ i: Int) -> String { Range(m.range(at: i), in: c).map { String(c[$0]) } ?? "" }
        var ver = g(2)
        var minorDirty = false, patchDirty = false, dirty = false
        if isX(g(3)) || g(3).isEmpty {
            ver = "0.0.0" + g(6); dirty = true
        } else if isX(String(g(4).dropFirst())) || g(4).isEmpty {
            minorDirty = true; dirty = true
            ver = g(3) + ".0.0" + g(6)
        } else if isX(String(g(5).dropFirst())) || g(5).isEmpty {
            dirty = true; patchDirty = true
            ver = g(3) + g(4) + ".0" + g(6)
        }
        guard let version = try? SemanticVersion(parsing: ver) else { throw SemverError("constraint Parser Error") }
        return Comparison(op: g(1), version: version, orig: g(2), minorDirty: minorDirty, patchDirty: patchDirty, dirty: dirty)
    }

    /// `Constraints.Check`: true when any `||` group accepts `v`. A
    /// pre-release version only matches a group in which some comparison
    /// names a pre-release.
    public func isSatisfied(by v: SemanticVersion) -> Bool {
        groups.contains { group in
            let includePre = group.contains { !$0.version.prerelease.isEmpty }
            return group.allSatisfy { Self.check(v, $0, includePre: includePre) }
        }
    }

    static func check(_ v: SemanticVersion, _ c: Comparison, includePre: Bool) -> Bool {
        if !v.prerelease.isEmpty && !includePre { return false }
        let con = c.version
        switch c.op {
        case "", "=":
            if c.dirty { return tilde(v, c) }
            return v == con
        case "!=":
            if c.dirty {
                if con.major != v.major { return true }
                if con.minor != v.minor && !c.minorDirty { return true }
                if c.minorDirty { return false }
                if con.patch != v.patch && !c.patchDirty { return true }
                if c.patchDirty {
                    if !v.prerelease.isEmpty || !con.prerelease.isEmpty {
                        return SemanticVersion.comparePrerelease(v.prerelease, con.prerelease) != 0
                    }
                    return false
                }
            }
            return v != con
        case ">":
            if !c.dirty { return v.compare(con) == 1 }
            if v.major > con.major { return true }
            if v.major < con.major { return false }
            if c.minorDirty { return false }
            if c.patchDirty { return v.minor > con.minor }
            return v.compare(con) == 1
        case "<": return v.compare(con) < 0
        case ">=", "=>": return v.compare(con) >= 0
        case "<=", "=<":
            if !c.dirty { return v.compare(con) <= 0 }
            if v.major > con.major { return false }
            if v.major == con.major && v.minor > con.minor && !c.minorDirty { return false }
            return true
        case "~", "~>": return tilde(v, c)
        case "^":
            if v < con { return false }
            if con.major > 0 || c.minorDirty { return v.major == con.major }
            if con.major == 0 && v.major > 0 { return false }
            if con.minor > 0 || c.patchDirty { return v.minor == con.minor }
            if con.minor == 0 && v.minor > 0 { return false }
            return con.patch == v.patch
        default: return false
        }
    }

    static func tilde(_ v: SemanticVersion, _ c: Comparison) -> Bool {
        let con = c.version
        if v < con { return false }
        if con.major == 0 && con.minor == 0 && con.patch == 0 && !c.minorDirty && !c.patchDirty { return true }
        if v.major != con.major { return false }
        if v.minor != con.minor && !c.minorDirty { return false }
        return true
    }
}
