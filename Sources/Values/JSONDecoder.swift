extension JSON {
    /// `json.Unmarshal` into `interface{}`: numbers become float64, objects
    /// maps (duplicate keys: last wins), invalid UTF-8 becomes U+FFFD. Errors
    /// carry Go's message (`invalid character 'b' looking for beginning of
    /// object key string`, `unexpected end of JSON input`) and the position.
    public static func decode(_ bytes: [UInt8]) throws(ValuesError) -> Value {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.i < bytes.count { throw p.fail("invalid character \(JSONParser.quoteChar(bytes[p.i])) after top-level value") }
        return v
    }

    /// Decodes one JSON value at the start of `bytes` (as `json.Decoder.Decode`
    /// does on a stream) and returns it with the number of bytes consumed.
    public static func decodePrefix(_ bytes: [UInt8]) throws(ValuesError) -> (Value, Int) {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        if p.i >= bytes.count { throw ValuesError(message: "EOF") }
        let v = try p.value()
        return (v, p.i)
    }
}

struct JSONParser {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func quoteChar(_ c: UInt8) -> String {
        if c == 39 { return "'\\''" }
        if c == 34 { return "'\"'" }
        switch c {
        case 7: return "'\\a'"
        case 8: return "'\\b'"
        case 12: return "'\\f'"
        case 10: return "'\\n'"
        case 13: return "'\\r'"
        case 9: return "'\\t'"
        case 11: return "'\\v'"
        case 92: return "'\\\\'"
        default:
            if c < 0x20 || c == 0x7F {
                let h = Array("0123456789abcdef".utf8)
                return "'\\x" + String(decoding: [h[Int(c >> 4)], h[Int(c & 15)]], as: UTF8.self) + "'"
            }
            if c >= 0x80 { return "'\\x" + String(c, radix: 16) + "'" }
            return "'" + String(UnicodeScalar(c)) + "'"
        }
    }

    func fail(_ msg: String) -> ValuesError {
        var line = 1, col = 1, k = 0
        while k < min(i, bytes.count) {
            if bytes[k] == 10 { line += 1; col = 1 } else { col += 1 }
            k += 1
        }
        return ValuesError(line: line, column: col, message: msg, sourceLine: ValuesError.sourceLine(of: bytes, line: line))
    }

    func eof() -> ValuesError { var e = fail("unexpected end of JSON input"); e.line = 0; e.column = 0; e.sourceLine = nil; return e }

    mutating func skipSpace() {
        while i < bytes.count {
            let c = bytes[i]
            if c == 32 || c == 9 || c == 10 || c == 13 { i += 1 } else { break }
        }
    }

