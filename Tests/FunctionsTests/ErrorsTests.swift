import Testing
import Template
import Values
@testable import Functions

/// Error messages of failing calls, as Helm v4 reports them after
/// `error calling NAME: ` (helm-oracle).
@Suite struct ErrorsTests {
    static let rows: [(String, [Value], String)] = [
        ("substr", [.int(5), .int(1), .string("abc")], "runtime error: slice bounds out of range [5:1]"),
        ("repeat", [.int(-1), .string("x")], "strings: negative Repeat count"),
        ("first", [.string("s")], "Cannot find first on type string"),
        ("concat", [.list([.int(1)]), .int(2)], "Cannot concat type int as list"),
        ("div", [.int(1), .int(0)], "runtime error: integer divide by zero"),
        ("divf", [.int(1), .int(0)], "decimal division by 0"),
        ("mustToDate", [.string("2006-01-02"), .string("2024-13-01")], "parsing time \"2024-13-01\": month out of range"),
        ("mustToDate", [.string("2006-01-02"), .string("2024-02-30")], "parsing time \"2024-02-30\": day out of range"),
        ("mustToDate", [.string("2006-01-02"), .string("2024-01-01x")], "parsing time \"2024-01-01x\": extra text: \"x\""),
        ("mustToDate", [.string("2006-01-02T15:04:05Z07:00"), .string("2024-03-05T10:20:30+25:00")],
         "parsing time \"2024-03-05T10:20:30+25:00\": time zone offset hour out of range"),
        ("mustToDate", [.string("2006-01-02"), .string("not a date")],
         "parsing time \"not a date\" as \"2006-01-02\": cannot parse \"not a date\" as \"2006\""),
        ("mustDateModify", [.string("1x"), .object(GoTime.zero)], "time: unknown unit \"x\" in duration \"1x\""),
        ("mustToDuration", [.string("")], "empty duration"),
        ("mustToDuration", [.string("abc")], "could not parse duration \"abc\""),
        ("mustRegexMatch", [.string("("), .string("x")], "error parsing regexp: missing closing ): `(`"),
        ("dig", [.string("a"), .string("b")], "dig needs at least three arguments"),
        ("randInt", [.int(5), .int(5)], "invalid argument to Intn"),
        ("indent", [.int(-1), .string("x")], "strings: negative Repeat count"),
        ("mustChunk", [.int(0), .list([.int(1)])], "runtime error: makeslice: len out of range"),
        ("semver", [.string("x.y.z")], "invalid semantic version"),
        ("semverCompare", [.string(">>1.0"), .string("1.0.0")], "improper constraint: \">>1.0\""),
        ("fail", [.string("custom failure")], "custom failure"),
        ("deepCopy", [.null], "reflect: call of reflect.Value.Type on zero Value"),
        ("mustDeepCopy", [.null], "reflect: call of reflect.Value.Type on zero Value"),
        ("regexFind", [.string("(?=x)"), .string("a")],
         "regexp: Compile(`(?=x)`): error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
        ("mustRegexMatch", [.string("(?!a)b"), .string("b")], "error parsing regexp: invalid or unsupported Perl syntax: `(?!`"),
        ("mustRegexMatch", [.string("(?>a)"), .string("a")], "error parsing regexp: invalid or unsupported Perl syntax: `(?>`"),
        ("mustRegexMatch", [.string("(a)\\1"), .string("aa")], "error parsing regexp: invalid escape sequence: `\\1`"),
        ("mustRegexMatch", [.string("a*+"), .string("a")], "error parsing regexp: invalid nested repetition operator: `*+`"),
        ("mustRegexMatch", [.string("a**"), .string("a")], "error parsing regexp: invalid nested repetition operator: `**`"),
        ("mustRegexMatch", [.string("a+?*"), .string("a")], "error parsing regexp: invalid nested repetition operator: `+?*`"),
        ("mustRegexMatch", [.string("a{1001}"), .string("a")], "error parsing regexp: invalid repeat count: `{1001}`"),
        ("mustRegexMatch", [.string("a{3,2}"), .string("a")], "error parsing regexp: invalid repeat count: `{3,2}`"),
        ("mustRegexMatch", [.string("*a"), .string("a")], "error parsing regexp: missing argument to repetition operator: `*`"),
        ("mustRegexMatch", [.string("a|*"), .string("a")], "error parsing regexp: missing argument to repetition operator: `*`"),
        ("mustRegexMatch", [.string("(+a)"), .string("a")], "error parsing regexp: missing argument to repetition operator: `+`"),
        ("mustRegexMatch", [.string("\\Z"), .string("a")], "error parsing regexp: invalid escape sequence: `\\Z`"),
        ("mustRegexMatch", [.string("\\C"), .string("a")], "error parsing regexp: invalid escape sequence: `\\C`"),
        ("mustRegexMatch", [.string("\\8"), .string("a")], "error parsing regexp: invalid escape sequence: `\\8`"),
        ("mustRegexMatch", [.string("[\\Z]"), .string("a")], "error parsing regexp: invalid escape sequence: `\\Z`"),
        ("mustRegexMatch", [.string("\\x{110000}"), .string("a")], "error parsing regexp: invalid escape sequence: `\\x{110000`"),
        ("mustRegexMatch", [.string("[z-a]"), .string("a")], "error parsing regexp: invalid character class range: `z-a`"),
        ("mustRegexMatch", [.string("[[:foo:]]"), .string("a")], "error parsing regexp: invalid character class range: `[:foo:]`"),
        ("mustRegexMatch", [.string("\\p{Foo}"), .string("a")], "error parsing regexp: invalid character class range: `\\p{Foo}`"),
        ("mustRegexMatch", [.string("\\p{L"), .string("a")], "error parsing regexp: invalid character class range: `\\p{L`"),
        ("mustRegexMatch", [.string("(?z)a"), .string("a")], "error parsing regexp: invalid or unsupported Perl syntax: `(?z`"),
        ("mustRegexMatch", [.string("(?i-)a"), .string("a")], "error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`"),
        ("mustRegexMatch", [.string("(?P=n)"), .string("a")], "error parsing regexp: invalid or unsupported Perl syntax: `(?P`"),
        ("mustRegexMatch", [.string("(?P<>a)"), .string("a")], "error parsing regexp: invalid named capture: `(?P<>`"),
        ("mustRegexMatch", [.string("(?P<a"), .string("a")], "error parsing regexp: invalid named capture: `(?P<a`"),
        ("mustRegexMatch", [.string("a[b"), .string("a")], "error parsing regexp: missing closing ]: `[b`"),
        ("mustRegexMatch", [.string("a)"), .string("a")], "error parsing regexp: unexpected ): `a)`"),
        ("mustRegexMatch", [.string("a\\"), .string("a")], "error parsing regexp: trailing backslash at end of expression: ``"),
        ("required", [.string("value is required"), .null], "value is required"),
        ("required", [.string("value is required"), .string("")], "value is required"),
    ]

    @Test func messagesMatchHelm() {
        for (name, args, message) in Self.rows {
            #expect(throws: FunctionError.self, "\(name)") { try call(name, args) }
            do {
                _ = try call(name, args)
            } catch let e as FunctionError {
                #expect(e.message == message, "\(name)")
            } catch {
                Issue.record("\(name): unexpected \(error)")
            }
        }
    }

    /// Helm's `genPrivateKey "bogus"` prints a message instead of failing.
    @Test func unknownKeyTypeIsAResult() throws {
        #expect(try call("genPrivateKey", [.string("bogus")]) == .string("Unknown type bogus"))
    }
}

/// A Go named slice type such as chartutil.VersionSet (`.Capabilities.APIVersions`).
private struct StringSet: GoObject {
    let items: [String]
    var goTypeName: String { "chartutil.VersionSet" }
    var goKind: String { "slice" }
    func member(_ name: String) -> GoMember? { nil }
    func formatted() -> String { "[" + items.joined(separator: " ") + "]" }
    func jsonValue() -> Value { .list(items.map { .string($0) }) }
}

@Suite struct NamedSliceTests {
    /// Helm: `has "apps/v1" .Capabilities.APIVersions` is true, `join`/`first` see the elements.
    @Test func listFunctionsAcceptNamedSlices() throws {
        let set = Value.object(StringSet(items: ["v1", "apps/v1"]))
        #expect(try call("has", [.string("apps/v1"), set]) == .bool(true))
        #expect(try call("first", [set]) == .string("v1"))
        #expect(try call("join", [.string(","), set]) == .string("v1,apps/v1"))
    }
}
