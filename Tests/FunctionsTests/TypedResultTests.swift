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
    ]

    @Test(arguments: rows) func typedLikeHelm(_ row: (function: String, arguments: [Value], type: String, printed: String)) throws {
        let result = try call(row.function, row.arguments)
        #expect(result.goTypeName == row.type)
        #expect(GoFormat.sprintf("%v", [result]) == row.printed)
    }
}