    mutating func value(context: String = "looking for beginning of value") throws(ValuesError) -> Value {
        guard i < bytes.count else { throw eof() }
        let c = bytes[i]
        switch c {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case 34: return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), 48...57: return try number()
        default: throw fail("invalid character \(Self.quoteChar(c)) \(context)")
        }
    }

    mutating func literal(_ word: String) throws(ValuesError) {
        let w = Array(word.utf8)
        for (k, ch) in w.enumerated() {
            guard i < bytes.count else { throw eof() }
            if bytes[i] != ch {
                throw fail("invalid character \(Self.quoteChar(bytes[i])) in literal \(word) (expecting \(Self.quoteChar(w[k])))")
            }
            i += 1
        }
    }

    /// JSON-pointer-like path of the value being parsed (for Go's semantic errors).
    var path: [String] = []

    mutating func number() throws(ValuesError) -> Value {
        let start = i
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if bytes[i] == UInt8(ascii: "-") {
            i += 1
            guard i < bytes.count else { throw eof() }
            guard isDigit(bytes[i]) else { throw fail("invalid character \(Self.quoteChar(bytes[i])) in numeric literal") }
        }
        if bytes[i] == 48 { i += 1 } else { while i < bytes.count, isDigit(bytes[i]) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count else { throw eof() }
            guard isDigit(bytes[i]) else { throw fail("invalid character \(Self.quoteChar(bytes[i])) in numeric literal") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count else { throw eof() }
            guard isDigit(bytes[i]) else { throw fail("invalid character \(Self.quoteChar(bytes[i])) in numeric literal") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            let where_ = path.isEmpty ? "Go value" : path.map { "." + $0 }.joined()
            throw fail("json: cannot unmarshal number \(text) into \(where_) of type float64")
        }
        return .float(d)
    }

    mutating func object() throws(ValuesError) -> Value {
        i += 1
        depth += 1
        if depth > 10000 { throw fail("exceeded max depth") }
        defer { depth -= 1 }
        var m: [String: Value] = [:]
        skipSpace()
        guard i < bytes.count else { throw eof() }
        if bytes[i] == UInt8(ascii: "}") { i += 1; return .map(m) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw eof() }
            guard bytes[i] == 34 else { throw fail("invalid character \(Self.quoteChar(bytes[i])) looking for beginning of object key string") }
            let k = try string()
            skipSpace()
            guard i < bytes.count else { throw eof() }
            guard bytes[i] == UInt8(ascii: ":") else { throw fail("invalid character \(Self.quoteChar(bytes[i])) after object key") }
            i += 1
            skipSpace()
            path.append(k)
            m[k] = try value()
            path.removeLast()
            skipSpace()
            guard i < bytes.count else { throw eof() }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .map(m) }
            throw fail("invalid character \(Self.quoteChar(bytes[i])) after object key:value pair")
        }
    }

    mutating func array() throws(ValuesError) -> Value {
        i += 1
        depth += 1
        if depth > 10000 { throw fail("exceeded max depth") }
        defer { depth -= 1 }
        var l: [Value] = []
        skipSpace()
        guard i < bytes.count else { throw eof() }
        if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(l) }
        while true {
            skipSpace()
            path.append(String(l.count))
            l.append(try value())
            path.removeLast()
            skipSpace()
            guard i < bytes.count else { throw eof() }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(l) }
            throw fail("invalid character \(Self.quoteChar(bytes[i])) after array element")
        }
    }

    private func hex4(_ at: Int) -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in at..<at + 4 {
            let c = bytes[k]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    mutating func string() throws(ValuesError) -> String {
        i += 1
        var out: [UInt8] = []
        var start = i
        while true {
            guard i < bytes.count else { throw eof() }
            let c = bytes[i]
            if c == 34 {
                out.append(contentsOf: bytes[start..<i])
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw fail("invalid character \(Self.quoteChar(c)) in string") }
            if c == 92 {
                out.append(contentsOf: bytes[start..<i])
                i += 1
                guard i < bytes.count else { throw eof() }
                let e = bytes[i]
                switch e {
                case 34, 92, 47: out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    for k in 1...4 {
                        guard i + k < bytes.count else { throw eof() }
                        let h = bytes[i + k]
                        let ok = (h >= 48 && h <= 57) || (h >= 97 && h <= 102) || (h >= 65 && h <= 70)
                        if !ok {
                            let seq = String(decoding: bytes[(i - 1)..<min(i + k + 1, bytes.count)], as: UTF8.self)
                            i += k
                            throw fail("invalid escape sequence `\(seq)` in string")
                        }
                    }
                    var scalar = hex4(i + 1) ?? 0xFFFD
                    i += 4
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        if i + 6 < bytes.count, bytes[i + 1] == 92, bytes[i + 2] == UInt8(ascii: "u"),
                           let lo = hex4(i + 3), lo >= 0xDC00, lo < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (lo - 0xDC00)
                            i += 6
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        scalar = 0xFFFD
                    }
                    out.append(contentsOf: String(Character(UnicodeScalar(scalar) ?? "\u{FFFD}")).utf8)
                default:
                    let seq = "\\" + String(decoding: [e], as: UTF8.self)
                    throw fail("invalid escape sequence `\(seq)` in string")
                }
                i += 1
                start = i
                continue
            }
            i += 1
        }
    }
}
