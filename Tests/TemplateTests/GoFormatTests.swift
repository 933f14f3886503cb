import Testing
import Values
@testable import Template

/// `GoFormat` on typed values the template language cannot spell directly
/// (int64, []byte). Expected strings were checked with Helm (`printf` on
/// Sprig's `int64`/`dict`/`float64 "inf"` results), except the []byte and complex rows.
@Suite struct GoFormatTests {
    static let printCases: [([Value], String)] = [
        ([Value.int64(5), .int64(-6)], "5 -6"),
        ([.string("a"), .int(1), .int(2), .string("b")], "a1 2b"),
        ([.bytes([104, 105]), .null], "[104 105] <nil>"),
        ([.map(["b": .int(1), "a": .list([])])], "map[a:[] b:1]"),
        ([.float(100000), .float(1e6), .float(-0.0)], "100000 1e+06 -0"),
    ]

    @Test(arguments: printCases)
    func sprint(args: [Value], expected: String) {
        #expect(GoFormat.sprint(args) == expected)
    }

    @Test func sprintln() {
        #expect(GoFormat.sprintln([.string("a"), .string("b"), .int(1)]) == "a b 1\n")
        #expect(GoFormat.sprintln([]) == "\n")
    }

    static let printfCases: [(String, [Value], String)] = [
        ("%d|%x|%T", [Value.int64(255), .int64(255), .int64(1)], "255|ff|int64"),
        ("%s|%x|%q|%v|%T", [.bytes([104, 105]), .bytes([104, 105]), .bytes([104]), .bytes([1]), .bytes([])], "hi|6869|\"h\"|[1]|[]uint8"),
        ("%#v", [.bytes([1, 255])], "[]byte{0x1, 0xff}"),
        ("%v", [.object(GoComplex(real: 1, imag: -2))], "(1-2i)"),
        ("%6.2f|%-6.1e|", [.float(3.14159), .float(31415.9)], "  3.14|3.1e+04|"),
        ("%[3]*.[2]*[1]f", [.float(12), .int(2), .int(6)], " 12.00"),
        ("%d %d", [.int(1)], "1 %!d(MISSING)"),
        ("%.1f", [.float(0.25)], "0.2"),
        ("%.1f", [.float(0.35)], "0.3"),
        ("%g|%G|%e", [.float(.infinity), .float(-.infinity), .float(.nan)], "+Inf|-Inf|NaN"),
        ("%05d|%-05d|%+05d", [.int(-42), .int(42), .int(42)], "-0042|42   |+0042"),
    ]

    @Test(arguments: printfCases)
    func sprintf(format: String, args: [Value], expected: String) {
        #expect(GoFormat.sprintf(format, args) == expected)
    }
}
