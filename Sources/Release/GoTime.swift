#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A wall-clock instant with nanosecond precision, printed the ways Helm prints
/// Go `time.Time` values (JSON/RFC 3339, `time.ANSIC` in tables, `Time.String()`
/// in `list`). Times are shown in the local time zone, as Go's `Local()` does.
public struct GoTime: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static func now() -> GoTime {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return GoTime(seconds: Int64(ts.tv_sec), nanoseconds: Int32(ts.tv_nsec))
    }

    public static func < (a: GoTime, b: GoTime) -> Bool {
        (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }

    private struct Parts {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, weekday = 0
        var offset = 0
        var zone = ""
    }

    /// The zone a time is shown in: the process's local zone (Go's `Local()`), or UTC.
    public enum Zone: Sendable {
        case local, utc
    }

    private func parts(_ zone: Zone) -> Parts {
        var t = time_t(seconds)
        var tmValue = tm()
        switch zone {
        case .local: localtime_r(&t, &tmValue)
        case .utc: gmtime_r(&t, &tmValue)
        }
        var p = Parts()
        p.year = Int(tmValue.tm_year) + 1900
        p.month = Int(tmValue.tm_mon) + 1
        p.day = Int(tmValue.tm_mday)
        p.hour = Int(tmValue.tm_hour)
        p.minute = Int(tmValue.tm_min)
        p.second = Int(tmValue.tm_sec)
        p.weekday = Int(tmValue.tm_wday)
        p.offset = Int(tmValue.tm_gmtoff)
        if zone == .utc {
            p.zone = "UTC"
        } else if let name = tmValue.tm_zone {
            p.zone = String(cString: name)
        }
        return p
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func pad(_ value: Int, _ width: Int, _ fill: Character = "0") -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: fill, count: width - digits.count) + digits
    }

    private var fraction: String {
        guard nanoseconds != 0 else { return "" }
        var digits = GoTime.pad(Int(nanoseconds), 9)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }

    private static func offsetString(_ offset: Int, colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        let hours = pad(magnitude / 3600, 2), minutes = pad((magnitude % 3600) / 60, 2)
        return sign + hours + (colon ? ":" : "") + minutes
    }

    private func dateAndClock(_ p: Parts, separator: String) -> String {
        "\(GoTime.pad(p.year, 4))-\(GoTime.pad(p.month, 2))-\(GoTime.pad(p.day, 2))\(separator)"
            + "\(GoTime.pad(p.hour, 2)):\(GoTime.pad(p.minute, 2)):\(GoTime.pad(p.second, 2))"
    }

    /// Go's `time.RFC3339Nano` layout, as `encoding/json` writes a `time.Time`.
    public var rfc3339Nano: String { rfc3339Nano(in: .local) }

    public func rfc3339Nano(in zone: Zone) -> String {
        let p = parts(zone)
        let zone = p.offset == 0 ? "Z" : GoTime.offsetString(p.offset, colon: true)
        return dateAndClock(p, separator: "T") + fraction + zone
    }

    /// Go's `time.RFC3339` layout (whole seconds).
    public var rfc3339: String { rfc3339(in: .local) }

    public func rfc3339(in zone: Zone) -> String {
        let p = parts(zone)
        let zone = p.offset == 0 ? "Z" : GoTime.offsetString(p.offset, colon: true)
        return dateAndClock(p, separator: "T") + zone
    }

    /// Go's `time.ANSIC` layout: `Mon Jan _2 15:04:05 2006`.
    public var ansic: String { ansic(in: .local) }

    public func ansic(in zone: Zone) -> String {
        let p = parts(zone)
        return "\(GoTime.weekdays[p.weekday]) \(GoTime.months[p.month - 1]) \(GoTime.pad(p.day, 2, " ")) "
            + "\(GoTime.pad(p.hour, 2)):\(GoTime.pad(p.minute, 2)):\(GoTime.pad(p.second, 2)) \(GoTime.pad(p.year, 4))"
    }

    /// Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`.
    public var goString: String { goString(in: .local) }

    public func goString(in zone: Zone) -> String {
        let p = parts(zone)
        return dateAndClock(p, separator: " ") + fraction + " " + GoTime.offsetString(p.offset, colon: false) + " " + p.zone
    }

    /// Parses an RFC 3339 timestamp (with optional fraction) as Go's `time.Time`
    /// JSON decoding accepts it; nil when the text is not one.
    public static func parse(rfc3339 text: String) -> GoTime? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 20, let year = number(0, 4), b[4] == 45, let month = number(5, 2), b[7] == 45,
              let day = number(8, 2), b[10] == 84 || b[10] == 116, let hour = number(11, 2), b[13] == 58,
              let minute = number(14, 2), b[16] == 58, let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var nanos = 0
        if i < b.count, b[i] == 46 {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45, let oh = number(i + 1, 2), i + 3 < b.count, b[i + 3] == 58,
                  let om = number(i + 4, 2) {
            offset = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let total = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return GoTime(seconds: total, nanoseconds: Int32(nanos))
    }

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

extension GoTime: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = GoTime.parse(rfc3339: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid RFC 3339 time \"\(text)\""))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339Nano)
    }
}
