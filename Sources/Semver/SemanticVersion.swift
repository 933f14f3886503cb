/// Errors from version and constraint parsing, with Masterminds/semver's messages.
public struct SemverError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A semantic version as Masterminds/semver v3 parses it (`NewVersion`):
/// SemVer 2 plus the loose forms `v1.2.3`, `1.2`, `1`.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: UInt64
    public let minor: UInt64
    public let patch: UInt64
    public let prerelease: String
    public let metadata: String
    /// The text the version was parsed from.
    public let original: String

    public init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String = "", metadata: String = "", original: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
        self.original = original ?? Self.render(major, minor, patch, prerelease, metadata)
    }

    /// `semver.NewVersion`: `^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-(IDENT(\.IDENT)*))?(\+(IDENT(\.IDENT)*))?$`
    /// (IDENT = `[0-9A-Za-z-]+`), matched by hand: no regex engine to start for every Chart.yaml.
    public init(parsing text: String) throws {
        let bytes = Array(text.utf8)
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isIdent(_ b: UInt8) -> Bool {
            isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
        }
        func run(_ accept: (UInt8) -> Bool) -> String {
            let start = i
            while i < bytes.count && accept(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        /// `.[0-9]+`, or "" (and nothing consumed) when absent.
        func dottedNumber() -> String {
            guard i + 1 < bytes.count, bytes[i] == 0x2E, isDigit(bytes[i + 1]) else { return "" }
            i += 1
            return run(isDigit)
        }
        /// `IDENT(.IDENT)*` after `marker`; "" when `marker` is absent, nil when the text breaks the pattern.
        func identifiers(after marker: UInt8) -> String? {
            guard i < bytes.count, bytes[i] == marker else { return "" }
            i += 1
            let start = i
            while true {
                guard i < bytes.count, isIdent(bytes[i]) else { return nil }
                _ = run(isIdent)
                guard i < bytes.count, bytes[i] == 0x2E else { break }
                i += 1
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        if i < bytes.count && bytes[i] == 0x76 { i += 1 }
        let majorText = run(isDigit)
        let minorText = dottedNumber()
        let patchText = dottedNumber()
        guard !majorText.isEmpty, let pre = identifiers(after: 0x2D), let meta = identifiers(after: 0x2B),
              i == bytes.count else {
            throw SemverError("invalid semantic version")
        }
        func number(_ s: String) throws -> UInt64 {
            guard let v = UInt64(s) else {
                throw SemverError("Error parsing version segment: strconv.ParseUint: parsing \"\(s)\": value out of range")
            }
            return v
        }
        major = try number(majorText)
        minor = minorText.isEmpty ? 0 : try number(minorText)
        patch = patchText.isEmpty ? 0 : try number(patchText)
        prerelease = pre
        metadata = meta
        original = text
        if !prerelease.isEmpty {
            for part in prerelease.split(separator: ".", omittingEmptySubsequences: false) {
                if part.allSatisfy({ $0.isASCII && $0.isNumber }) && part.count > 1 && part.hasPrefix("0") {
                    throw SemverError("version segment starts with 0")
                }
            }
        }
    }

    static func render(_ major: UInt64, _ minor: UInt64, _ patch: UInt64, _ pre: String, _ meta: String) -> String {
        var s = "\(major).\(minor).\(patch)"
        if !pre.isEmpty { s += "-" + pre }
        if !meta.isEmpty { s += "+" + meta }
        return s
    }

    /// `Version.String()`: normalised `MAJOR.MINOR.PATCH[-PRE][+META]`.
    public var description: String { Self.render(major, minor, patch, prerelease, metadata) }

    private var vPrefix: String { original.hasPrefix("v") ? "v" : "" }

    public func incrementingPatch() -> SemanticVersion {
        let p = prerelease.isEmpty ? patch + 1 : patch
        let n = SemanticVersion(major: major, minor: minor, patch: p)
        return SemanticVersion(major: major, minor: minor, patch: p, original: vPrefix + n.description)
    }
    public func incrementingMinor() -> SemanticVersion {
        let n = SemanticVersion(major: major, minor: minor + 1, patch: 0)
        return SemanticVersion(major: major, minor: minor + 1, patch: 0, original: vPrefix + n.description)
    }
    public func incrementingMajor() -> SemanticVersion {
        let n = SemanticVersion(major: major + 1, minor: 0, patch: 0)
        return SemanticVersion(major: major + 1, minor: 0, patch: 0, original: vPrefix + n.description)
    }

    /// `Version.Compare`: -1, 0, 1 by precedence (metadata ignored).
    public func compare(_ o: SemanticVersion) -> Int {
        if major != o.major { return major < o.major ? -1 : 1 }
        if minor != o.minor { return minor < o.minor ? -1 : 1 }
        if patch != o.patch { return patch < o.patch ? -1 : 1 }
        if prerelease.isEmpty && o.prerelease.isEmpty { return 0 }
        if prerelease.isEmpty { return 1 }
        if o.prerelease.isEmpty { return -1 }
        return Self.comparePrerelease(prerelease, o.prerelease)
    }

    static func comparePrerelease(_ a: String, _ b: String) -> Int {
        let sp = a.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let op = b.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for i in 0..<max(sp.count, op.count) {
            let d = comparePart(i < sp.count ? sp[i] : "", i < op.count ? op[i] : "")
            if d != 0 { return d }
        }
        return 0
    }

    static func comparePart(_ s: String, _ o: String) -> Int {
        if s == o { return 0 }
        if s.isEmpty { return -1 }
        if o.isEmpty { return 1 }
        let oi = UInt64(o), si = UInt64(s)
        switch (si, oi) {
        case (nil, nil): return Array(s.utf8).lexicographicallyPrecedes(Array(o.utf8)) ? -1 : 1
        case (_?, nil): return -1
        case (nil, _?): return 1
        case (let x?, let y?): return x > y ? 1 : -1
        }
    }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool { a.compare(b) < 0 }
    public static func == (a: SemanticVersion, b: SemanticVersion) -> Bool { a.compare(b) == 0 }
    public func hash(into h: inout Hasher) {
        h.combine(major); h.combine(minor); h.combine(patch); h.combine(prerelease)
    }
}
