/// Finding source lines for error displays.
public enum SourceLocation {
    /// The `N` of a go-yaml style `line N:` in a message, when present.
    public static func lineMentioned(in message: String) -> Int? {
        guard let r = message.range(of: "line ") else { return nil }
        let digits = message[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    /// Line `number` (1-based) of `bytes`, without its line break.
    public static func line(_ number: Int, of bytes: [UInt8]) -> String? {
        guard number > 0 else { return nil }
        var current = 1
        var start = 0
        for (i, b) in bytes.enumerated() where current < number && b == UInt8(ascii: "\n") {
            current += 1
            start = i + 1
        }
        guard current == number, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
