import Foundation

/// Timestamps printed as Go's `time.Time` marshals them to JSON (`RFC3339Nano`: fraction without
/// trailing zeros, `Z` for UTC, else the local `±hh:mm` offset).
public struct GoTime: Sendable, Equatable {
    public var seconds: Int64
    public var nanoseconds: Int32
    /// Offset from UTC in seconds of the zone the time is printed in.
    public var utcOffset: Int

    public init(seconds: Int64, nanoseconds: Int32 = 0, utcOffset: Int = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.utcOffset = utcOffset
    }

    /// The current time in the local zone, as Go's `time.Now()`.
    public static func now() -> GoTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var t = time_t(spec.tv_sec)
        var parts = tm()
        localtime_r(&t, &parts)
        return GoTime(seconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec), utcOffset: Int(parts.tm_gmtoff))
    }

    /// `2006-01-02T15:04:05.999999999Z07:00`.
    public var rfc3339Nano: String {
        var t = time_t(seconds + Int64(utcOffset))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        if nanoseconds > 0 {
            var fraction = String(nanoseconds)
            fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        if utcOffset == 0 { return text + "Z" }
        let minutes = abs(utcOffset) / 60
        return text + (utcOffset < 0 ? "-" : "+") + two(Int32(minutes / 60)) + ":" + two(Int32(minutes % 60))
    }
}
