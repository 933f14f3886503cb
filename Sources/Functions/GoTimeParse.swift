import Template
/// Go's `time.ParseInLocation`, with its error messages.
enum GoTimeParse {
    struct Bad: Error {}

    static func quote(_ s: [UInt8]) -> String { "\"" + String(decoding: s, as: UTF8.self) + "\"" }

    static func parseError(_ layout: [UInt8], _ value: [UInt8], _ layoutElem: [UInt8], _ valueElem: [UInt8], _ message: String) -> FunctionError {
        if message.isEmpty {
            return FunctionError("parsing time \(quote(value)) as \(quote(layout)): cannot parse \(quote(valueElem)) as \(quote(layoutElem))")
        }
        return FunctionError("parsing time \(quote(value))\(message)")
    }

    private static func isDigit(_ s: ArraySlice<UInt8>, _ i: Int) -> Bool {
        let k = s.startIndex + i
        return k < s.endIndex && s[k] >= 48 && s[k] <= 57
    }

    private static func getnum(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws -> Int {
        guard isDigit(s, 0) else { throw Bad() }
        let a = Int(s[s.startIndex] - 48)
        guard isDigit(s, 1) else {
            if fixed { throw Bad() }
            s = s.dropFirst()
            return a
        }
        let v = a * 10 + Int(s[s.startIndex + 1] - 48)
        s = s.dropFirst(2)
        return v
    }

    private static func getnum3(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws -> Int {
        var n = 0, i = 0
        while i < 3 && isDigit(s, i) { n = n * 10 + Int(s[s.startIndex + i] - 48); i += 1 }
        if i == 0 || (fixed && i != 3) { throw Bad() }
        s = s.dropFirst(i)
        return n
    }

    private static func lookup(_ table: [String], _ s: inout ArraySlice<UInt8>) throws -> Int {
        for (i, name) in table.enumerated() {
            let u = Array(name.utf8)
            if s.count >= u.count && zip(s.prefix(u.count), u).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) {
                s = s.dropFirst(u.count)
                return i
            }
        }
        throw Bad()
    }

    private static func skip(_ value: inout ArraySlice<UInt8>, _ prefix: ArraySlice<UInt8>) throws {
        var p = prefix
        while let c = p.first {
            if c == UInt8(ascii: " ") {
                if let v = value.first, v != UInt8(ascii: " ") { throw Bad() }
                while p.first == UInt8(ascii: " ") { p = p.dropFirst() }
                while value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                continue
            }
            guard value.first == c else { throw Bad() }
            p = p.dropFirst()
            value = value.dropFirst()
        }
    }

    private static func parseNanoseconds(_ value: ArraySlice<UInt8>, _ n: Int) throws -> (Int, String) {
        guard let c = value.first, c == UInt8(ascii: ".") || c == UInt8(ascii: ",") else { throw Bad() }
        var digits = Array(value.dropFirst().prefix(min(n - 1, 9)))
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw Bad() }
        while digits.count < 9 { digits.append(48) }
        return (Int(String(decoding: digits, as: UTF8.self)) ?? 0, "")
    }

    private static func timeZoneLength(_ v: ArraySlice<UInt8>) -> Int? {
        let a = Array(v)
        if a.count < 3 { return nil }
        if a.count >= 4 && (a[0..<4] == Array("ChST".utf8)[...] || a[0..<4] == Array("MeST".utf8)[...]) { return 4 }
        if a[0..<3] == Array("GMT".utf8)[...] {
            var n = 3
            if n < a.count && (a[n] == UInt8(ascii: "+") || a[n] == UInt8(ascii: "-")) {
                var k = n + 1
                while k < a.count && a[k] >= 48 && a[k] <= 57 { k += 1 }
                if k > n + 1 { n = k }
            }
            return n
        }
        if a[0] == UInt8(ascii: "+") || a[0] == UInt8(ascii: "-") {
            var k = 1
            while k < a.count && a[k] >= 48 && a[k] <= 57 { k += 1 }
            return k > 1 ? k : nil
        }
        var upper = 0
        while upper < 6 && upper < a.count && a[upper] >= 65 && a[upper] <= 90 { upper += 1 }
        switch upper {
        case 3: return 3
        case 4: return (a[3] == UInt8(ascii: "T") || a[0..<4] == Array("WITA".utf8)[...]) ? 4 : nil
        case 5: return a[4] == UInt8(ascii: "T") ? 5 : nil
        default: return nil
        }
    }

