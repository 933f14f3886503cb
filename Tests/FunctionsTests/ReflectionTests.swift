import Testing
import Values
@testable import Functions

/// reflection: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct ReflectionTests {
    static let rows: [Row] = [
        Row("typeOf", [.int(1)], "int"),
        Row("typeOf", [.float(1.5)], "float64"),
        Row("typeOf", [.string("s")], "string"),
        Row("typeOf", [.null], "<nil>"),
        Row("typeOf", [.list([.int(1)])], "[]interface {}"),
        Row("typeOf", [.map(["a": .int(1)])], "map[string]interface {}"),
        Row("typeOf", [.bool(true)], "bool"),
        Row("typeOf", [.int64(1)], "int64"),
        Row("kindOf", [.list([.int(1)])], "slice"),
        Row("kindOf", [.map([:])], "map"),
        Row("kindOf", [.null], "invalid"),
        Row("kindOf", [.int64(2)], "int64"),
        Row("typeIs", [.string("int"), .int(1)], "true"),
        Row("typeIs", [.string("int64"), .int(1)], "false"),
        Row("typeIsLike", [.string("int"), .int(1)], "true"),
        Row("kindIs", [.string("slice"), .list([])], "true"),
        Row("kindIs", [.string("map"), .list([])], "false"),
        Row("deepEqual", [.list([.int(1), .map(["a": .string("b")])]), .list([.int(1), .map(["a": .string("b")])])], "true"),
        Row("deepEqual", [.int(1), .int64(1)], "false"),
        Row("deepEqual", [.list([.int(1)]), .list([.float(1.0)])], "false"),
        Row("deepEqual", [.map([:]), .map(["a": .null])], "false"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
