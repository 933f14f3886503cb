import Testing
import Values
@testable import Functions

/// dicts: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct DictsTests {
    static let rows: [Row] = [
        Row("dict", [.string("b"), .int(2), .string("a"), .int(1)], "map[a:1 b:2]"),
        Row("dict", [.string("odd")], "map[odd:]"),
        Row("dict", [.int(1), .string("x"), .float(2.5), .string("y"), .null, .string("z")], "map[1:x 2.5:y <nil>:z]"),
        Row("get", [.map(["a": .string("x")]), .string("a")], "x"),
        Row("get", [.map(["a": .string("x")]), .string("b")], ""),
        Row("set", [.map(["a": .int(1)]), .string("b"), .int(2)], "map[a:1 b:2]"),
        Row("unset", [.map(["a": .int(1), "b": .int(2)]), .string("a")], "map[b:2]"),
        Row("hasKey", [.map(["a": .null]), .string("a")], "true"),
        Row("hasKey", [.map([:]), .string("a")], "false"),
        Row("pluck", [.string("k"), .map(["k": .int(1)]), .map(["j": .int(2)]), .map(["k": .string("x")])], "[1 x]"),
        Row("pick", [.map(["a": .int(1), "b": .int(2), "c": .int(3)]), .string("a"), .string("c"), .string("z")], "map[a:1 c:3]"),
        Row("omit", [.map(["a": .int(1), "b": .int(2)]), .string("b")], "map[a:1]"),
        Row("values", [.map(["x": .int(1)])], "[1]"),
        Row("merge", [.map(["a": .int(1), "n": .map(["x": .int(1)])]), .map(["a": .int(2), "b": .int(3), "n": .map(["y": .int(2)])])], "map[a:1 b:3 n:map[x:1 y:2]]"),
        Row("merge", [.map(["a": .string(""), "b": .int(0), "l": .list([])]), .map(["a": .string("x"), "b": .int(5), "l": .list([.int(1)])])], "map[a:x b:5 l:[1]]"),
        Row("merge", [.map([:]), .map(["a": .map(["b": .int(1)])]), .map(["a": .map(["c": .int(2)])])], "map[a:map[b:1 c:2]]"),
        Row("mergeOverwrite", [.map(["a": .int(1), "l": .list([.int(1), .int(2)])]), .map(["a": .int(2), "l": .list([.int(3)])])], "map[a:2 l:[3]]"),
        Row("mergeOverwrite", [.map(["s": .string("str")]), .map(["s": .map(["x": .int(1)])])], "map[s:map[x:1]]"),
        Row("mergeOverwrite", [.map(["a": .map(["x": .int(1)])]), .map(["a": .null])], "map[a:<nil>]"),
        Row("merge", [.map(["a": .map(["x": .int(1)])]), .map(["a": .string("str")])], "map[a:map[x:1]]"),
        Row("mustMerge", [.map(["a": .int(1)]), .map(["b": .int(2)])], "map[a:1 b:2]"),
        Row("mustMergeOverwrite", [.map(["a": .int(1)]), .map(["a": .int(0)])], "map[a:0]"),
        Row("dig", [.string("a"), .string("b"), .string("def"), .map(["a": .map(["b": .string("found")])])], "found"),
        Row("dig", [.string("a"), .string("x"), .string("def"), .map(["a": .map(["b": .string("found")])])], "def"),
        Row("dig", [.string("a"), .string("def"), .map(["a": .list([.int(1)])])], "[1]"),
        Row("deepCopy", [.map(["a": .list([.int(1), .map(["b": .int(2)])])])], "map[a:[1 map[b:2]]]"),
        Row("mustDeepCopy", [.list([.int(1), .string("x")])], "[1 x]"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
