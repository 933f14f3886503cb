/// An error reading or converting values: YAML/JSON syntax, alias bombs,
/// `--set` grammar, type problems. `message` is Helm's wording (what Helm
/// prints after `Error: ` and its own prefixes); `file`, `line`, `column`
/// (1-based, 0 when unknown) and `sourceLine` feed swiftchart's richer display.
public struct ValuesError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The text of the offending line (without its line break), when known.
    public var sourceLine: String?

    public init(file: String = "", line: Int = 0, column: Int = 0, message: String, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `file:line:col: message`, followed by the source line and a caret when known.
    public var description: String {
        var out = ""
        if !file.isEmpty { out += file + ":" }
        if line > 0 { out += "\(line):\(column > 0 ? column : 1): " } else if !file.isEmpty { out += " " }
        out += message
        if let src = sourceLine, line > 0 {
            out += "\n  " + src + "\n  " + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        return out
    }

    /// Finds line `line` (1-based) of `bytes`.
    static func sourceLine(of bytes: [UInt8], line: Int) -> String? {
        guard line > 0 else { return nil }
        var current = 1
        var start = 0
        var i = 0
        while i < bytes.count, current < line {
            if bytes[i] == UInt8(ascii: "\n") { current += 1; start = i + 1 }
            i += 1
        }
        guard current == line, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
