import Testing
import Values
@testable import Functions

/// math: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct MathTests {
    static let rows: [Row] = [
        Row("add", [.int(1), .int(2), .int(3)], "6"),
        Row("add", [], "0"),
        Row("add", [.string("7"), .float(1.9), .bool(true), .null], "9"),
        Row("add1", [.int(41)], "42"),
        Row("add1", [.string("x")], "1"),
        Row("sub", [.int(3), .int(10)], "-7"),
        Row("sub", [.float(2.9), .int(1)], "1"),
        Row("mul", [.int(3), .int(4), .int(5)], "60"),
        Row("mul", [.int(7)], "7"),
        Row("mul", [.string("3"), .float(2.5)], "6"),
        Row("div", [.int(7), .int(2)], "3"),
        Row("div", [.int(-7), .int(2)], "-3"),
        Row("mod", [.int(7), .int(3)], "1"),
        Row("mod", [.int(-7), .int(3)], "-1"),
        Row("max", [.int(3), .int(9), .int(2)], "9"),
        Row("max", [.string("5"), .float(4.9)], "5"),
        Row("min", [.int(3), .int(-9), .int(2)], "-9"),
        Row("biggest", [.int(1), .int(2)], "2"),
        Row("maxf", [.float(1.5), .int(2), .string("3.25")], "3.25"),
        Row("minf", [.float(1.5), .int(-2), .string("0.25")], "-2"),
        Row("floor", [.float(2.7)], "2"),
        Row("floor", [.string("-2.5")], "-3"),
        Row("ceil", [.float(2.1)], "3"),
        Row("ceil", [.float(-2.1)], "-2"),
        Row("round", [.float(2.345), .int(2)], "2.35"),
        Row("round", [.float(2.5), .int(0)], "3"),
        Row("round", [.float(-1.5), .int(0)], "-2"),
        Row("round", [.float(1234.5678), .int(-2)], "1200"),
        Row("round", [.float(2.44), .int(1), .float(0.4)], "2.4"),
        Row("addf", [.float(0.1), .float(0.2)], "0.3"),
        Row("addf", [.int(1), .string("2.5"), .bool(true)], "4.5"),
        Row("add1f", [.float(0.1)], "1.1"),
        Row("subf", [.int(1), .float(0.9)], "0.1"),
        Row("subf", [.int(100)], "100"),
        Row("mulf", [.float(1.1), .int(3)], "3.3"),
        Row("mulf", [.float(0.1), .float(0.1), .int(10)], "0.1"),
        Row("divf", [.int(2), .int(3)], "0.6666666666666667"),
        Row("divf", [.int(10), .int(4), .int(2)], "1.25"),
        Row("divf", [.int(1), .int(7)], "0.1428571428571429"),
        Row("divf", [.float(10000000000.0), .int(3)], "3.3333333333333335e+09"),
        Row("seq", [.int(5)], "1 2 3 4 5"),
        Row("seq", [.int(0)], "1 0"),
        Row("seq", [.int(-3)], "1 0 -1 -2 -3"),
        Row("seq", [.int(2), .int(5)], "2 3 4 5"),
        Row("seq", [.int(5), .int(2)], "5 4 3 2"),
        Row("seq", [.int(1), .int(2), .int(9)], "1 3 5 7 9"),
        Row("seq", [.int(9), .int(-3), .int(1)], "9 6 3"),
        Row("seq", [.int(9), .int(3), .int(1)], ""),
        Row("until", [.int(4)], "[0 1 2 3]"),
        Row("until", [.int(-3)], "[0 -1 -2]"),
        Row("untilStep", [.int(0), .int(10), .int(3)], "[0 3 6 9]"),
        Row("untilStep", [.int(10), .int(0), .int(-4)], "[10 6 2]"),
        Row("untilStep", [.int(0), .int(10), .int(-1)], "[]"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
