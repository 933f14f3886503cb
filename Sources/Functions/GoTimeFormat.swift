/// Go's reference-time layout language (`time.Format`, `time.Parse`).
enum GoTimeFormat {
    static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let shortMonths = longMonths.map { String($0.prefix(3)) }
    static let longDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let shortDays = longDays.map { String($0.prefix(3)) }

    enum Std: Equatable {
        case longMonth, month, numMonth, zeroMonth, longWeekDay, weekDay, day, underDay, zeroDay
        case underYearDay, zeroYearDay, hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
        case longYear, year, pm, lowerPM, tz
        case iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ, iso8601ColonSecondsTZ
        case numTZ, numSecondsTZ, numShortTZ, numColonTZ, numColonSecondsTZ
        case fracSecond0(digits: Int, separator: UInt8), fracSecond9(digits: Int, separator: UInt8)
    }

    /// Go's `nextStdChunk`: literal prefix, element, remaining layout.
    static func nextChunk(_ l: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Std?, ArraySlice<UInt8>) {
        func has(_ i: Int, _ s: String) -> Bool {
            let u = Array(s.utf8)
            return i + u.count <= l.endIndex && Array(l[i..<(i + u.count)]) == u
        }
        func lowerAt(_ i: Int) -> Bool { i < l.endIndex && l[i] >= 97 && l[i] <= 122 }
        func digitAt(_ i: Int) -> Bool { i < l.endIndex && l[i] >= 48 && l[i] <= 57 }
        var i = l.startIndex
        while i < l.endIndex {
            let c = l[i]
            func ret(_ std: Std, _ n: Int) -> (ArraySlice<UInt8>, Std?, ArraySlice<UInt8>) { (l[l.startIndex..<i], std, l[(i + n)...]) }
            switch c {
            case UInt8(ascii: "J"):
                if has(i, "Jan") {
                    if has(i, "January") { return ret(.longMonth, 7) }
                    if !lowerAt(i + 3) { return ret(.month, 3) }
                }
            case UInt8(ascii: "M"):
                if has(i, "Mon") {
                    if has(i, "Monday") { return ret(.longWeekDay, 6) }
                    if !lowerAt(i + 3) { return ret(.weekDay, 3) }
                }
                if has(i, "MST") { return ret(.tz, 3) }
            case UInt8(ascii: "0"):
                if i + 1 < l.endIndex && l[i + 1] >= 49 && l[i + 1] <= 54 {
                    let table: [Std] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                    return ret(table[Int(l[i + 1] - 49)], 2)
                }
                if has(i, "002") { return ret(.zeroYearDay, 3) }
            case UInt8(ascii: "1"):
                if has(i, "15") { return ret(.hour, 2) }
                return ret(.numMonth, 1)
            case UInt8(ascii: "2"):
                if has(i, "2006") { return ret(.longYear, 4) }
                return ret(.day, 1)
            case UInt8(ascii: "_"):
                if i + 1 < l.endIndex && l[i + 1] == UInt8(ascii: "2") {
                    if has(i + 1, "2006") { return (l[l.startIndex...i], .longYear, l[(i + 5)...]) }
                    return ret(.underDay, 2)
                }
                if has(i, "__2") { return ret(.underYearDay, 3) }
            case UInt8(ascii: "3"): return ret(.hour12, 1)
            case UInt8(ascii: "4"): return ret(.minute, 1)
            case UInt8(ascii: "5"): return ret(.second, 1)
            case UInt8(ascii: "P"): if has(i, "PM") { return ret(.pm, 2) }
            case UInt8(ascii: "p"): if has(i, "pm") { return ret(.lowerPM, 2) }
            case UInt8(ascii: "-"):
                if has(i, "-070000") { return ret(.numSecondsTZ, 7) }
                if has(i, "-07:00:00") { return ret(.numColonSecondsTZ, 9) }
                if has(i, "-0700") { return ret(.numTZ, 5) }
                if has(i, "-07:00") { return ret(.numColonTZ, 6) }
                if has(i, "-07") { return ret(.numShortTZ, 3) }
            case UInt8(ascii: "Z"):
                if has(i, "Z070000") { return ret(.iso8601SecondsTZ, 7) }
                if has(i, "Z07:00:00") { return ret(.iso8601ColonSecondsTZ, 9) }
                if has(i, "Z0700") { return ret(.iso8601TZ, 5) }
                if has(i, "Z07:00") { return ret(.iso8601ColonTZ, 6) }
                if has(i, "Z07") { return ret(.iso8601ShortTZ, 3) }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if i + 1 < l.endIndex && (l[i + 1] == UInt8(ascii: "0") || l[i + 1] == UInt8(ascii: "9")) {
                    let ch = l[i + 1]
                    var j = i + 1
                    while j < l.endIndex && l[j] == ch { j += 1 }
                    if !digitAt(j) {
                        let n = j - (i + 1)
                        let std: Std = ch == UInt8(ascii: "0") ? .fracSecond0(digits: n, separator: c) : .fracSecond9(digits: n, separator: c)
                        return (l[l.startIndex..<i], std, l[j...])
                    }
                }
            default: break
            }
            i += 1
        }
        return (l, nil, l[l.endIndex...])
    }

