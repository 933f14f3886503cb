import Template
import Values

/// Sprig's conversion functions: `atoi`, `int`, `int64`, `float64`, `toDecimal`.
enum ConversionFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("atoi", [.string]) { a, _ in .int(Int(GoNumberParser.parseInt(a.string(0), base: 10) ?? 0)) }
        t.add("int", [.any]) { a, _ in .int(Cast.toInt(a.arg(0))) }
        t.add("int64", [.any]) { a, _ in .int64(Cast.toInt64(a.arg(0))) }
        t.add("float64", [.any]) { a, _ in .float(Cast.toFloat64(a.arg(0))) }
        t.add("toDecimal", [.any]) { a, _ in
            .int64(GoNumberParser.parseInt(GoPrint.value(a.arg(0)), base: 8) ?? 0)
        }
    }
}
