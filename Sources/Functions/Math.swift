import Foundation
import Template
import Values

/// Sprig's numeric.go: int64 arithmetic through `cast.ToInt64` (wrapping like
/// Go), float64 arithmetic through shopspring/decimal, sequences.
enum MathFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("add1", [.any]) { a, _ in .int64(Cast.toInt64(a.arg(0)) &+ 1) }
        t.add("add", [], variadic: .any) { a, _ in .int64(a.reduce(Int64(0)) { $0 &+ Cast.toInt64($1) }) }
        t.add("sub", [.any, .any]) { a, _ in .int64(Cast.toInt64(a.arg(0)) &- Cast.toInt64(a.arg(1))) }
        t.add("div", [.any, .any]) { a, _ in
            let (x, y) = (Cast.toInt64(a.arg(0)), Cast.toInt64(a.arg(1)))
            guard y != 0 else { throw FunctionError("runtime error: integer divide by zero") }
            return .int64(x.dividedReportingOverflow(by: y).partialValue)
        }
        t.add("mod", [.any, .any]) { a, _ in
            let (x, y) = (Cast.toInt64(a.arg(0)), Cast.toInt64(a.arg(1)))
            guard y != 0 else { throw FunctionError("runtime error: integer divide by zero") }
            return .int64(x.remainderReportingOverflow(dividingBy: y).partialValue)
        }
        t.add("mul", [.any], variadic: .any) { a, _ in
            .int64(a.rest(from: 1).reduce(Cast.toInt64(a.arg(0))) { $0 &* Cast.toInt64($1) })
        }
        t.add("randInt", [.int, .int]) { a, _ in
            let (lo, hi) = (a.int(0), a.int(1))
            guard hi - lo > 0 else { throw FunctionError("invalid argument to Intn") }
            return .int(RandomSource.int(below: hi - lo, options.randomBytes) + lo)
        }
        for name in ["max", "biggest"] {
            t.add(name, [.any], variadic: .any) { a, _ in
                .int64(a.rest(from: 1).reduce(Cast.toInt64(a.arg(0))) { Swift.max($0, Cast.toInt64($1)) })
            }
        }
        t.add("min", [.any], variadic: .any) { a, _ in
            .int64(a.rest(from: 1).reduce(Cast.toInt64(a.arg(0))) { Swift.min($0, Cast.toInt64($1)) })
        }
        t.add("maxf", [.any], variadic: .any) { a, _ in
            .float(a.rest(from: 1).reduce(Cast.toFloat64(a.arg(0))) { goMax($0, Cast.toFloat64($1)) })
        }
        t.add("minf", [.any], variadic: .any) { a, _ in
            .float(a.rest(from: 1).reduce(Cast.toFloat64(a.arg(0))) { goMin($0, Cast.toFloat64($1)) })
        }
        t.add("floor", [.any]) { a, _ in .float(Foundation.floor(Cast.toFloat64(a.arg(0)))) }
        t.add("ceil", [.any]) { a, _ in .float(Foundation.ceil(Cast.toFloat64(a.arg(0)))) }
        t.add("round", [.any, .int], variadic: .float64) { a, _ in
            let roundOn = a.count > 2 ? Cast.toFloat64(a[2]) : 0.5
            let pow = Foundation.pow(10.0, Double(a.int(1)))
            let digit = pow * Cast.toFloat64(a.arg(0))
            let fraction = digit - digit.rounded(.towardZero)
            let rounded = fraction >= roundOn ? Foundation.ceil(digit) : Foundation.floor(digit)
            return .float(rounded / pow)
        }
        t.add("add1f", [.any]) { a, _ in .float(try decimalOp(a.arg(0), [.int(1)], .add)) }
        t.add("addf", [], variadic: .any) { a, _ in .float(try decimalOp(.float(0), a, .add)) }
        t.add("subf", [.any], variadic: .any) { a, _ in .float(try decimalOp(a.arg(0), a.rest(from: 1), .sub)) }
        t.add("mulf", [.any], variadic: .any) { a, _ in .float(try decimalOp(a.arg(0), a.rest(from: 1), .mul)) }
        t.add("divf", [.any], variadic: .any) { a, _ in .float(try decimalOp(a.arg(0), a.rest(from: 1), .div)) }
        t.add("seq", [], variadic: .int) { a, _ in .string(seq(a.map(Cast.toInt))) }
        t.add("until", [.int]) { a, _ in
            let n = a.int(0)
            return .list(untilStep(0, n, n < 0 ? -1 : 1).map { .int($0) }, elementType: .int)
        }
        t.add("untilStep", [.int, .int, .int]) { a, _ in
            .list(untilStep(a.int(0), a.int(1), a.int(2)).map { .int($0) }, elementType: .int)
        }
    }

    static func goMax(_ x: Double, _ y: Double) -> Double {
        if x.isInfinite && x > 0 || y.isInfinite && y > 0 { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    static func goMin(_ x: Double, _ y: Double) -> Double {
        if x.isInfinite && x < 0 || y.isInfinite && y < 0 { return -.infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    static func untilStep(_ start: Int, _ stop: Int, _ step: Int) -> [Int] {
        var v: [Int] = []
        if stop < start {
            if step >= 0 { return v }
            var i = start
            while i > stop { v.append(i); i += step }
            return v
        }
        if step <= 0 { return v }
        var i = start
        while i < stop { v.append(i); i += step }
        return v
    }

    static func seq(_ p: [Int]) -> String {
        let values: [Int]
        switch p.count {
        case 1:
            let inc = p[0] < 1 ? -1 : 1
            values = untilStep(1, p[0] + inc, inc)
        case 2:
            let step = p[1] < p[0] ? -1 : 1
            values = untilStep(p[0], p[1] + step, step)
        case 3:
            var inc = 1
            if p[2] < p[0] {
                inc = -1
                if p[1] > 0 { return "" }
            }
            values = untilStep(p[0], p[2] + inc, p[1])
        default:
            return ""
        }
        return values.map(String.init).joined(separator: " ")
    }

    enum DecimalOp { case add, sub, mul, div }

    /// shopspring/decimal: exact decimal of each float's shortest form, then
    /// the operation (division to 16 fractional digits), then back to float64.
    static func decimalOp(_ first: Value, _ rest: [Value], _ op: DecimalOp) throws -> Double {
        var acc = decimal(Cast.toFloat64(first))
        for v in rest {
            var rhs = decimal(Cast.toFloat64(v))
            var result = Decimal()
            switch op {
            case .add: _ = NSDecimalAdd(&result, &acc, &rhs, .plain)
            case .sub: _ = NSDecimalSubtract(&result, &acc, &rhs, .plain)
            case .mul: _ = NSDecimalMultiply(&result, &acc, &rhs, .plain)
            case .div:
                guard !rhs.isZero else { throw FunctionError("decimal division by 0") }
                var quotient = Decimal()
                _ = NSDecimalDivide(&quotient, &acc, &rhs, .plain)
                NSDecimalRound(&result, &quotient, 16, .plain)
            }
            acc = result
        }
        return Double(acc.description) ?? Double(truncating: acc as NSNumber)
    }

    static func decimal(_ f: Double) -> Decimal {
        if f == 0 || !f.isFinite { return Decimal(0) }
        let (digits, point) = GoPrint.shortestDigits(abs(f))
        let significand = UInt64(String(decoding: digits, as: UTF8.self)) ?? 0
        let d = Decimal(sign: f < 0 ? .minus : .plus, exponent: point - digits.count, significand: Decimal(significand))
        return d
    }
}
