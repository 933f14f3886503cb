import Testing
import Values
@testable import Functions

/// defaults: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct DefaultsTests {
    static let rows: [Row] = [
        Row("default", [.string("d"), .string("")], "d"),
        Row("default", [.string("d"), .string("x")], "x"),
        Row("default", [.string("d")], "d"),
        Row("default", [.string("d"), .int(0)], "d"),
        Row("default", [.string("d"), .float(0.0)], "d"),
        Row("default", [.string("d"), .bool(false)], "d"),
        Row("default", [.string("d"), .list([])], "d"),
        Row("default", [.string("d"), .map([:])], "d"),
        Row("default", [.string("d"), .null], "d"),
        Row("default", [.int(5), .list([.int(0)])], "[0]"),
        Row("empty", [.string(" ")], "false"),
        Row("empty", [.float(0.0)], "true"),
        Row("empty", [.int64(0)], "true"),
        Row("empty", [.map(["a": .null])], "false"),
        Row("coalesce", [.null, .string(""), .int(0), .list([]), .string("x"), .string("y")], "x"),
        Row("coalesce", [.null, .int(0)], ""),
        Row("all", [.int(1), .string("a"), .list([.int(1)])], "true"),
        Row("all", [.int(1), .string("")], "false"),
        Row("all", [], "true"),
        Row("any", [.int(0), .string(""), .null], "false"),
        Row("any", [.int(0), .string("x")], "true"),
        Row("any", [], "false"),
        Row("ternary", [.string("a"), .string("b"), .bool(true)], "a"),
        Row("ternary", [.int(1), .int(2), .bool(false)], "2"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
