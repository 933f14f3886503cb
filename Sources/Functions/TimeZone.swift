import Foundation

/// A Go `*time.Location`: UTC, a fixed offset, or rules read from the
/// system's TZif files (`/usr/share/zoneinfo`), as Go's `time.LoadLocation` does.
public struct GoTimeZone: Sendable {
    struct ZoneType: Sendable { let offset: Int; let isDST: Bool; let name: String }
    let name: String
    let types: [ZoneType]
    let transitions: [(at: Int64, type: Int)]
    let rule: PosixRule?

    /// Go's `time.UTC`.
    public static let utc = GoTimeZone(name: "UTC", types: [ZoneType(offset: 0, isDST: false, name: "UTC")], transitions: [], rule: nil)

    /// Go's `time.FixedZone(name, offset)`.
    public static func fixed(name: String, offset: Int) -> GoTimeZone {
        GoTimeZone(name: name, types: [ZoneType(offset: offset, isDST: false, name: name)], transitions: [], rule: nil)
    }

    /// Go's `time.Local` for this process's environment.
    public static var local: GoTimeZone { local(tz: ProcessInfo.processInfo.environment["TZ"]) }

    /// Go's `initLocal` for a given `$TZ` (nil: unset): unset reads
    /// `/etc/localtime` (named "Local"); a leading ":" is dropped; an absolute
    /// path is read as a TZif file; another name other than "UTC" is looked up
    /// in the zoneinfo directories and keeps its name; anything else, or a
    /// zone that cannot be loaded, is UTC.
    public static func local(tz: String?) -> GoTimeZone {
        guard var tz else {
            if let data = FileManager.default.contents(atPath: "/etc/localtime"), let z = parse(Array(data), name: "Local") {
                return z
            }
            return .utc
        }
        if tz.hasPrefix(":") { tz.removeFirst() }
        if tz.hasPrefix("/") {
            if let data = FileManager.default.contents(atPath: tz), let z = parse(Array(data), name: tz == "/etc/localtime" ? "Local" : tz) {
                return z
            }
        } else if !tz.isEmpty, tz != "UTC", let z = loadFromZoneInfo(tz) {
            return z
        }
        return .utc
    }

    func renamed(_ n: String) -> GoTimeZone { GoTimeZone(name: n, types: types, transitions: transitions, rule: rule) }

    /// Go's `time.LoadLocation`: "" and "UTC" are UTC, "Local" is `local`
    /// (the process's zone when nil), else a TZif file from the zoneinfo directories.
    public static func load(_ name: String, local: GoTimeZone? = nil) -> GoTimeZone? {
        if name == "" || name == "UTC" { return .utc }
        if name == "Local" { return local ?? .local }
        return loadFromZoneInfo(name)
    }