    static func parse(layout layoutString: String, value valueString: String, in location: GoTimeZone) throws -> GoTime {
        let alayout = Array(layoutString.utf8), avalue = Array(valueString.utf8)
        var layout = alayout[...], value = avalue[...]
        var amSet = false, pmSet = false
        var year = 0, month = -1, day = -1, yday = -1, hour = 0, minute = 0, second = 0, nsec = 0
        var z: GoTimeZone? = nil
        var zoneOffset = -1
        var zoneName = ""
        while true {
            let (prefix, stdOpt, suffix) = GoTimeFormat.nextChunk(layout)
            let stdstr = Array(layout[prefix.endIndex..<suffix.startIndex])
            do { try skip(&value, prefix) } catch {
                throw parseError(alayout, avalue, Array(prefix), Array(value), "")
            }
            guard let std = stdOpt else {
                if !value.isEmpty {
                    throw parseError(alayout, avalue, [], Array(value), ": extra text: \(quote(Array(value)))")
                }
                break
            }
            layout = suffix
            let hold = value
            var rangeError = ""
            do {
                switch std {
                case .year:
                    guard value.count >= 2 else { throw Bad() }
                    guard let y = Int(String(decoding: value.prefix(2), as: UTF8.self)), value.prefix(2).allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw Bad() }
                    value = value.dropFirst(2)
                    year = y >= 69 ? y + 1900 : y + 2000
                case .longYear:
                    guard value.count >= 4, isDigit(value, 0), value.prefix(4).allSatisfy({ $0 >= 48 && $0 <= 57 }),
                          let y = Int(String(decoding: value.prefix(4), as: UTF8.self)) else { throw Bad() }
                    value = value.dropFirst(4)
                    year = y
                case .month: month = try lookup(GoTimeFormat.shortMonths, &value) + 1
                case .longMonth: month = try lookup(GoTimeFormat.longMonths, &value) + 1
                case .numMonth, .zeroMonth:
                    month = try getnum(&value, fixed: std == .zeroMonth)
                    if month <= 0 || month > 12 { rangeError = "month" }
                case .weekDay: _ = try lookup(GoTimeFormat.shortDays, &value)
                case .longWeekDay: _ = try lookup(GoTimeFormat.longDays, &value)
                case .day, .underDay, .zeroDay:
                    if std == .underDay && value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                    day = try getnum(&value, fixed: std == .zeroDay)
                case .underYearDay, .zeroYearDay:
                    for _ in 0..<2 where std == .underYearDay && value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                    yday = try getnum3(&value, fixed: std == .zeroYearDay)
                case .hour:
                    hour = try getnum(&value, fixed: false)
                    if hour < 0 || hour >= 24 { rangeError = "hour" }
                case .hour12, .zeroHour12:
                    hour = try getnum(&value, fixed: std == .zeroHour12)
                    if hour < 0 || hour > 12 { rangeError = "hour" }
                case .minute, .zeroMinute:
                    minute = try getnum(&value, fixed: std == .zeroMinute)
                    if minute < 0 || minute >= 60 { rangeError = "minute" }
                case .second, .zeroSecond:
                    second = try getnum(&value, fixed: std == .zeroSecond)
                    if second < 0 || second >= 60 { rangeError = "second"; break }
                    if value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","), isDigit(value, 1) {
                        let (_, next, _) = GoTimeFormat.nextChunk(layout)
                        if case .fracSecond0? = next { break }
                        if case .fracSecond9? = next { break }
                        var n = 2
                        while isDigit(value, n) { n += 1 }
                        (nsec, rangeError) = try parseNanoseconds(value, n)
                        value = value.dropFirst(n)
                    }
                case .pm, .lowerPM:
                    guard value.count >= 2 else { throw Bad() }
                    let p = String(decoding: value.prefix(2), as: UTF8.self)
                    value = value.dropFirst(2)
                    switch (std == .pm ? p : p.uppercased()) {
                    case "PM" where std == .pm || p == "pm": pmSet = true
                    case "AM" where std == .pm || p == "am": amSet = true
                    default: throw Bad()
                    }
                case .iso8601TZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ColonSecondsTZ,
                     .numTZ, .numShortTZ, .numColonTZ, .numSecondsTZ, .numColonSecondsTZ:
                    let iso = [.iso8601TZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ColonSecondsTZ].contains(std)
                    if iso && value.first == UInt8(ascii: "Z") { value = value.dropFirst(); z = .utc; break }
                    let v = Array(value)
                    var sign: UInt8, hh: [UInt8], mm: [UInt8], ss: [UInt8] = Array("00".utf8)
                    switch std {
                    case .iso8601ColonTZ, .numColonTZ:
                        guard v.count >= 6, v[3] == UInt8(ascii: ":") else { throw Bad() }
                        sign = v[0]; hh = Array(v[1..<3]); mm = Array(v[4..<6]); value = value.dropFirst(6)
                    case .numShortTZ, .iso8601ShortTZ:
                        guard v.count >= 3 else { throw Bad() }
                        sign = v[0]; hh = Array(v[1..<3]); mm = Array("00".utf8); value = value.dropFirst(3)
                    case .iso8601ColonSecondsTZ, .numColonSecondsTZ:
                        guard v.count >= 9, v[3] == UInt8(ascii: ":"), v[6] == UInt8(ascii: ":") else { throw Bad() }
                        sign = v[0]; hh = Array(v[1..<3]); mm = Array(v[4..<6]); ss = Array(v[7..<9]); value = value.dropFirst(9)
                    case .iso8601SecondsTZ, .numSecondsTZ:
                        guard v.count >= 7 else { throw Bad() }
                        sign = v[0]; hh = Array(v[1..<3]); mm = Array(v[3..<5]); ss = Array(v[5..<7]); value = value.dropFirst(7)
                    default:
                        guard v.count >= 5 else { throw Bad() }
                        sign = v[0]; hh = Array(v[1..<3]); mm = Array(v[3..<5]); value = value.dropFirst(5)
                    }
                    var hs = hh[...], ms = mm[...], sss = ss[...]
                    let hr = try getnum(&hs, fixed: true), mn = try getnum(&ms, fixed: true), sc = try getnum(&sss, fixed: true)
                    if hr > 24 { rangeError = "time zone offset hour" }
                    if mn > 60 { rangeError = "time zone offset minute" }
                    if sc > 60 { rangeError = "time zone offset second" }
                    zoneOffset = (hr * 60 + mn) * 60 + sc
                    switch sign {
                    case UInt8(ascii: "+"): break
                    case UInt8(ascii: "-"): zoneOffset = -zoneOffset
                    default: throw Bad()
                    }
                case .tz:
                    if value.count >= 3 && Array(value.prefix(3)) == Array("UTC".utf8) { z = .utc; value = value.dropFirst(3); break }
                    guard let n = timeZoneLength(value) else { throw Bad() }
                    zoneName = String(decoding: value.prefix(n), as: UTF8.self)
                    value = value.dropFirst(n)
                case .fracSecond0(let digits, _):
                    let n = 1 + digits
                    guard value.count >= n else { throw Bad() }
                    (nsec, rangeError) = try parseNanoseconds(value, n)
                    value = value.dropFirst(n)
                case .fracSecond9:
                    guard value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","), isDigit(value, 1) else { break }
                    var i = 0
                    while isDigit(value, i + 1) { i += 1 }
                    (nsec, rangeError) = try parseNanoseconds(value, 1 + i)
                    value = value.dropFirst(1 + i)
                }
            } catch {
                if !rangeError.isEmpty { throw parseError(alayout, avalue, stdstr, Array(value), ": \(rangeError) out of range") }
                throw parseError(alayout, avalue, stdstr, Array(hold), "")
            }
            if !rangeError.isEmpty { throw parseError(alayout, avalue, stdstr, Array(value), ": \(rangeError) out of range") }
        }
        if pmSet && hour < 12 { hour += 12 } else if amSet && hour == 12 { hour = 0 }
        if yday >= 0 {
            var d = 0, m = 0
            var yd = yday
            if GoCivil.isLeap(year) {
                if yd == 31 + 29 { m = 2; d = 29 } else if yd > 31 + 29 { yd -= 1 }
            }
            if yd < 1 || yd > 365 { throw parseError(alayout, avalue, [], Array(value), ": day-of-year out of range") }
            if m == 0 {
                let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
                m = (yd - 1) / 31 + 1
                if before[m] < yd { m += 1 }
                d = yd - before[m - 1]
            }
            if month >= 0 && month != m { throw parseError(alayout, avalue, [], Array(value), ": day-of-year does not match month") }
            month = m
            if day >= 0 && day != d { throw parseError(alayout, avalue, [], Array(value), ": day-of-year does not match day") }
            day = d
        } else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
        }
        if day < 1 || day > GoCivil.daysIn(month: month, year: year) {
            throw parseError(alayout, avalue, [], Array(value), ": day out of range")
        }
        if let z {
            return GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nsec, zone: z)
        }
        if zoneOffset != -1 {
            let t = GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nsec, zone: .utc)
            let unix = t.unix - Int64(zoneOffset)
            let (name, offset, _, _) = location.lookup(unix)
            if offset == zoneOffset && (zoneName.isEmpty || name == zoneName) {
                return GoTime(unix: unix, nanosecond: nsec, zone: location)
            }
            return GoTime(unix: unix, nanosecond: nsec, zone: .fixed(name: zoneName, offset: zoneOffset))
        }
        if !zoneName.isEmpty {
            let t = GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nsec, zone: .utc)
            if let offset = location.lookupName(zoneName, t.unix) {
                return GoTime(unix: t.unix - Int64(offset), nanosecond: nsec, zone: location)
            }
            var offset = 0
            if zoneName.count > 3 && zoneName.hasPrefix("GMT") { offset = (Int(zoneName.dropFirst(3)) ?? 0) * 3600 }
            return GoTime(unix: t.unix, nanosecond: nsec, zone: .fixed(name: zoneName, offset: offset))
        }
        return GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nsec, zone: location)
    }
}
