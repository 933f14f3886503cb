import Testing
import Values
@testable import Functions

/// semver: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct SemverFunctionTests {
    static let rows: [Row] = [
        Row("semverCompare", [.string(">=1.0.0-0"), .string("1.0.0-alpha")], "true"),
        Row("semverCompare", [.string(">=1.0.0"), .string("1.0.0-alpha")], "false"),
        Row("semverCompare", [.string(">=1.0.0-0 <2.0.0"), .string("1.5.0-beta")], "true"),
        Row("semverCompare", [.string("~1"), .string("1.9.9")], "true"),
        Row("semverCompare", [.string("~1.2"), .string("1.3.0")], "false"),
        Row("semverCompare", [.string("^0.0.3"), .string("0.0.4")], "false"),
        Row("semverCompare", [.string("^0.0"), .string("0.0.9")], "true"),
        Row("semverCompare", [.string("*"), .string("3.0.0")], "true"),
        Row("semverCompare", [.string("!=1.2.x"), .string("1.2.5")], "false"),
        Row("semverCompare", [.string("!=1.2.x"), .string("1.3.0")], "true"),
        Row("semverCompare", [.string(">1.2"), .string("1.2.9")], "false"),
        Row("semverCompare", [.string(">1.2"), .string("1.3.0")], "true"),
        Row("semverCompare", [.string("<=1.2"), .string("1.2.9")], "true"),
        Row("semverCompare", [.string("<=1.2"), .string("1.3.0")], "false"),
        Row("semverCompare", [.string("=>1.0, =<2.0"), .string("2.0.0")], "true"),
        Row("semverCompare", [.string("~>2.1"), .string("2.1.7")], "true"),
        Row("semverCompare", [.string("v1.2.3"), .string("1.2.3")], "true"),
        Row("semverCompare", [.string("1.2.3 - 1.4.5"), .string("1.4.6")], "false"),
        Row("semverCompare", [.string(">=1.19.0-0"), .string("v1.31.0")], "true"),
        Row("semverCompare", [.string("^1.2.3-beta.2"), .string("1.2.3-beta.10")], "true"),
        Row("semverCompare", [.string("^1.2.3-beta.2"), .string("1.2.4-beta.1")], "true"),
        Row("semverCompare", [.string("<1.2.3-beta"), .string("1.2.3-alpha")], "true"),
        Row("semver", [.string("1.2.3-rc.1+b.7")], "1.2.3-rc.1+b.7"),
        Row("semver", [.string("v3")], "3.0.0"),
        Row("semver", [.string("1.0.0-beta.11")], "1.0.0-beta.11"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
