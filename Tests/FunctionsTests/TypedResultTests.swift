import Testing
import Template
import Values
@testable import Functions

/// Go types of Sprig results that are not `map[string]interface {}`, as
/// `typeOf`/`%T` print them and `%v` formats them; expected values from
/// helm-oracle (`{{ typeOf (split "." "a.b") }}`, `{{ printf "%v %T" (splitn "." 2 "x.y.z") … }}`).
@Suite struct TypedResultTests {
    static let rows: [(function: String, arguments: [Value], type: String, printed: String)] = [
        ("split", [.string("."), .string("a.b")], "map[string]string", "map[_0:a _1:b]"),
        ("splitn", [.string("."), .int(2), .string("x.y.z")], "map[string]string", "map[_0:x _1:y.z]"),
        ("splitList", [.string(","), .string("a,b")], "[]string", "[a b]"),
        ("keys", [.map(["a": .int(1)])], "[]string", "[a]"),
        ("toStrings", [.list([.int(1), .string("a"), .null])], "[]string", "[1 a]"),
        ("until", [.int(2)], "[]int", "[0 1]"),
        ("untilStep", [.int(0), .int(4), .int(2)], "[]int", "[0 2]"),
        ("regexFindAll", [.string("a"), .string("aa"), .int(-1)], "[]string", "[a a]"),
        ("regexSplit", [.string("a"), .string("bab"), .int(-1)], "[]string", "[b b]"),
        ("sortAlpha", [.list([.string("b"), .string("a")])], "[]string", "[a b]"),
        ("slice", [.list([.string("a"), .string("b")], elementType: .string), .int(1)], "[]string", "[b]"),
        ("deepCopy", [.list([.string("a")], elementType: .string)], "[]string", "[a]"),
        ("append", [.list([.string("a")], elementType: .string), .string("b")], "[]interface {}", "[a b]"),
        ("rest", [.list([.string("a"), .string("b")], elementType: .string)], "[]interface {}", "[b]"),
        ("uniq", [.list([.string("a"), .string("a")], elementType: .string)], "[]interface {}", "[a]"),
        ("compact", [.list([.string("a"), .string("")], elementType: .string)], "[]interface {}", "[a]"),
    ]

    /// `%#v` names the slice type; `deepEqual` tells `[]string` from `[]interface {}`
    /// (helm-oracle: `{{ printf "%#v" (splitList "," "a,b") }}`, `{{ deepEqual (splitList "," "a") (list "a") }}`).
    @Test func typedSlicesPrintAndCompareLikeGo() throws {
        let strings = try call("splitList", [.string(","), .string("a,b")])
        #expect(GoFormat.sprintf("%#v", [strings]) == #"[]string{"a", "b"}"#)
        #expect(GoFormat.sprintf("%#v", [try call("until", [.int(2)])]) == "[]int{0, 1}")
        #expect(try call("deepEqual", [try call("splitList", [.string(","), .string("a")]), .list([.string("a")])]) == .bool(false))
        #expect(try call("deepEqual", [strings, try call("splitList", [.string(","), .string("a,b")])]) == .bool(true))
        #expect(try call("kindOf", [strings]) == .string("slice"))
        #expect(try call("typeIs", [.string("[]string"), strings]) == .bool(true))
        #expect(try call("toJson", [strings]) == .string(#"["a","b"]"#))
    }

    @Test(arguments: rows) func typedLikeHelm(_ row: (function: String, arguments: [Value], type: String, printed: String)) throws {
        let result = try call(row.function, row.arguments)
        #expect(result.goTypeName == row.type)
        #expect(GoFormat.sprintf("%v", [result]) == row.printed)
    }
}