    private static func appendInt(_ out: inout [UInt8], _ v: Int, _ width: Int) {
        var u = v
        if u < 0 { out.append(UInt8(ascii: "-")); u = -u }
        let digits = Array(String(u).utf8)
        if digits.count < width { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        out.append(contentsOf: digits)
    }

    static func format(_ t: GoTime, layout: String) -> String {
        let f = t.fields()
        var out: [UInt8] = []
        var rest = Array(layout.utf8)[...]
        while !rest.isEmpty {
            let (prefix, std, suffix) = nextChunk(rest)
            out.append(contentsOf: prefix)
            guard let std else { break }
            rest = suffix
            switch std {
            case .year: appendInt(&out, ((f.year % 100) + 100) % 100, 2)
            case .longYear: appendInt(&out, f.year, 4)
            case .month: out.append(contentsOf: shortMonths[f.month - 1].utf8)
            case .longMonth: out.append(contentsOf: longMonths[f.month - 1].utf8)
            case .numMonth: appendInt(&out, f.month, 0)
            case .zeroMonth: appendInt(&out, f.month, 2)
            case .weekDay: out.append(contentsOf: shortDays[f.weekday].utf8)
            case .longWeekDay: out.append(contentsOf: longDays[f.weekday].utf8)
            case .day: appendInt(&out, f.day, 0)
            case .underDay:
                if f.day < 10 { out.append(UInt8(ascii: " ")) }
                appendInt(&out, f.day, 0)
            case .zeroDay: appendInt(&out, f.day, 2)
            case .underYearDay:
                if f.yearDay < 100 {
                    out.append(UInt8(ascii: " "))
                    if f.yearDay < 10 { out.append(UInt8(ascii: " ")) }
                }
                appendInt(&out, f.yearDay, 0)
            case .zeroYearDay: appendInt(&out, f.yearDay, 3)
            case .hour: appendInt(&out, f.hour, 2)
            case .hour12: appendInt(&out, f.hour % 12 == 0 ? 12 : f.hour % 12, 0)
            case .zeroHour12: appendInt(&out, f.hour % 12 == 0 ? 12 : f.hour % 12, 2)
            case .minute: appendInt(&out, f.minute, 0)
            case .zeroMinute: appendInt(&out, f.minute, 2)
            case .second: appendInt(&out, f.second, 0)
            case .zeroSecond: appendInt(&out, f.second, 2)
            case .pm: out.append(contentsOf: (f.hour >= 12 ? "PM" : "AM").utf8)
            case .lowerPM: out.append(contentsOf: (f.hour >= 12 ? "pm" : "am").utf8)
            case .iso8601TZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonSecondsTZ,
                 .numTZ, .numColonTZ, .numSecondsTZ, .numShortTZ, .numColonSecondsTZ:
                let isISO = [.iso8601TZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonSecondsTZ].contains(std)
                if f.offset == 0 && isISO { out.append(UInt8(ascii: "Z")); break }
                var zone = f.offset / 60
                var absOffset = f.offset
                if zone < 0 { out.append(UInt8(ascii: "-")); zone = -zone; absOffset = -absOffset } else { out.append(UInt8(ascii: "+")) }
                appendInt(&out, zone / 60, 2)
                let colon = [.iso8601ColonTZ, .numColonTZ, .iso8601ColonSecondsTZ, .numColonSecondsTZ].contains(std)
                if colon { out.append(UInt8(ascii: ":")) }
                if std != .numShortTZ && std != .iso8601ShortTZ { appendInt(&out, zone % 60, 2) }
                if [.iso8601SecondsTZ, .numSecondsTZ, .numColonSecondsTZ, .iso8601ColonSecondsTZ].contains(std) {
                    if colon { out.append(UInt8(ascii: ":")) }
                    appendInt(&out, absOffset % 60, 2)
                }
            case .tz:
                if !f.zoneName.isEmpty { out.append(contentsOf: f.zoneName.utf8); break }
                var zone = f.offset / 60
                if zone < 0 { out.append(UInt8(ascii: "-")); zone = -zone } else { out.append(UInt8(ascii: "+")) }
                appendInt(&out, zone / 60, 2)
                appendInt(&out, zone % 60, 2)
            case .fracSecond0(let n, let sep), .fracSecond9(let n, let sep):
                let trim: Bool
                if case .fracSecond9 = std { trim = true } else { trim = false }
                if trim && (n == 0 || t.nanosecond == 0) { break }
                var digits: [UInt8] = [sep]
                appendInt(&digits, t.nanosecond, 9)
                if n < 9 { digits.removeLast(9 - n) }
                if trim {
                    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
                    if digits.last == sep { digits.removeLast() }
                }
                out.append(contentsOf: digits)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
