import Values

/// A Masterminds/semver v3 constraint set: `||`-separated groups of
/// comma/space-separated comparisons (`=`, `!=`, `>`, `<`, `>=`, `<=`, `~`,
/// `~>`, `^`), `x`/`*` wildcards and hyphen ranges (`1.2 - 1.4`).
public struct VersionConstraint: Sendable, CustomStringConvertible {
    enum Operator: Sendable {
        case tildeOrEqual, notEqual, greater, less, greaterOrEqual, lessOrEqual, tilde, caret

        /// The operator spelled by `text`, nil when semver has no such operator.
        init?(_ text: ArraySlice<UInt8>) {
            var it = text.makeIterator()
            let a = it.next(), b = it.next()
            guard it.next() == nil else { return nil }
            switch (a, b) {
            case (nil, _), (0x3D, nil): self = .tildeOrEqual           // "" "="
            case (0x21, 0x3D): self = .notEqual                        // "!="
            case (0x3E, nil): self = .greater                          // ">"
            case (0x3C, nil): self = .less                             // "<"
            case (0x3E, 0x3D), (0x3D, 0x3E): self = .greaterOrEqual    // ">=" "=>"
            case (0x3C, 0x3D), (0x3D, 0x3C): self = .lessOrEqual       // "<=" "=<"
            case (0x7E, nil), (0x7E, 0x3E): self = .tilde              // "~" "~>"
            case (0x5E, nil): self = .caret                            // "^"
            default: return nil
            }
        }
    }

    struct Comparison: Sendable {
        let op: Operator
        let version: SemanticVersion
        let orig: String
        let minorDirty: Bool
        let patchDirty: Bool
        let dirty: Bool
    }

    let groups: [[Comparison]]
    /// Per group: some comparison names a pre-release, so pre-release versions may match it.
    let groupIncludesPrerelease: [Bool]
    /// The text the constraint was parsed from.
    public let text: String

    /// `semver.MaxConstraintLen` (bytes) and `semver.MaxConstraintGroups`.
    static let maxLength = 512
    static let maxGroups = 32

    public var description: String { text }

    /// `semver.NewConstraint`, with its error messages.
    public init(parsing constraint: String) throws {
        text = constraint
        let bytes = Array(constraint.utf8)
        guard bytes.count <= Self.maxLength else {
            throw SemverError("constraint string is too long (max \(Self.maxLength) bytes)")
        }
        let parts = ConstraintScanner.splitAlternatives(ConstraintScanner.rewriteRanges(bytes))
        guard parts.count <= Self.maxGroups else {
            throw SemverError("too many constraint groups (max \(Self.maxGroups))")
        }
        var groups: [[Comparison]] = []
        groups.reserveCapacity(parts.count)
        for part in parts {
            let b = Array(part)
            guard let matches = ConstraintScanner.comparisons(b) else {
                throw SemverError("improper constraint: " + GoStrconv.quote(String(decoding: b, as: UTF8.self)))
            }
            groups.append(try matches.map { try Self.comparison($0, in: b) })
        }
        self.groups = groups
        groupIncludesPrerelease = groups.map { $0.contains { !$0.version.prerelease.isEmpty } }
    }

    static func isX(_ b: ArraySlice<UInt8>) -> Bool {
        b.count == 1 && (b.first == 0x78 || b.first == 0x58 || b.first == 0x2A)
    }

    /// `parseConstraint`: wildcards and missing parts make the comparison
    /// "dirty" and are read as zero.
    static func comparison(_ m: ConstraintScanner.ComparisonMatch, in b: [UInt8]) throws -> Comparison {
        guard let op = Operator(b[m.op]) else { throw SemverError("improper constraint: " + GoStrconv.quote(String(decoding: b, as: UTF8.self))) }
        let v = m.version
        let major = b[v.major], minor = b[v.minor], patch = b[v.patch], pre = b[v.prerelease]
        var ver: [UInt8]
        var minorDirty = false, patchDirty = false, dirty = false
        if isX(major) {
            ver = Array("0.0.0".utf8) + pre
            dirty = true
        } else if minor.isEmpty || isX(minor.dropFirst()) {
            ver = Array(major) + Array(".0.0".utf8) + pre
            minorDirty = true; dirty = true
        } else if patch.isEmpty || isX(patch.dropFirst()) {
            ver = Array(major) + Array(minor) + Array(".0".utf8) + pre
            patchDirty = true; dirty = true
        } else {
            ver = Array(b[v.range])
        }
        guard let version = try? SemanticVersion(parsing: String(decoding: ver, as: UTF8.self)) else {
            throw SemverError("constraint parser error")
        }
        return Comparison(op: op, version: version, orig: String(decoding: b[v.range], as: UTF8.self),
                          minorDirty: minorDirty, patchDirty: patchDirty, dirty: dirty)
    }

    /// `Constraints.Check`: true when any `||` group accepts `v`. A
    /// pre-release version only matches a group in which some comparison
    /// names a pre-release.
    public func isSatisfied(by v: SemanticVersion) -> Bool {
        groups.indices.contains { g in
            groups[g].allSatisfy { Self.check(v, $0, includePre: groupIncludesPrerelease[g]) }
        }
    }

    static func check(_ v: SemanticVersion, _ c: Comparison, includePre: Bool) -> Bool {
        if !v.prerelease.isEmpty && !includePre { return false }
        let con = c.version
        switch c.op {
        case .tildeOrEqual:
            if c.dirty { return tilde(v, c) }
            return v == con
        case .notEqual:
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
        case .greater:
            if !c.dirty { return v.compare(con) == 1 }
            if v.major > con.major { return true }
            if v.major < con.major { return false }
            if c.minorDirty { return false }
            if c.patchDirty { return v.minor > con.minor }
            return v.compare(con) == 1
        case .less: return v.compare(con) < 0
        case .greaterOrEqual: return v.compare(con) >= 0
        case .lessOrEqual:
            if !c.dirty { return v.compare(con) <= 0 }
            if v.major > con.major { return false }
            if v.major == con.major && v.minor > con.minor && !c.minorDirty { return false }
            return true
        case .tilde: return tilde(v, c)
        case .caret:
            if v < con { return false }
            if con.major > 0 || c.minorDirty { return v.major == con.major }
            if con.major == 0 && v.major > 0 { return false }
            if con.minor > 0 || c.patchDirty { return v.minor == con.minor }
            if con.minor == 0 && v.minor > 0 { return false }
            return con.patch == v.patch
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
