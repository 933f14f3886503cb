import Testing
import Values
@testable import Functions

/// lists: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct ListsTests {
    static let rows: [Row] = [
        Row("list", [.int(1), .string("a"), .null], "[1 a <nil>]"),
        Row("first", [.list([.int(3), .int(4)])], "3"),
        Row("first", [.list([])], ""),
        Row("last", [.list([.int(3), .int(4), .int(5)])], "5"),
        Row("rest", [.list([.int(1), .int(2), .int(3)])], "[2 3]"),
        Row("rest", [.list([])], "[]"),
        Row("initial", [.list([.int(1), .int(2), .int(3)])], "[1 2]"),
        Row("append", [.list([.int(1)]), .list([.int(2)])], "[1 [2]]"),
        Row("prepend", [.list([.int(1), .int(2)]), .string("z")], "[z 1 2]"),
        Row("concat", [.list([.int(1)]), .list([.int(2), .int(3)]), .list([])], "[1 2 3]"),
        Row("reverse", [.list([.string("a"), .string("b"), .string("c")])], "[c b a]"),
        Row("uniq", [.list([.int(1), .float(1.0), .string("1"), .int(1), .list([.int(1)]), .list([.int(1)])])], "[1 1 1 [1]]"),
        Row("without", [.list([.int(1), .int(2), .int(3), .int(2)]), .int(2), .int(3)], "[1]"),
        Row("has", [.int(2), .list([.int(1), .int(2)])], "true"),
        Row("has", [.string("2"), .list([.int(1), .int(2)])], "false"),
        Row("has", [.int(1), .null], "false"),
        Row("compact", [.list([.int(0), .int(1), .string(""), .string("a"), .null, .list([]), .map([:]), .bool(false), .float(0.0)])], "[1 a]"),
        Row("slice", [.list([.int(1), .int(2), .int(3), .int(4), .int(5)]), .int(1), .int(3)], "[2 3]"),
        Row("slice", [.list([.int(1), .int(2), .int(3)]), .int(1)], "[2 3]"),
        Row("slice", [.list([]), .int(0)], ""),
        Row("chunk", [.int(2), .list([.int(1), .int(2), .int(3), .int(4), .int(5)])], "[[1 2] [3 4] [5]]"),
        Row("chunk", [.int(3), .list([.int(1), .int(2), .int(3)])], "[[1 2 3]]"),
        Row("mustFirst", [.list([.string("x")])], "x"),
        Row("mustLast", [.list([])], ""),
        Row("mustUniq", [.list([.string("a"), .string("b"), .string("a")])], "[a b]"),
        Row("mustWithout", [.list([.string("a"), .string("b")]), .string("a")], "[b]"),
        Row("mustHas", [.list([.int(1)]), .list([.list([.int(1)]), .int(2)])], "true"),
        Row("mustSlice", [.list([.string("a"), .string("b"), .string("c")]), .int(0), .int(2)], "[a b]"),
        Row("mustCompact", [.list([.string(""), .string("x")])], "[x]"),
        Row("mustReverse", [.list([])], "[]"),
        Row("mustChunk", [.int(1), .list([.string("a"), .string("b")])], "[[a] [b]]"),
        Row("mustPrepend", [.list([]), .int(1)], "[1]"),
        Row("mustAppend", [.list([]), .null], "[<nil>]"),
        Row("tuple", [.int(1), .int(2)], "[1 2]"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
