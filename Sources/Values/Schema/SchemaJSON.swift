/// A node of a JSON Schema document. Numbers keep their literal text, as
/// jsonschema's `UnmarshalJSON` (Go `json.Number`) does: enum/const messages
/// print them as written, and comparisons are exact decimals.
indirect enum SchemaJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(SchemaDecimal, text: String)
    case string(String)
    case array([SchemaJSON])
    case object([String: SchemaJSON])

    var objectValue: [String: SchemaJSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    var arrayValue: [SchemaJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var decimalValue: SchemaDecimal? {
        if case .number(let d, _) = self { return d }
        return nil
    }

    /// A non-negative integer keyword value (`minLength: 2`, `2.0` too), as `intVal` reads it.
    var intValue: Int? {
        guard let d = decimalValue, d.isInteger else { return nil }
        return d.intValue
    }

    subscript(key: String) -> SchemaJSON? { objectValue?[key] }
}

extension SchemaJSON {
    /// Parses a schema document the way jsonschema's `UnmarshalJSON` does (one
    /// value, nothing but whitespace after it). Errors carry Go's message and,
    /// for swiftchart's display, the line and column.
    static func parse(_ input: [UInt8]) throws(ValuesError) -> SchemaJSON {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var p = SchemaJSONParser(bytes: bytes)
        p.skipSpace()
        if p.i >= bytes.count { throw ValuesError(message: "EOF") }
        if let v = p.value() {
            p.skipSpace()
            if p.i < bytes.count {
                var e = ValuesError(message: "invalid character after top-level value")
                (e.line, e.column) = p.position(p.i)
                e.sourceLine = ValuesError.sourceLine(of: bytes, line: e.line)
                throw e
            }
            return v
        }
        // Malformed: the values decoder reports Go's exact syntax error and position.
        do {
            _ = try JSON.decodePrefix(bytes)
        } catch {
            var e = error
            if e.message == "unexpected end of JSON input" {
                e.message = "unexpected EOF"
                (e.line, e.column) = p.position(bytes.count)
                e.sourceLine = ValuesError.sourceLine(of: bytes, line: e.line)
            }
            throw e
        }
        var e = ValuesError(message: "invalid JSON")
        (e.line, e.column) = p.position(p.i)
        throw e
    }
}

/// A strict RFC 8259 parser; returns nil on any syntax error (the caller then
/// asks `JSON.decodePrefix` for Go's wording).
struct SchemaJSONParser {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func position(_ offset: Int) -> (Int, Int) {
        var line = 1, col = 1, k = 0
        while k < min(offset, bytes.count) {
            if bytes[k] == 10 { line += 1; col = 1 } else { col += 1 }
            k += 1
        }
        return (line, col)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
    }

    mutating func value() -> SchemaJSON? {
        guard i < bytes.count, depth < 10000 else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1; depth += 1
            defer { depth -= 1 }
            var obj: [String: SchemaJSON] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                guard let v = value() else { return nil }
                obj[key] = v
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1; depth += 1
            defer { depth -= 1 }
            var arr: [SchemaJSON] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(arr) }
            while true {
                skipSpace()
                guard let v = value() else { return nil }
                arr.append(v)
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(arr) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func literal(_ word: String, _ v: SchemaJSON) -> SchemaJSON? {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { return nil }
        i += w.count
        return v
    }

    mutating func number() -> SchemaJSON? {
        let start = i
        func digit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 48 && bytes[k] <= 57 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return nil }
        if bytes[i] == 48 { i += 1 } else { while digit(i) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return nil }
            while digit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return nil }
            while digit(i) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = SchemaDecimal(text: text) else { return nil }
        return .number(d, text: text)
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

    mutating func string() -> String? {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            guard i + 1 < bytes.count else { return nil }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                guard var u = hex4(i) else { return nil }
                i += 4
                if u >= 0xD800 && u < 0xDC00 {
                    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                       let lo = hex4(i + 2), lo >= 0xDC00 && lo < 0xE000 {
                        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                        i += 6
                    } else {
                        u = 0xFFFD
                    }
                } else if u >= 0xDC00 && u < 0xE000 {
                    u = 0xFFFD
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(u) ?? "\u{FFFD}")).utf8)
            default: return nil
            }
        }
        return nil
    }
}
