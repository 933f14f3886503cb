/// Go's `time.ParseDuration` / `Duration.String` for the `--timeout` flag (e.g. `5m0s`, `90s`, `1.5h`).
public enum GoDuration {
    private static let units: [(String, Double)] = [
        ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ]

    /// Seconds, or nil when `text` is not a Go duration.
    public static func parse(_ text: String) -> Double? {
        var rest = Substring(text)
        var sign = 1.0
        if rest.first == "-" || rest.first == "+" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        return sign * total
    }

    /// Go's formatting of whole-second durations (`5m0s`, `1h0m0s`, `30s`); fractions in seconds.
    public static func format(_ seconds: Double) -> String {
        if seconds > 0 && seconds < 1 && (seconds * 1000) == (seconds * 1000).rounded() {
            return "\(Int(seconds * 1000))ms"
        }
        if seconds < 60 {
            return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
        }
        let whole = Int(seconds)
        let h = whole / 3600, m = (whole % 3600) / 60, s = whole % 60
        return h > 0 ? "\(h)h\(m)m\(s)s" : "\(m)m\(s)s"
    }
}
