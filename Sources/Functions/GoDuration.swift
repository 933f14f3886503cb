import Template
import Values

/// A Go `time.Duration` (int64 nanoseconds) with `String()` and `ParseDuration`.
public struct GoDuration: GoObject, Equatable {
    public let nanoseconds: Int64
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public var goTypeName: String { "time.Duration" }
    public var goKind: String { "int64" }
    public var isTruthy: Bool { nanoseconds != 0 }
    public func formatted() -> String { Self.string(nanoseconds) }
    public func jsonValue() -> Value { .int64(nanoseconds) }
    public func member(_ name: String) -> GoMember? {
        let d = nanoseconds
        switch name {
        case "String": return .method(arity: 0) { _ in .string(Self.string(d)) }
        case "Seconds": return .method(arity: 0) { _ in .float(Self.seconds(d)) }
        case "Minutes": return .method(arity: 0) { _ in .float(Self.minutes(d)) }
        case "Hours": return .method(arity: 0) { _ in .float(Self.hours(d)) }
        case "Milliseconds": return .method(arity: 0) { _ in .int64(d / 1_000_000) }
        case "Microseconds": return .method(arity: 0) { _ in .int64(d / 1_000) }
        case "Nanoseconds": return .method(arity: 0) { _ in .int64(d) }
        case "Round": return .method(arity: 1) { a in .object(GoDuration(nanoseconds: Self.round(d, Cast.toInt64(a.first ?? .null)))) }
        case "Truncate": return .method(arity: 1) { a in .object(GoDuration(nanoseconds: Self.truncate(d, Cast.toInt64(a.first ?? .null)))) }
        case "Abs": return .method(arity: 0) { _ in .object(GoDuration(nanoseconds: d == Int64.min ? Int64.max : abs(d))) }
        default: return nil
        }
    }

    static func seconds(_ d: Int64) -> Double {
        let sec = d / 1_000_000_000, nsec = d % 1_000_000_000
        return Double(sec) + Double(nsec) / 1e9
    }
    static func minutes(_ d: Int64) -> Double {
        let m = d / 60_000_000_000, nsec = d % 60_000_000_000
        return Double(m) + Double(nsec) / (60e9)
    }
    static func hours(_ d: Int64) -> Double {
        let h = d / 3_600_000_000_000, nsec = d % 3_600_000_000_000
        return Double(h) + Double(nsec) / (3600e9)
    }

    /// `Duration.Round`: halfway values round away from zero, saturating.
    static func round(_ d: Int64, _ m: Int64) -> Int64 {
        if m <= 0 { return d }
        var r = d % m
        if d < 0 {
            r = -r
            if r + r < m { return d + r }
            let (d1, o) = (d - m).addingReportingOverflow(r)
            if !o, d1 < d { return d1 }
            return Int64.min
        }
        if r + r < m { return d - r }
        let (d1, o) = (d + m).subtractingReportingOverflow(r)
        if !o, d1 > d { return d1 }
        return Int64.max
    }

    static func truncate(_ d: Int64, _ m: Int64) -> Int64 { m <= 0 ? d : d - d % m }

    /// Go's `Duration.String`: "1h2m3.5s", "1.5ms", "0s".
    static func string(_ d: Int64) -> String {
        if d == 0 { return "0s" }
        let neg = d < 0
        var u = d == Int64.min ? UInt64(1) << 63 : UInt64(abs(d))
        var out = ""
        if u < 1_000_000_000 {
            var prec = 0
            let unit: String
            if u < 1_000 { return (neg ? "-" : "") + String(u) + "ns" }
            if u < 1_000_000 { prec = 3; unit = "µs" } else { prec = 6; unit = "ms" }
            out = fraction(&u, prec) + unit
            out = String(u) + out
        } else {
            var secs = fraction(&u, 9)
            secs = String(u % 60) + secs + "s"
            u /= 60
            if u > 0 {
                secs = String(u % 60) + "m" + secs
                u /= 60
                if u > 0 { secs = String(u) + "h" + secs }
            }
            out = secs
        }
        return (neg ? "-" : "") + out
    }

    /// Removes `prec` fractional digits from `v`, returning ".ddd" without trailing zeros.
    private static func fraction(_ v: inout UInt64, _ prec: Int) -> String {
        var digits: [Character] = []
        var printed = false
        for _ in 0..<prec {
            let digit = v % 10
            printed = printed || digit != 0
            if printed { digits.append(Character(String(digit))) }
            v /= 10
        }
        if !printed { return "" }
        return "." + String(digits.reversed())
    }

    /// Go's `time.ParseDuration`, with its error messages.
    static func parse(_ s: String) throws -> Int64 {
        let orig = s
        var b = Array(s.utf8)[...]
        var neg = false
        func invalid() -> FunctionError { FunctionError("time: invalid duration \"\(orig)\"") }
        if let c = b.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            neg = c == UInt8(ascii: "-")
            b = b.dropFirst()
        }
        if Array(b) == Array("0".utf8) { return 0 }
        if b.isEmpty { throw invalid() }
        var total: UInt64 = 0
        while !b.isEmpty {
            guard let c = b.first, c == UInt8(ascii: ".") || (c >= 48 && c <= 57) else { throw invalid() }
            var v: UInt64 = 0
            var pre = false
            while let c = b.first, c >= 48 && c <= 57 {
                guard v <= (UInt64(1) << 63) / 10 else { throw invalid() }
                v = v * 10 + UInt64(c - 48)
                guard v <= UInt64(1) << 63 else { throw invalid() }
                b = b.dropFirst()
                pre = true
            }
            var f: UInt64 = 0, scale: Double = 1
            var post = false
            if b.first == UInt8(ascii: ".") {
                b = b.dropFirst()
                var overflow = false
                while let c = b.first, c >= 48 && c <= 57 {
                    if !overflow {
                        if f > (UInt64(1) << 63 - 1) / 10 { overflow = true } else {
                            f = f * 10 + UInt64(c - 48)
                            scale *= 10
                        }
                    }
                    b = b.dropFirst()
                    post = true
                }
            }
            if !pre && !post { throw invalid() }
            var unitEnd = b.startIndex
            while unitEnd < b.endIndex, b[unitEnd] != UInt8(ascii: "."), !(b[unitEnd] >= 48 && b[unitEnd] <= 57) { unitEnd += 1 }
            let unitName = String(decoding: b[b.startIndex..<unitEnd], as: UTF8.self)
            if unitName.isEmpty { throw FunctionError("time: missing unit in duration \"\(orig)\"") }
            let units: [String: UInt64] = ["ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000,
                                           "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000]
            guard let unit = units[unitName] else {
                throw FunctionError("time: unknown unit \"\(unitName)\" in duration \"\(orig)\"")
            }
            b = b[unitEnd...]
            if v > (UInt64(1) << 63) / unit { throw invalid() }
            v *= unit
            if f > 0 {
                v += UInt64(Double(f) * (Double(unit) / scale))
                if v > UInt64(1) << 63 { throw invalid() }
            }
            total += v
            if total > UInt64(1) << 63 { throw invalid() }
        }
        if neg { return total == UInt64(1) << 63 ? Int64.min : -Int64(total) }
        if total > UInt64(Int64.max) { throw invalid() }
        return Int64(total)
    }
}
