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

    /// RE2 semantics where ICU differs: `$`, `^`, `.`, ASCII Perl and POSIX
    /// classes, `(?U)`, flag scopes, literal `{`, RE2-only forms (helm-oracle).
    static let semantics: [Row] = [
        Row("regexMatch", [.string("a$"), .string("a\n")], "false"),
        Row("regexMatch", [.string("(?m)a$"), .string("a\n")], "true"),
        Row("regexFind", [.string("^a.b$"), .string("a\rb")], "a\rb"),
        Row("regexMatch", [.string("^a.b$"), .string("a\u{2028}b")], "true"),
        Row("regexMatch", [.string("a.b"), .string("a\nb")], "false"),
        Row("regexReplaceAll", [.string("$"), .string("a\n"), .string("X")], "a\nX"),
        Row("regexReplaceAll", [.string("(?m)^"), .string("a\nb\n"), .string(">")], ">a\n>b\n>"),
        Row("regexMatch", [.string("a\\Z"), .string("a")], "false"),
        Row("regexMatch", [.string("^\\d+$"), .string("١٢")], "false"),
        Row("regexMatch", [.string("^\\w+$"), .string("é")], "false"),
        Row("regexMatch", [.string("^\\s$"), .string("\u{a0}")], "false"),
        Row("regexMatch", [.string("^\\s$"), .string("\u{b}")], "false"),
        Row("regexMatch", [.string("\\bé"), .string(" é")], "false"),
        Row("regexMatch", [.string("^[\\d]+$"), .string("١")], "false"),
        Row("regexMatch", [.string("^[^\\d]$"), .string("١")], "true"),
        Row("regexMatch", [.string("^\\W$"), .string("é")], "true"),
        Row("regexMatch", [.string("^[[:alpha:]]$"), .string("é")], "false"),
        Row("regexMatch", [.string("(?i)^K$"), .string("\u{212a}")], "true"),
        Row("regexMatch", [.string("^\\pL$"), .string("é")], "true"),
        Row("regexMatch", [.string("(?<=a)b"), .string("ab")], "false"),
        Row("mustRegexMatch", [.string("(?P<1a>x)"), .string("a")], "false"),
        Row("mustRegexMatch", [.string("(?P<n>x)(?P<n>y)"), .string("a")], "false"),
        Row("regexFind", [.string("[a[:digit:]]+"), .string("a1b")], "a1"),
        Row("regexFind", [.string("[]a]"), .string("]")], "]"),
        Row("regexFind", [.string("[a-]"), .string("-")], "-"),
        Row("regexFind", [.string("x{,3}"), .string("x{,3}")], "x{,3}"),
        Row("regexFind", [.string("a{2"), .string("a{2")], "a{2"),
        Row("regexFind", [.string("{"), .string("{")], "{"),
        Row("regexFind", [.string("a{2,}?"), .string("aaaa")], "aa"),
        Row("regexFind", [.string("(?U)a+"), .string("aaa")], "a"),
        Row("regexFind", [.string("(?U)a+?"), .string("aaa")], "aaa"),
        Row("regexFind", [.string("\\Qa.b\\E"), .string("xa.b")], "a.b"),
        Row("regexFind", [.string("\\x{41}\\x42"), .string("AB")], "AB"),
        Row("regexFind", [.string("\\101"), .string("A")], "A"),
        Row("regexFind", [.string("(a|ab)(c|bcd)"), .string("abcd")], "abcd"),
        Row("regexFind", [.string("[a-c&&b]"), .string("&")], "&"),
        Row("regexFind", [.string("[[a]]"), .string("]")], ""),
        Row("regexFind", [.string("#x y"), .string("#x y")], "#x y"),
        Row("regexFind", [.string("(?i:a)a"), .string("AA")], ""),
        Row("regexFind", [.string("((?i)a)a"), .string("AA")], ""),
        Row("regexFind", [.string("a(?i)b|c"), .string("C")], "C"),
        Row("regexFind", [.string("(?s-s:.)"), .string("\n")], ""),
        Row("regexFind", [.string("(?sm)^.$"), .string("\n")], "\n"),
        Row("regexFind", [.string("(?)a"), .string("a")], "a"),
        Row("regexFind", [.string("^*a"), .string("a")], "a"),
        Row("regexReplaceAll", [.string("(?P<x>a)(b)?"), .string("ab a"), .string("[${x}|${2}|$1|${3}|$x1]")], "[a|b|a||] [a||a||]"),
        Row("regexReplaceAll", [.string("(a)|(?P<n>b)"), .string("ab"), .string("<$n>")], "<><b>"),
        Row("regexFind", [.string("\\p{Greek}+"), .string("aβγ")], "βγ"),
        Row("regexFind", [.string("\\p{^L}+"), .string("ab12")], "12"),
        Row("regexFind", [.string("[[:^digit:]]+"), .string("12ab")], "ab"),
        Row("regexFind", [.string("\\p{Any}"), .string("é")], "é"),
    ]

    @Test(arguments: semantics) func followsRE2(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
