import Testing
import Values
@testable import Functions

/// regex: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct RegexTests {
    static let rows: [Row] = [
        Row("regexMatch", [.string("^a.c$"), .string("abc")], "true"),
        Row("regexMatch", [.string("["), .string("x")], "false"),
        Row("regexFind", [.string("b+"), .string("abbbc")], "bbb"),
        Row("regexFindAll", [.string("a*"), .string("baaab"), .int(-1)], "[ aaa ]"),
        Row("regexFindAll", [.string("\\d"), .string("a1b2c3"), .int(2)], "[1 2]"),
        Row("regexFindAll", [.string("\\d"), .string("a1b2c3"), .int(0)], "[]"),
        Row("regexReplaceAll", [.string("a(x*)b"), .string("-ab-axxb-"), .string("${1}W")], "-W-xxW-"),
        Row("regexReplaceAll", [.string("a(x*)b"), .string("-ab-axxb-"), .string("$1W")], "---"),
        Row("regexReplaceAll", [.string("(?P<first>\\w+) (?P<last>\\w+)"), .string("John Smith"), .string("$last, $first")], "Smith, John"),
        Row("regexReplaceAll", [.string("x"), .string("axbx"), .string("$$")], "a$b$"),
        Row("regexReplaceAllLiteral", [.string("x"), .string("axb"), .string("$1")], "a$1b"),
        Row("regexSplit", [.string("z+"), .string("pizza"), .int(-1)], "[pi a]"),
        Row("regexSplit", [.string("z+"), .string("pizza"), .int(1)], "[pizza]"),
        Row("regexSplit", [.string(""), .string("abc"), .int(-1)], "[a b c]"),
        Row("regexSplit", [.string("a"), .string(""), .int(-1)], "[]"),
        Row("regexSplit", [.string(","), .string("a,b,c"), .int(2)], "[a b,c]"),
        Row("regexQuoteMeta", [.string("a.b*c")], "a\\.b\\*c"),
        Row("mustRegexMatch", [.string("^\\w+$"), .string("abc_1")], "true"),
        Row("mustRegexFindAll", [.string("o"), .string("foo"), .int(-1)], "[o o]"),
        Row("mustRegexFind", [.string("z"), .string("abc")], ""),
        Row("mustRegexReplaceAll", [.string("(a)"), .string("banana"), .string("<$1>")], "b<a>n<a>n<a>"),
        Row("mustRegexReplaceAllLiteral", [.string("a"), .string("banana"), .string("$")], "b$n$n$"),
        Row("mustRegexSplit", [.string("-"), .string("a-b"), .int(-1)], "[a b]"),
        Row("regexFind", [.string("(?s)a.b"), .string("a\nb")], "a\nb"),
        Row("regexFindAll", [.string("[[:upper:]]+"), .string("abCDeF"), .int(-1)], "[CD F]"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
