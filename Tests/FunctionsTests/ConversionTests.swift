import Testing
import Values
@testable import Functions

/// conversion: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct ConversionTests {
    static let rows: [Row] = [
        Row("atoi", [.string("42")], "42"),
        Row("atoi", [.string("-7")], "-7"),
        Row("atoi", [.string("4.5")], "0"),
        Row("atoi", [.string("x")], "0"),
        Row("int", [.string("0x1F")], "31"),
        Row("int", [.string("017")], "15"),
        Row("int", [.string("1.0")], "1"),
        Row("int", [.float(3.99)], "3"),
        Row("int", [.float(-3.99)], "-3"),
        Row("int", [.bool(true)], "1"),
        Row("int", [.null], "0"),
        Row("int", [.string("1e3")], "0"),
        Row("int64", [.string("9223372036854775807")], "9223372036854775807"),
        Row("int64", [.string("-12.5")], "-12"),
        Row("int64", [.float(2500000000.0)], "2500000000"),
        Row("int64", [.string("1_000")], "1000"),
        Row("float64", [.string("1.5e2")], "150"),
        Row("float64", [.string("abc")], "0"),
        Row("float64", [.int(7)], "7"),
        Row("float64", [.string("-Inf")], "-Inf"),
        Row("float64", [.bool(false)], "0"),
        Row("float64", [.string("1_0.5")], "10.5"),
        Row("toDecimal", [.string("0777")], "511"),
        Row("toDecimal", [.int(777)], "511"),
        Row("toDecimal", [.string("9")], "0"),
        Row("toDecimal", [.int(-17)], "-15"),
        Row("toDecimal", [.float(1.5)], "0"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
