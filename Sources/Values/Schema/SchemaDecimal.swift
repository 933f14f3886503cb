/// An exact decimal number, standing in for the `big.Rat` jsonschema uses for
/// `minimum`, `maximum`, `multipleOf`…: schema numbers from their literal text,
/// instance numbers from Go's `%v` text of the float64 (shortest round-trip digits).
struct SchemaDecimal: Sendable, Equatable {
    var negative: Bool
    /// ASCII digits without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// value = 0.d1d2d3… × 10^point
    var point: Int

    init(negative: Bool, digits: [UInt8], point: Int) {
        var d = digits[...]
        var p = point
        while let f = d.first, f == 48 { d = d.dropFirst(); p -= 1 }
        while let l = d.last, l == 48 { d = d.dropLast() }
        self.negative = d.isEmpty ? false : negative
        self.digits = Array(d)
        self.point = d.isEmpty ? 0 : p
    }

    /// Parses a JSON number literal (or Go `%v` float text such as `1e+06`).
    init?(text: String) {
        var neg = false
        var digits: [UInt8] = []
        var point = 0
        var seenDot = false
        var exp = 0
        var expNeg = false
        var inExp = false
        var any = false
        for (k, c) in text.utf8.enumerated() {
            if inExp {
                if c == 45 { expNeg = true; continue }
                if c == 43 { continue }
                guard c >= 48 && c <= 57 else { return nil }
                exp = min(exp * 10 + Int(c - 48), 1_000_000)
                continue
            }
            switch c {
            case 45 where k == 0: neg = true
            case 46: seenDot = true
            case 101, 69: inExp = true
            case 48...57:
                any = true
                digits.append(c)
                if !seenDot { point += 1 }
            default: return nil
            }
        }
        guard any else { return nil }
        self.init(negative: neg, digits: digits, point: point + (expNeg ? -exp : exp))
    }

    /// The float64 as Go's `%v` would print it, read back exactly.
    init(_ d: Double) {
        let digits = GoFloat.shortestDigits(abs(d), bitSize: 64)
        self.init(negative: d < 0, digits: digits.digits, point: digits.point)
    }

    init(_ i: Int64) {
        self.init(negative: i < 0, digits: Array(String(i.magnitude).utf8), point: String(i.magnitude).utf8.count)
    }

    var isZero: Bool { digits.isEmpty }
    var isInteger: Bool { point >= digits.count }

    /// Integer value (for `minLength` and friends); saturates on overflow.
    var intValue: Int {
        var v = 0
        for k in 0..<max(point, 0) {
            let d = k < digits.count ? Int(digits[k] - 48) : 0
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return negative ? Int.min : Int.max }
            v = s
        }
        return negative ? -v : v
    }

    /// The nearest float64 (`big.Rat.Float64`).
    var doubleValue: Double {
        if digits.isEmpty { return 0 }
        let text = (negative ? "-" : "") + "0." + String(decoding: digits, as: UTF8.self) + "e\(point)"
        return Double(text) ?? 0
    }

    static func compare(_ a: SchemaDecimal, _ b: SchemaDecimal) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let m = compareMagnitude(a, b)
        return a.negative ? -m : m
    }

    private static func compareMagnitude(_ a: SchemaDecimal, _ b: SchemaDecimal) -> Int {
        if a.isZero || b.isZero { return a.isZero ? (b.isZero ? 0 : -1) : 1 }
        if a.point != b.point { return a.point < b.point ? -1 : 1 }
        let n = max(a.digits.count, b.digits.count)
        for k in 0..<n {
            let x = k < a.digits.count ? a.digits[k] : 48
            let y = k < b.digits.count ? b.digits[k] : 48
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Whether `self / divisor` is an integer (`multipleOf`).
    func isMultiple(of divisor: SchemaDecimal) -> Bool {
        if isZero { return true }
        if divisor.isZero { return false }
        let ea = point - digits.count
        let eb = divisor.point - divisor.digits.count
        let e = min(ea, eb)
        let aZeros = ea - e, bZeros = eb - e
        guard divisor.digits.count + bZeros <= 18, digits.count + aZeros <= 100_000 else {
            let q = doubleValue / divisor.doubleValue
            return q == q.rounded()
        }
        var m: UInt64 = 0
        for c in divisor.digits { m = m * 10 + UInt64(c - 48) }
        for _ in 0..<bZeros { m *= 10 }
        var r: UInt64 = 0
        for c in digits { r = (r * 10 + UInt64(c - 48)) % m }
        for _ in 0..<aZeros { r = (r * 10) % m }
        return r == 0
    }
}
