import Template
import Values

/// Sprig's date.go: formatting with Go layouts, parsing, durations.
enum DateFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        let clock = options.clock
        let local = options.localZone

        @Sendable func time(_ v: Value) -> GoTime {
            switch v {
            case .object(let o): if let t = o as? GoTime { return t }
            case .int64(let i): return GoTime(unix: i, nanosecond: 0, zone: local)
            case .int(let i): return GoTime(unix: Int64(i), nanosecond: 0, zone: local)
            default: break
            }
            return clock()
        }
        @Sendable func inZone(_ layout: String, _ date: Value, _ zone: String) -> String {
            let z = GoTimeZone.load(zone, local: local) ?? .utc
            return GoTimeFormat.format(time(date).in(z), layout: layout)
        }
        @Sendable func timeArgument(_ v: Value) throws -> GoTime {
            if case .object(let o) = v, let t = o as? GoTime { return t }
            throw FunctionError("wrong type for value; expected time.Time; got \(v.goTypeName)")
        }

        t.add("now", []) { _, _ in .object(clock()) }
        t.add("date", [.string, .any]) { a, _ in .string(inZone(a.string(0), a.arg(1), "Local")) }
        t.add("htmlDate", [.any]) { a, _ in .string(inZone("2006-01-02", a.arg(0), "Local")) }
        t.add("htmlDateInZone", [.any, .string]) { a, _ in .string(inZone("2006-01-02", a.arg(0), a.string(1))) }
        for name in ["dateInZone", "date_in_zone"] {
            t.add(name, [.string, .any, .string]) { a, _ in .string(inZone(a.string(0), a.arg(1), a.string(2))) }
        }
        for name in ["dateModify", "date_modify"] {
            t.add(name, [.string, .any]) { a, _ in
                let date = try timeArgument(a.arg(1))
                guard let d = try? GoDuration.parse(a.string(0)) else { return .object(date) }
                return .object(date.adding(nanoseconds: d))
            }
        }
        for name in ["mustDateModify", "must_date_modify"] {
            t.add(name, [.string, .any]) { a, _ in
                let date = try timeArgument(a.arg(1))
                return .object(date.adding(nanoseconds: try GoDuration.parse(a.string(0))))
            }
        }
        t.add("ago", [.any]) { a, _ in
            let since = clock().since(time(a.arg(0)))
            return .string(GoDuration.string(GoDuration.round(since, 1_000_000_000)))
        }
        t.add("duration", [.any]) { a, _ in
            var n: Int64 = 0
            switch a.arg(0) {
            case .string(let s): n = GoNumberParser.parseInt(s, base: 10) ?? 0
            case .int64(let i): n = i
            default: n = 0
            }
            return .string(GoDuration.string(n &* 1_000_000_000))
        }
        t.add("durationRound", [.any]) { a, _ in
            var d: Int64 = 0
            switch a.arg(0) {
            case .string(let s): d = (try? GoDuration.parse(s)) ?? 0
            case .int64(let i): d = i
            case .object(let o): if let t = o as? GoTime { d = clock().since(t) }
            default: d = 0
            }
            return .string(roundedDuration(d))
        }
        t.add("toDate", [.string, .string]) { a, _ in
            .object((try? GoTimeParse.parse(layout: a.string(0), value: a.string(1), in: local)) ?? GoTime.zero)
        }
        t.add("mustToDate", [.string, .string]) { a, _ in
            .object(try GoTimeParse.parse(layout: a.string(0), value: a.string(1), in: local))
        }
        t.add("unixEpoch", [.any]) { a, _ in .string(String(try timeArgument(a.arg(0)).unix)) }

        t.add("mustToDuration", [.any]) { a, _ in .object(GoDuration(nanoseconds: try asDuration(a.arg(0)))) }
        t.add("durationSeconds", [.any]) { a, _ in .float(GoDuration.seconds((try? asDuration(a.arg(0))) ?? 0)) }
        t.add("durationMilliseconds", [.any]) { a, _ in .int64(((try? asDuration(a.arg(0))) ?? 0) / 1_000_000) }
        t.add("durationMicroseconds", [.any]) { a, _ in .int64(((try? asDuration(a.arg(0))) ?? 0) / 1_000) }
        t.add("durationNanoseconds", [.any]) { a, _ in .int64((try? asDuration(a.arg(0))) ?? 0) }
        t.add("durationMinutes", [.any]) { a, _ in .float(GoDuration.minutes((try? asDuration(a.arg(0))) ?? 0)) }
        t.add("durationHours", [.any]) { a, _ in .float(GoDuration.hours((try? asDuration(a.arg(0))) ?? 0)) }
        t.add("durationDays", [.any]) { a, _ in .float(GoDuration.hours((try? asDuration(a.arg(0))) ?? 0) / 24) }
        t.add("durationWeeks", [.any]) { a, _ in .float(GoDuration.hours((try? asDuration(a.arg(0))) ?? 0) / 24 / 7) }
        t.add("durationRoundTo", [.any, .any]) { a, _ in
            guard let d = try? asDuration(a.arg(0)) else { return .object(GoDuration(nanoseconds: 0)) }
            guard let m = try? asDuration(a.arg(1)) else { return .object(GoDuration(nanoseconds: d)) }
            return .object(GoDuration(nanoseconds: GoDuration.round(d, m)))
        }
        t.add("durationTruncateTo", [.any, .any]) { a, _ in
            guard let d = try? asDuration(a.arg(0)) else { return .object(GoDuration(nanoseconds: 0)) }
            guard let m = try? asDuration(a.arg(1)) else { return .object(GoDuration(nanoseconds: d)) }
            return .object(GoDuration(nanoseconds: GoDuration.truncate(d, m)))
        }
    }

    /// Sprig's `asDuration`: durations, duration strings, numeric strings and
    /// numbers (as seconds).
    static func asDuration(_ v: Value) throws -> Int64 {
        switch v {
        case .object(let o):
            if let d = o as? GoDuration { return d.nanoseconds }
            throw FunctionError("unsupported duration type \(o.goTypeName)")
        case .string(let raw):
            let s = StringFunctions.trimSpace(raw)
            if s.isEmpty { throw FunctionError("empty duration") }
            if let d = try? GoDuration.parse(s) { return d }
            if let f = GoNumberParser.parseFloat(s) { return Cast.truncatingInt64(f * 1e9) }
            throw FunctionError("could not parse duration \(GoPrint.quote(raw))")
        case .null: throw FunctionError("invalid duration")
        case .int(let i): return Int64(i) &* 1_000_000_000
        case .int64(let i): return i &* 1_000_000_000
        case .float(let f): return Cast.truncatingInt64(f * 1e9)
        default: throw FunctionError("unsupported duration type \(v.goTypeName)")
        }
    }

    /// Sprig's `durationRound`: the largest whole unit (y, mo, d, h, m, s).
    static func roundedDuration(_ d: Int64) -> String {
        let u = d < 0 ? UInt64(bitPattern: 0 &- d) : UInt64(d)
        let second: UInt64 = 1_000_000_000, minute = 60 * second, hour = 60 * minute, day = 24 * hour
        let month = 30 * day, year = 365 * day
        if u > year { return "\(u / year)y" }
        if u > month { return "\(u / month)mo" }
        if u > day { return "\(u / day)d" }
        if u > hour { return "\(u / hour)h" }
        if u > minute { return "\(u / minute)m" }
        if u > second { return "\(u / second)s" }
        return "0s"
    }
}