    private static func loadFromZoneInfo(_ name: String) -> GoTimeZone? {
        if name.hasPrefix("/") || name.contains("..") || name.contains("\\") { return nil }
        for dir in ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"] {
            if let data = FileManager.default.contents(atPath: dir + name) {
                return parse(Array(data), name: name)
            }
        }
        return nil
    }

    /// The zone in effect at `unix`: abbreviation, offset, and the validity range.
    func lookup(_ unix: Int64) -> (name: String, offset: Int, start: Int64, end: Int64) {
        if transitions.isEmpty || unix < transitions[0].at {
            if let r = rule, transitions.isEmpty { return r.lookup(unix) }
            let t = firstStandardType()
            let end = transitions.first?.at ?? Int64.max
            return (t.name, t.offset, Int64.min, end)
        }
        var lo = 0, hi = transitions.count
        while hi - lo > 1 {
            let m = (lo + hi) / 2
            if unix < transitions[m].at { hi = m } else { lo = m }
        }
        if lo == transitions.count - 1, let r = rule {
            let result = r.lookup(unix)
            return (result.name, result.offset, max(result.start, transitions[lo].at), result.end)
        }
        let t = types[transitions[lo].type]
        let end = lo + 1 < transitions.count ? transitions[lo + 1].at : Int64.max
        return (t.name, t.offset, transitions[lo].at, end)
    }

    /// Offset of a zone abbreviation in effect around `unix` (Go's `lookupName`).
    func lookupName(_ abbreviation: String, _ unix: Int64) -> Int? {
        for t in types where t.name == abbreviation {
            let (n, offset, _, _) = lookup(unix - Int64(t.offset))
            if n == t.name { return offset }
        }
        for t in types where t.name == abbreviation { return t.offset }
        return nil
    }

    private func firstStandardType() -> ZoneType {
        types.first { !$0.isDST } ?? types.first ?? ZoneType(offset: 0, isDST: false, name: "UTC")
    }

    static func parse(_ d: [UInt8], name: String) -> GoTimeZone? {
        guard d.count >= 44, d[0] == 0x54, d[1] == 0x5A, d[2] == 0x69, d[3] == 0x66 else { return nil }
        func be32(_ i: Int) -> Int64 {
            guard i + 4 <= d.count else { return 0 }
            return Int64(Int32(bitPattern: UInt32(d[i]) << 24 | UInt32(d[i + 1]) << 16 | UInt32(d[i + 2]) << 8 | UInt32(d[i + 3])))
        }
        func be64(_ i: Int) -> Int64 {
            guard i + 8 <= d.count else { return 0 }
            var v: UInt64 = 0
            for k in 0..<8 { v = v << 8 | UInt64(d[i + k]) }
            return Int64(bitPattern: v)
        }
        let version = d[4]
        var base = 0
        var timeSize = 4
        func counts(_ b: Int) -> (Int, Int, Int, Int, Int, Int) {
            (Int(be32(b + 20)), Int(be32(b + 24)), Int(be32(b + 28)), Int(be32(b + 32)), Int(be32(b + 36)), Int(be32(b + 40)))
        }
        var (isut, isstd, leap, timecnt, typecnt, charcnt) = counts(0)
        if version >= 0x32 {
            let v1 = 44 + timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut
            base = v1
            timeSize = 8
            guard d.count >= base + 44 else { return nil }
            (isut, isstd, leap, timecnt, typecnt, charcnt) = counts(base)
        }
        var p = base + 44
        var times: [Int64] = []
        for i in 0..<timecnt { times.append(timeSize == 8 ? be64(p + i * 8) : be32(p + i * 4)) }
        p += timecnt * timeSize
        guard p + timecnt <= d.count else { return nil }
        let indices = (0..<timecnt).map { Int(d[p + $0]) }
        p += timecnt
        var raw: [(Int, Bool, Int)] = []
        for i in 0..<typecnt {
            let q = p + i * 6
            guard q + 6 <= d.count else { return nil }
            raw.append((Int(be32(q)), d[q + 4] != 0, Int(d[q + 5])))
        }
        p += typecnt * 6
        guard p + charcnt <= d.count else { return nil }
        let chars = Array(d[p..<(p + charcnt)])
        p += charcnt + leap * (timeSize + 4) + isstd + isut
        let types = raw.map { (offset, dst, idx) -> ZoneType in
            var end = idx
            while end < chars.count && chars[end] != 0 { end += 1 }
            let abbreviation = idx < chars.count ? String(decoding: chars[idx..<end], as: UTF8.self) : ""
            return ZoneType(offset: offset, isDST: dst, name: abbreviation)
        }
        var rule: PosixRule? = nil
        if version >= 0x32, p < d.count, d[p] == 0x0A {
            var e = p + 1
            while e < d.count && d[e] != 0x0A { e += 1 }
            rule = PosixRule.parse(String(decoding: d[(p + 1)..<e], as: UTF8.self))
        }
        let transitions = zip(times, indices).filter { $0.1 < types.count }.map { (at: $0.0, type: $0.1) }
        return GoTimeZone(name: name, types: types, transitions: transitions, rule: rule)
    }
}

/// The POSIX TZ footer of a TZif file (`CET-1CEST,M3.5.0,M10.5.0/3`), used
/// after the last transition, as Go's `tzset` does.
struct PosixRule: Sendable {
    let stdName: String, stdOffset: Int
    let dstName: String?, dstOffset: Int
    let start: (month: Int, week: Int, day: Int, time: Int)?
    let end: (month: Int, week: Int, day: Int, time: Int)?

