import Testing
@testable import Semver

/// The constraint grammar (ranges, separators, wildcards, whitespace, limits)
/// as Helm v4's Masterminds/semver reads it; expected values from
/// `semverCompare` rendered by helm-oracle.
@Suite struct ConstraintGrammarTests {
    static let accepted: [(String, String, Bool)] = [
        (">=1.2, <2", "1.5.0", true),
        (">=1.2,<2", "2.0.0", false),
        (">=1.2 ,<2", "1.9.9", true),
        (">=1.2 , <2", "1.1.0", false),
        (" 1.2 - 1.4 ", "1.4.5", true),
        ("1.2 - 1.4", "1.5.0", false),
        ("1.0 - 2.0 || 3.0 - 4.0", "3.5.0", true),
        ("1.2.3-beta - 1.3", "1.2.3-beta.2", true),
        ("1.2.3\t-\t1.4", "1.3.0", true),
        ("1 - 2||3", "3.0.0", true),
        ("1 - 2||3", "2.5.0", true),
        ("=>1.2", "1.2.0", true),
        ("=<1.2", "1.2.5", true),
        ("=<1.2", "1.3.0", false),
        ("~>1.2", "1.2.9", true),
        ("~>1.2", "1.3.0", false),
        ("v1.2.3", "1.2.3", true),
        ("1.x.x", "1.9.0", true),
        ("*", "5.0.0", true),
        ("x", "0.0.1", true),
        ("X", "1.0.0", true),
        ("1.2.*", "1.2.7", true),
        ("1.2.3+meta", "1.2.3", true),
        ("!=1.2.x", "1.2.5", false),
        ("!=1.x", "2.0.0", true),
        (">1.x", "2.0.0", true),
        ("<=1.x", "1.9.0", true),
        ("^0.0", "0.0.5", true),
        ("^0", "0.5.0", true),
        ("^0.0.3", "0.0.4", false),
        ("~0.0.0", "9.0.0", true),
        (">=1.2.3-0 <2", "1.5.0-rc.1", true),
        (">=1.2.3 <2", "1.5.0-rc.1", false),
        (">=1.0.0-0 || >=2", "2.1.0-rc.1", true),
        ("vx", "1.0.0", true),
        (">=1.2 <=1.4 !=1.3.0", "1.3.0", false),
        ("1.2.3 - 1.4 , 1.3", "1.3.0", true),
        ("x-beta", "1.0.0", true),
        ("1.x-beta", "1.0.0-beta", true),
        ("~1", "1.5.0", true),
        ("~1.2.3", "1.3.0", false),
        ("^1.2.3", "1.9.9", true),
        (">=1.2.3 || <1.0", "0.5.0", true),
    ]

    @Test func acceptedConstraintsMatchHelm() throws {
        for (constraint, version, expected) in Self.accepted {
            let c = try VersionConstraint(parsing: constraint)
            #expect(c.isSatisfied(by: try SemanticVersion(parsing: version)) == expected, "\(constraint) vs \(version)")
        }
    }

    static let rejected: [(String, String)] = [
        ("1.0 - 2.0||3.0 - 4.0", "improper constraint: \"3.0 - 4.0\""),
        ("a1 - 2", "improper constraint: \"a>= 1, <= 2 \""),
        ("1 - x - 2", "improper constraint: \">= 1, <= x - 2\""),
        ("1.2 | 3", "constraint parser error"),
        ("> = 1", "improper constraint: \"> = 1\""),
        ("\u{b}1.2", "improper constraint: \"\\v1.2\""),
        ("\u{a0}1.2", "improper constraint: \"\\u00a01.2\""),
        ("1.2.3.4", "improper constraint: \"1.2.3.4\""),
        ("1.2x", "constraint parser error"),
        ("||", "improper constraint: \"\""),
        ("1.0,", "improper constraint: \"1.0,\""),
        (",1.0", "improper constraint: \",1.0\""),
        ("1.0 ,, 2", "improper constraint: \"1.0 ,, 2\""),
        ("1.2.3-", "improper constraint: \"1.2.3-\""),
        ("1.2.3-a.", "improper constraint: \"1.2.3-a.\""),
        ("v", "improper constraint: \"v\""),
        ("=", "improper constraint: \"=\""),
        ("1.2.3 -- 1.4", "improper constraint: \"1.2.3 -- 1.4\""),
        (">>1.0", "improper constraint: \">>1.0\""),
        ("", "improper constraint: \"\""),
        (" ", "improper constraint: \" \""),
        ("1.0 ||", "improper constraint: \"\""),
        ("99999999999999999999", "constraint parser error"),
        ("1.0.0-01", "constraint parser error"),
        ("1.2.3-a..b", "improper constraint: \"1.2.3-a..b\""),
        ("1 - 2 - 3", "improper constraint: \">= 1, <= 2 - 3\""),
        ("1" + String(repeating: ".0", count: 300), "constraint string is too long (max 512 bytes)"),
        (Array(repeating: "1", count: 33).joined(separator: " || "), "too many constraint groups (max 32)"),
        ("|1.2", "constraint parser error"),
    ]

    @Test func rejectedConstraintsHaveHelmsMessages() {
        for (text, message) in Self.rejected {
            #expect(throws: SemverError(message), "\(text)") { try VersionConstraint(parsing: text) }
        }
    }
}
