import Foundation

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

    static let pattern = #"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#
    // The pattern is a constant known to compile.
    nonisolated(unsafe) static let versionRegex = try! NSRegularExpression(pattern: "^" + pattern + "$")

    /// `semver.NewVersion`.
    public init(parsing text: String) throws {
        let range = NSRange(text.startIndex..., in: text)
        guard let m = Self.versionRegex.firstMatch(in: text, range: range) else {
            throw SemverError("invalid semantic version")
        }
        func group(_ i: Int) -> String {
            guard let r = Range(m.range(at: i), in: text) else { return "" }
            return String(text[r])
        }
        func number(_ s: String) throws -> UInt64 {
            guard let v = UInt64(s) else {
                throw SemverError("Error parsing version segment: strconv.ParseUint: parsing \"\(s)\": value out of range")
            }
            return v
        }
        major = try number(group(1))
        minor = group(2).isEmpty ? 0 : try number(String(group(2).dropFirst()))
        patch = group(3).isEmpty ? 0 : try number(String(group(3).dropFirst()))
        prerelease = group(5)
        metadata = group(8)
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
