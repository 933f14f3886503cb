import Template
import Foundation
import Values

/// A Go `time.Time`: an instant (Unix seconds + nanoseconds) seen in a zone.
/// Templates print it with `%v` and may call `Format`, `Unix`, `Year`… on it.
public struct GoTime: GoObject {
    public let unix: Int64
    public let nanosecond: Int
    public let zone: GoTimeZone
    /// Go's monotonic reading printed as ` m=+…` by `%v` on `time.Now()` values.
    public let monotonic: Double?

    public init(unix: Int64, nanosecond: Int, zone: GoTimeZone, monotonic: Double? = nil) {
        self.unix = unix
        self.nanosecond = nanosecond
        self.zone = zone
        self.monotonic = monotonic
    }

    public static func now(in zone: GoTimeZone) -> GoTime {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var mono = timespec()
        clock_gettime(CLOCK_MONOTONIC, &mono)
        let monotonic = Double(mono.tv_sec) + Double(mono.tv_nsec) / 1e9
        return GoTime(unix: Int64(ts.tv_sec), nanosecond: Int(ts.tv_nsec), zone: zone,
                      monotonic: monotonic - ProcessStart.monotonic)
    }

    /// Go's `time.Date`, normalising out-of-range fields.
    static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int, zone: GoTimeZone) -> GoTime {
        var m = month - 1
        var y = year + Int(GoCivil.floorDiv(Int64(m), 12))
        m = Int(GoCivil.floorMod(Int64(m), 12)) + 1
        var sec = Int64(second) + GoCivil.floorDiv(Int64(nanosecond), 1_000_000_000)
        let ns = Int(GoCivil.floorMod(Int64(nanosecond), 1_000_000_000))
        sec += Int64(hour) * 3600 + Int64(minute) * 60
        if m < 1 { m += 12; y -= 1 }
        let days = GoCivil.days(year: y, month: m, day: 1) + Int64(day - 1)
        var unix = days * 86400 + sec
        let (_, offset, start, end) = zone.lookup(unix)
        if offset != 0 {
            let utc = unix - Int64(offset)
            if utc < start || utc >= end {
                unix -= Int64(zone.lookup(utc).offset)
            } else {
                unix = utc
            }
        }
        return GoTime(unix: unix, nanosecond: ns, zone: zone)
    }

    func `in`(_ z: GoTimeZone) -> GoTime { GoTime(unix: unix, nanosecond: nanosecond, zone: z, monotonic: monotonic) }

    func adding(nanoseconds d: Int64) -> GoTime {
        let total = Int64(nanosecond) + d % 1_000_000_000
        let carry = GoCivil.floorDiv(total, 1_000_000_000)
        return GoTime(unix: unix + d / 1_000_000_000 + carry, nanosecond: Int(GoCivil.floorMod(total, 1_000_000_000)), zone: zone,
                      monotonic: monotonic.map { $0 + Double(d) / 1e9 })
    }

    /// Nanoseconds from `other` to `self` (saturating like Go's `Sub`).
    func since(_ other: GoTime) -> Int64 {
        let ds = unix - other.unix
        let (ns, o) = ds.multipliedReportingOverflow(by: 1_000_000_000)
        if o { return ds > 0 ? Int64.max : Int64.min }
        let (r, o2) = ns.addingReportingOverflow(Int64(nanosecond - other.nanosecond))
        if o2 { return ds > 0 ? Int64.max : Int64.min }
        return r
    }

    struct Fields { let year, month, day, hour, minute, second, weekday, yearDay: Int; let zoneName: String; let offset: Int }

    func fields() -> Fields {
        let (name, offset, _, _) = zone.lookup(unix)
        let local = unix + Int64(offset)
        let days = GoCivil.floorDiv(local, 86400)
        let secs = Int(local - days * 86400)
        let (y, m, d) = GoCivil.civil(fromDays: days)
        let weekday = Int(GoCivil.floorMod(days + 4, 7))
        let yday = Int(days - GoCivil.days(year: y, month: 1, day: 1)) + 1
        return Fields(year: y, month: m, day: d, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60,
                      weekday: weekday, yearDay: yday, zoneName: name, offset: offset)
    }

    // MARK: GoObject

    public var goTypeName: String { "time.Time" }
    public func formatted() -> String {
        var s = GoTimeFormat.format(self, layout: "2006-01-02 15:04:05.999999999 -0700 MST")
        if let m = monotonic {
            let ns = Int64((m * 1e9).rounded())
            let sign = ns < 0 ? "-" : "+"
            let a = abs(ns)
            let frac = String(a % 1_000_000_000)
            s += " m=\(sign)\(a / 1_000_000_000).\(String(repeating: "0", count: 9 - frac.count))\(frac)"
        }
        return s
    }
    public func jsonValue() -> Value { .string(GoTimeFormat.format(self, layout: "2006-01-02T15:04:05.999999999Z07:00")) }
    public func member(_ name: String) -> GoMember? {
        let f = fields()
        switch name {
        case "Year": return .method(arity: 0) { _ in .int(f.year) }
        case "Month": return .method(arity: 0) { _ in .object(GoMonth(value: f.month)) }
        case "Day": return .method(arity: 0) { _ in .int(f.day) }
        case "Hour": return .method(arity: 0) { _ in .int(f.hour) }
        case "Minute": return .method(arity: 0) { _ in .int(f.minute) }
        case "Second": return .method(arity: 0) { _ in .int(f.second) }
        case "Nanosecond": return .method(arity: 0) { _ in .int(self.nanosecond) }
        case "YearDay": return .method(arity: 0) { _ in .int(f.yearDay) }
        case "Weekday": return .method(arity: 0) { _ in .string(GoTimeFormat.longDays[f.weekday]) }
        case "Unix": return .method(arity: 0) { _ in .int64(self.unix) }
        case "UnixNano": return .method(arity: 0) { _ in .int64(self.unix &* 1_000_000_000 &+ Int64(self.nanosecond)) }
        case "UnixMilli": return .method(arity: 0) { _ in .int64(self.unix &* 1000 &+ Int64(self.nanosecond / 1_000_000)) }
        case "UTC": return .method(arity: 0) { _ in .object(self.in(.utc)) }
        case "Local": return .method(arity: 0) { _ in .object(self.in(.local)) }
        case "IsZero": return .method(arity: 0) { _ in .bool(self.unix == GoTime.zeroUnix && self.nanosecond == 0) }
        case "String": return .method(arity: 0) { _ in .string(self.formatted()) }
        case "Format":
            return .method(arity: 1) { args in .string(GoTimeFormat.format(self, layout: args.first?.stringValue ?? "")) }
        case "Add":
            return .method(arity: 1) { args in .object(self.adding(nanoseconds: Cast.toInt64(args.first ?? .null))) }
        case "Sub":
            return .method(arity: 1) { args in
                guard case .object(let o)? = args.first, let other = o as? GoTime else {
                    throw FunctionError("wrong type for value; expected time.Time")
                }
                return .object(GoDuration(nanoseconds: self.since(other)))
            }
        case "AddDate":
            return .method(arity: 3) { args in
                let t = GoTime.date(year: f.year + Cast.toInt(args[0]), month: f.month + Cast.toInt(args[1]), day: f.day + Cast.toInt(args[2]),
                                    hour: f.hour, minute: f.minute, second: f.second, nanosecond: self.nanosecond, zone: self.zone)
                return .object(t)
            }
        case "Before", "After", "Equal":
            return .method(arity: 1) { args in
                guard case .object(let o)? = args.first, let other = o as? GoTime else {
                    throw FunctionError("wrong type for value; expected time.Time")
                }
                let d = self.since(other)
                return .bool(name == "Before" ? d < 0 : name == "After" ? d > 0 : d == 0)
            }
        case "Location": return .method(arity: 0) { _ in .string(self.zone.name) }
        default: return nil
        }
    }

    /// Unix seconds of Go's zero time, January 1, year 1, 00:00:00 UTC.
    static let zeroUnix: Int64 = -62135596800
    static let zero = GoTime(unix: zeroUnix, nanosecond: 0, zone: .utc)
}

/// A Go `time.Month` (prints as its English name).
struct GoMonth: GoObject {
    let value: Int
    var goTypeName: String { "time.Month" }
    var goKind: String { "int" }
    func formatted() -> String { GoTimeFormat.longMonths[(value - 1 + 12) % 12] }
    func jsonValue() -> Value { .int(value) }
    func member(_ name: String) -> GoMember? {
        name == "String" ? .method(arity: 0) { _ in .string(self.formatted()) } : nil
    }
}

enum ProcessStart {
    static let monotonic: Double = {
        var mono = timespec()
        clock_gettime(CLOCK_MONOTONIC, &mono)
        return Double(mono.tv_sec) + Double(mono.tv_nsec) / 1e9
    }()
}