    static func parse(_ s: String) -> PosixRule? {
        var b = Array(s.utf8)[...]
        func name() -> String? {
            if b.first == UInt8(ascii: "<") {
                guard let close = b.firstIndex(of: UInt8(ascii: ">")) else { return nil }
                let n = String(decoding: b[(b.startIndex + 1)..<close], as: UTF8.self)
                b = b[(close + 1)...]
                return n
            }
            var e = b.startIndex
            while e < b.endIndex && ((b[e] | 0x20) >= 97 && (b[e] | 0x20) <= 122) { e += 1 }
            guard e - b.startIndex >= 3 else { return nil }
            let n = String(decoding: b[b.startIndex..<e], as: UTF8.self)
            b = b[e...]
            return n
        }
        func number() -> Int? {
            var e = b.startIndex
            while e < b.endIndex && b[e] >= 48 && b[e] <= 57 { e += 1 }
            guard e > b.startIndex else { return nil }
            let v = Int(String(decoding: b[b.startIndex..<e], as: UTF8.self))
            b = b[e...]
            return v
        }
        func offset() -> Int? {
            var sign = 1
            if b.first == UInt8(ascii: "+") { b = b.dropFirst() } else if b.first == UInt8(ascii: "-") { sign = -1; b = b.dropFirst() }
            guard let h = number() else { return nil }
            var secs = h * 3600
            if b.first == UInt8(ascii: ":") { b = b.dropFirst(); secs += (number() ?? 0) * 60 }
            if b.first == UInt8(ascii: ":") { b = b.dropFirst(); secs += number() ?? 0 }
            return sign * secs
        }
        func date() -> (Int, Int, Int, Int)? {
            guard b.first == UInt8(ascii: "M") else { return nil }
            b = b.dropFirst()
            guard let m = number(), b.first == UInt8(ascii: "."), b.dropFirst().isEmpty == false else { return nil }
            b = b.dropFirst()
            guard let w = number(), b.first == UInt8(ascii: ".") else { return nil }
            b = b.dropFirst()
            guard let dd = number() else { return nil }
            var t = 7200
            if b.first == UInt8(ascii: "/") { b = b.dropFirst(); t = offset() ?? 7200 }
            return (m, w, dd, t)
        }
        guard let std = name(), let stdOff = offset() else { return nil }
        if b.isEmpty {
            return PosixRule(stdName: std, stdOffset: -stdOff, dstName: nil, dstOffset: 0, start: nil, end: nil)
        }
        guard let dst = name() else { return nil }
        var dstOff = -stdOff + 3600
        if b.first != UInt8(ascii: ",") { guard let o = offset() else { return nil }; dstOff = -o }
        guard b.first == UInt8(ascii: ",") else { return nil }
        b = b.dropFirst()
        guard let s1 = date(), b.first == UInt8(ascii: ",") else { return nil }
        b = b.dropFirst()
        guard let s2 = date() else { return nil }
        return PosixRule(stdName: std, stdOffset: -stdOff, dstName: dst, dstOffset: dstOff,
                         start: (s1.0, s1.1, s1.2, s1.3), end: (s2.0, s2.1, s2.2, s2.3))
    }

    func lookup(_ unix: Int64) -> (name: String, offset: Int, start: Int64, end: Int64) {
        guard let dstName, let start, let end else { return (stdName, stdOffset, Int64.min, Int64.max) }
        let year = GoCivil.civil(fromDays: GoCivil.floorDiv(unix + Int64(stdOffset), 86400)).year
        func transition(_ r: (month: Int, week: Int, day: Int, time: Int), _ y: Int, _ offset: Int) -> Int64 {
            let firstOfMonth = GoCivil.days(year: y, month: r.month, day: 1)
            let weekday = Int(GoCivil.floorMod(firstOfMonth + 4, 7))
            var day = 1 + (r.day - weekday + 7) % 7 + (r.week - 1) * 7
            let dim = GoCivil.daysIn(month: r.month, year: y)
            while day > dim { day -= 7 }
            return (GoCivil.days(year: y, month: r.month, day: day)) * 86400 + Int64(r.time) - Int64(offset)
        }
        let s = transition(start, year, stdOffset)
        let e = transition(end, year, dstOffset)
        if s < e {
            if unix >= s && unix < e { return (dstName, dstOffset, s, e) }
            if unix < s { return (stdName, stdOffset, transition(end, year - 1, dstOffset), s) }
            return (stdName, stdOffset, e, transition(start, year + 1, stdOffset))
        } else {
            if unix >= e && unix < s { return (stdName, stdOffset, e, s) }
            if unix < e { return (dstName, dstOffset, transition(start, year - 1, stdOffset), e) }
            return (dstName, dstOffset, s, transition(end, year + 1, dstOffset))
        }
    }
}

/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01.
enum GoCivil {
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = floorDiv(z, 146097)
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
