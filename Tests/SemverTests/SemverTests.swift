import Testing
@testable import Semver

/// Masterminds/semver v3 semantics; expected values from Helm v4
/// (`semverCompare`, `semver`, `.Compare`) via helm-oracle.
@Suite struct SemverTests {
    static let constraintCases: [(String, String, Bool)] = [
        (">=1.2.0", "1.3.0", true),
        (">=1.2.0", "1.1.9", false),
        ("=1.2.3", "1.2.3", true),
        ("!=1.2.3", "1.2.3", false),
        ("!=1.2.3", "1.2.4", true),
        ("^1.2", "1.9.0", true),
        ("^1.2", "2.0.0", false),
        ("~1.2.3", "1.2.9", true),
        ("~1.2.3", "1.3.0", false),
        ("^0.2.3", "0.3.0", false),
        ("^0.2.3", "0.2.9", true),
        ("^0.0.3", "0.0.3", true),
        ("^0.0.3", "0.0.4", false),
        ("^0", "0.9.0", true),
        ("^0", "1.0.0", false),
        ("1.x", "1.5.0", true),
        ("1.2.*", "1.3.0", false),
        ("1.2.*", "1.2.7", true),
        ("*", "0.0.1", true),
        ("x", "9.9.9", true),
        (">1.0 <2.0", "1.5.0", true),
        (">1.0 <2.0", "2.0.0", false),
        ("1.0 - 2.0", "2.0.5", true),
        ("1.0 - 2.0", "2.1.0", false),
        ("1.2.3 - 2.3.4", "1.2.2", false),
        ("<1.0 || >=3.0", "3.1.0", true),
        ("<1.0 || >=3.0", "2.0.0", false),
        (">= 1.2, < 1.4", "1.3.0", true),
        (">=1.2,<1.4", "1.4.0", false),
        (">=1.0.0-0", "1.0.0-alpha", true),
        (">=1.0.0", "1.0.0-alpha", false),
        (">=1.0.0-0 <2.0.0", "1.5.0-beta", true),
        (">1.2", "1.2.9", false),
        (">1.2", "1.3.0", true),
        (">1", "1.9.0", false),
        (">1", "2.0.0", true),
        ("<=1.2", "1.2.9", true),
        ("<=1.2", "1.3.0", false),
        ("<1.2", "1.1.99", true),
        ("<1.2", "1.2.0", false),
        ("~1", "1.9.9", true),
        ("~1", "2.0.0", false),
        ("~>1.2", "1.2.5", true),
        ("~0.0.0", "5.0.0", true),
        ("!=1.2.x", "1.2.5", false),
        ("!=1.2.x", "1.3.0", true),
        ("!=1.x", "1.3.0", false),
        ("!=1.x", "2.0.0", true),
        ("=>1.0, =<2.0", "2.0.0", true),
        ("v1.2.3", "1.2.3", true),
        ("1.2.3", "v1.2.3", true),
        (">=1.19.0-0", "v1.31.0", true),
        (">=1.19.0-0", "1.31.0-gke.100", true),
        ("^1.2.3-beta.2", "1.2.3-beta.10", true),
        ("^1.2.3-beta.2", "1.2.4-beta.1", true),
        ("<1.2.3-beta", "1.2.3-alpha", true),
        ("=1.2.3-alpha", "1.2.3-alpha", true),
        ("1.2.3+build", "1.2.3", true),
        (">1.2.3-alpha.1", "1.2.3-alpha.beta", true),
        (">1.2.3-alpha.1", "1.2.3-alpha.0", false),
        (">=0.0.0", "0.0.0", true),
        ("^1.x", "1.5.0", true),
        ("~1.x", "1.5.0", true),
        (">=1.2.3 <=1.2.3", "1.2.3", true),
        ("1.2.3 - 1.4", "1.4.9", true),
    ]

    @Test func constraintsMatchHelm() throws {
        for (constraint, version, expected) in Self.constraintCases {
            let c = try VersionConstraint(parsing: constraint)
            let v = try SemanticVersion(parsing: version)
            #expect(c.isSatisfied(by: v) == expected, "\(constraint) vs \(version)")
        }
    }

    static let comparisons: [(String, String, Int, String)] = [
        ("1.2.3", "1.2.4", -1, "1.2.3"),
        ("1.2.3-alpha", "1.2.3", -1, "1.2.3-alpha"),
        ("1.2.3-alpha.10", "1.2.3-alpha.9", 1, "1.2.3-alpha.10"),
        ("1.2.3-alpha.1", "1.2.3-alpha.beta", -1, "1.2.3-alpha.1"),
        ("1.2.3-1", "1.2.3-alpha", -1, "1.2.3-1"),
        ("1.2.3+a", "1.2.3+b", 0, "1.2.3+a"),
        ("v2", "2.0.0", 0, "2.0.0"),
        ("1.0.0-rc.1", "1.0.0-rc.1.1", -1, "1.0.0-rc.1"),
        ("10.0.0", "9.99.99", 1, "10.0.0"),
        ("0.0.1-a-b", "0.0.1-a", 1, "0.0.1-a-b"),
    ]

    @Test func comparisonAndPrinting() throws {
        for (a, b, expected, printed) in Self.comparisons {
            let va = try SemanticVersion(parsing: a), vb = try SemanticVersion(parsing: b)
            #expect(va.compare(vb) == expected, "\(a) vs \(b)")
            #expect(va.description == printed)
        }
    }

    static let invalidVersions: [(String, String)] = [
        ("x.y.z", "invalid semantic version"),
        ("1.2.3.4", "invalid semantic version"),
        ("01.2.3-", "invalid semantic version"),
        ("1.2.3-01", "version segment starts with 0"),
        ("", "invalid semantic version"),
        ("v", "invalid semantic version"),
        ("1.2.3-a..b", "invalid semantic version"),
    ]

    @Test func invalidVersions() {
        for (text, message) in Self.invalidVersions {
            #expect(throws: SemverError(message)) { try SemanticVersion(parsing: text) }
        }
    }

    static let invalidConstraints: [(String, String)] = [
        (">>1.0", "improper constraint: \">>1.0\""),
        ("1.0 ||", "improper constraint: \"\""),
        ("~", "improper constraint: \"~\""),
        ("1.2.3 -- 1.4", "improper constraint: \"1.2.3 -- 1.4\""),
        ("a", "improper constraint: \"a\""),
    ]

    @Test func invalidConstraints() {
        for (text, message) in Self.invalidConstraints {
            #expect(throws: SemverError(message)) { try VersionConstraint(parsing: text) }
        }
    }
}
