import Template
import Values

/// A TOML 1.0 reader producing what BurntSushi/toml decodes into
/// `map[string]interface{}`: int64 integers, float64 floats, strings, bools,
/// arrays and tables (dates are kept as their text).
struct TOMLParser {
    private var b: [UInt8]
    private var i = 0
    private var line = 1
    private var lastKey = ""
    private var root: [String: Value] = [:]
    private var current: [String] = []
    private var arrayTables: Set<String> = []

    static func parse(_ text: String) throws -> [String: Value] {
        var p = TOMLParser(b: Array(text.utf8))
        try p.document()
        return p.root
    }

    private init(b: [UInt8]) { self.b = b }

    private func fail(_ message: String) -> FunctionError { TOMLParser.failure(line, lastKey, message) }

    static func failure(_ line: Int, _ lastKey: String, _ message: String) -> FunctionError {
        if lastKey.isEmpty { return FunctionError("toml: line \(line): \(message)") }
        return FunctionError("toml: line \(line) (last key \(GoPrint.quote(lastKey))): \(message)")
    }

    private var peek: UInt8? { i < b.count ? b[i] : nil }

    private mutating func skipSpace() { while let c = peek, c == 0x20 || c == 0x09 { i += 1 } }
    private mutating func skipComment() {
        if peek == UInt8(ascii: "#") { while let c = peek, c != 0x0A { i += 1 } }
    }
    private mutating func skipBlank() {
        while true {
            skipSpace(); skipComment()
            if peek == 0x0A { line += 1; i += 1; continue }
            if peek == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { line += 1; i += 2; continue }
            return
        }
    }
    private mutating func endOfLine() throws {
        skipSpace(); skipComment()
        if let c = peek, c != 0x0A, c != 0x0D { throw fail("expected a top-level item to end with a newline, comment, or EOF, but got \(GoPrint.quote(String(UnicodeScalar(c)))) instead") }
    }

    private mutating func document() throws {
        while true {
            skipBlank()
            guard let c = peek else { return }
            if c == UInt8(ascii: "[") {
                let isArray = i + 1 < b.count && b[i + 1] == UInt8(ascii: "[")
                i += isArray ? 2 : 1
                skipSpace()
                let key = try keyPath()
                skipSpace()
                guard peek == UInt8(ascii: "]") else { throw fail("expected ']' after table key") }
                i += 1
                if isArray {
                    guard peek == UInt8(ascii: "]") else { throw fail("expected ']]' after array of tables key") }
                    i += 1
                }
                try endOfLine()
                current = key
                lastKey = key.joined(separator: ".")
                if isArray { try appendArrayTable(key) } else { try ensureTable(key) }
            } else {
                let key = try keyPath()
                skipSpace()
                if peek == nil { throw fail("unexpected EOF; expected key separator '='") }
                lastKey = (current + key).joined(separator: ".")
                guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after key") }
                i += 1
                skipSpace()
                let v = try value()
                try set(current + key, v)
                try endOfLine()
            }
        }
    }

    private mutating func keyPath() throws -> [String] {
        var parts: [String] = []
        while true {
            skipSpace()
            guard let c = peek else { throw fail("unexpected EOF in key") }
            if c == UInt8(ascii: "\"") { parts.append(try basicString()) }
            else if c == UInt8(ascii: "'") { parts.append(try literalString()) }
            else {
                let start = i
                while let d = peek, isBare(d) { i += 1 }
                guard i > start else { throw fail("bare keys cannot contain \(GoPrint.quote(String(UnicodeScalar(c))))") }
                parts.append(String(decoding: b[start..<i], as: UTF8.self))
            }
            skipSpace()
            if peek == UInt8(ascii: ".") { i += 1; continue }
            return parts
        }
    }

    private func isBare(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    private mutating func basicString() throws -> String {
        let multi = i + 2 < b.count && b[i + 1] == UInt8(ascii: "\"") && b[i + 2] == UInt8(ascii: "\"")
        i += multi ? 3 : 1
        if multi, peek == 0x0A { i += 1; line += 1 }
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw fail("unexpected EOF; expected '\"'") }
            if c == UInt8(ascii: "\"") {
                if !multi { i += 1; break }
                if i + 2 < b.count, b[i + 1] == UInt8(ascii: "\""), b[i + 2] == UInt8(ascii: "\"") {
                    i += 3
                    while peek == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\"")); i += 1 }
                    break
                }
            }
            if c == 0x0A {
                guard multi else { throw fail("strings cannot contain newlines") }
                line += 1
            }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard let e = peek else { throw fail("unexpected EOF") }
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "e"): out.append(0x1B)
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let n = e == UInt8(ascii: "u") ? 4 : 8
                    guard i + n <= b.count, let v = UInt32(String(decoding: b[i..<(i + n)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(v) else { throw fail("invalid escape in string") }
                    out.append(contentsOf: Array(String(scalar).utf8))
                    i += n
                case 0x0A, 0x20, 0x09, 0x0D where multi:
                    i -= 1
                    while let w = peek, w == 0x20 || w == 0x09 || w == 0x0A || w == 0x0D { if w == 0x0A { line += 1 }; i += 1 }
                default: throw fail("invalid escape in string '\\\(String(UnicodeScalar(e)))'")
                }
                continue
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func literalString() throws -> String {
        let multi = i + 2 < b.count && b[i + 1] == UInt8(ascii: "'") && b[i + 2] == UInt8(ascii: "'")
        i += multi ? 3 : 1
        if multi, peek == 0x0A { i += 1; line += 1 }
        let start = i
        while true {
            guard let c = peek else { throw fail("unexpected EOF; expected \"'\"") }
            if c == UInt8(ascii: "'") {
                if !multi { let s = String(decoding: b[start..<i], as: UTF8.self); i += 1; return s }
                if i + 2 < b.count, b[i + 1] == UInt8(ascii: "'"), b[i + 2] == UInt8(ascii: "'") {
                    let s = String(decoding: b[start..<i], as: UTF8.self); i += 3; return s
                }
            }
            if c == 0x0A { guard multi else { throw fail("strings cannot contain newlines") }; line += 1 }
            i += 1
        }
    }

    private mutating func value() throws -> Value {
        guard let c = peek else { throw fail("unexpected EOF; expected value") }
        switch c {
        case UInt8(ascii: "\""): return .string(try basicString())
        case UInt8(ascii: "'"): return .string(try literalString())
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            while true {
                skipBlank()
                if peek == UInt8(ascii: "]") { i += 1; return .list(items) }
                items.append(try value())
                skipBlank()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                skipBlank()
                guard peek == UInt8(ascii: "]") else { throw fail("expected a comma (',') or array terminator (']')") }
                i += 1
                return .list(items)
            }
        case UInt8(ascii: "{"):
            i += 1
            var table: [String: Value] = [:]
            skipSpace()
            if peek == UInt8(ascii: "}") { i += 1; return .map(table) }
            while true {
                skipSpace()
                let key = try keyPath()
                skipSpace()
                guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after key") }
                i += 1
                skipSpace()
                let v = try value()
                try TOMLParser.insert(&table, key, v, fail: fail)
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                guard peek == UInt8(ascii: "}") else { throw fail("expected a comma or an inline table terminator '}'") }
                i += 1
                return .map(table)
            }
        default:
            let start = i
            while let d = peek, d != UInt8(ascii: ","), d != UInt8(ascii: "]"), d != UInt8(ascii: "}"), d != 0x0A, d != 0x0D, d != UInt8(ascii: "#") {
                i += 1
            }
            let token = String(decoding: b[start..<i], as: UTF8.self)
            let word = token.split(separator: " ").first.map(String.init) ?? token
            let lowered = word.lowercased()
            if lowered.hasPrefix("-0x") || lowered.hasPrefix("+0x") || lowered.hasPrefix("-0o") || lowered.hasPrefix("+0o") || lowered.hasPrefix("-0b") || lowered.hasPrefix("+0b") {
                throw fail("cannot use sign with non-decimal numbers: '\(word.prefix(3))'")
            }
            if word == "true" { i = start + 4; return .bool(true) }
            if word == "false" { i = start + 5; return .bool(false) }
            if word.isEmpty || !(c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) {
                throw fail("expected value but found \(GoFormat.sprintf("%q", [.int(Int(c))])) instead")
            }
            if let message = TOMLParser.numberSyntaxError(word) { throw fail(message) }
            if let v = TOMLParser.number(String(word.filter { $0 != "_" })) { i = start + word.utf8.count; return v }
            if word.first?.isNumber == true && (word.contains("-") || word.contains(":")) {
                return .string(token.trimmingCharacters())
            }
            throw fail("expected value but found \(GoPrint.quote(word)) instead")
        }
    }

    /// BurntSushi/toml's checks of a number literal: digits after a radix
    /// prefix, underscores between digits, no leading zeros in decimals.
    static func numberSyntaxError(_ word: String) -> String? {
        let w = Array(word.utf8)
        func isDigit(_ c: UInt8, hex: Bool) -> Bool {
            (c >= 48 && c <= 57) || (hex && ((c | 0x20) >= 97 && (c | 0x20) <= 102))
        }
        if w.count >= 2, w[0] == UInt8(ascii: "0"), let kind = [UInt8(ascii: "x"): "a hexadecimal", UInt8(ascii: "o"): "an octal", UInt8(ascii: "b"): "a binary"][w[1]] {
            if w.count == 2 || !isDigit(w[2], hex: w[1] == UInt8(ascii: "x")) {
                let next = w.count > 2 ? String(UnicodeScalar(w[2])) : ""
                return "not \(kind) number: '\(String(decoding: w[0..<2], as: UTF8.self))\(next)'"
            }
        }
        let hex = w.count >= 2 && w[0] == UInt8(ascii: "0") && w[1] == UInt8(ascii: "x")
        let isFloat = !hex && w.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        for (k, c) in w.enumerated() where c == UInt8(ascii: "_") {
            if k == 0 || k == w.count - 1 || !isDigit(w[k - 1], hex: hex) || !isDigit(w[k + 1], hex: hex) {
                return "Invalid \(isFloat ? "float" : "integer") \(GoPrint.quote(word)): underscores must be surrounded by digits"
            }
        }
        if !isFloat, !hex, word != "inf", word != "nan" {
            let digits = w.first == UInt8(ascii: "+") || w.first == UInt8(ascii: "-") ? w.dropFirst() : w[...]
            if digits.count >= 2, digits.first == UInt8(ascii: "0"), digits.dropFirst().allSatisfy({ isDigit($0, hex: false) || $0 == UInt8(ascii: "_") }) {
                return "Invalid integer \(GoPrint.quote(word)): cannot have leading zeroes"
            }
        }
        return nil
    }

    static func number(_ raw: String) -> Value? {
        var s = raw
        if s == "inf" || s == "+inf" { return .float(.infinity) }
        if s == "-inf" { return .float(-.infinity) }
        if s == "nan" || s == "+nan" || s == "-nan" { return .float(.nan) }
        if s.hasPrefix("0x") || s.hasPrefix("0o") || s.hasPrefix("0b") {
            let radix = s.hasPrefix("0x") ? 16 : s.hasPrefix("0o") ? 8 : 2
            return GoNumberParser.parseInt(String(s.dropFirst(2)), base: radix).map { .int64($0) }
        }
        if let first = s.unicodeScalars.first, !(first == "+" || first == "-" || (first >= "0" && first <= "9")) { return nil }
        if s.contains(".") || s.contains("e") || s.contains("E") {
            return GoNumberParser.parseFloat(s).map { .float($0) }
        }
        if s.hasPrefix("+") { s.removeFirst() }
        return GoNumberParser.parseInt(s, base: 10).map { .int64($0) }
    }

    private static func insert(_ table: inout [String: Value], _ key: [String], _ v: Value, fail: (String) -> FunctionError) throws {
        guard let head = key.first else { return }
        if key.count == 1 {
            if table[head] != nil { throw fail("key \(GoPrint.quote(head)) has already been defined") }
            table[head] = v
            return
        }
        var inner: [String: Value]
        switch table[head] {
        case nil: inner = [:]
        case .map(let m)?: inner = m.dictionary
        default: throw fail("key \(GoPrint.quote(head)) has already been defined")
        }
        try insert(&inner, Array(key.dropFirst()), v, fail: fail)
        table[head] = .map(inner)
    }

    private mutating func set(_ key: [String], _ v: Value) throws {
        var r = root
        let (ln, lk) = (line, lastKey)
        defer { root = r }
        try TOMLParser.update(&r, key, arrayTables: arrayTables, prefix: []) { table, last in
            if table[last] != nil { throw TOMLParser.failure(ln, lk, "key \(GoPrint.quote(last)) has already been defined") }
            table[last] = v
        }
    }

    private mutating func ensureTable(_ key: [String]) throws {
        var r = root
        let (ln, lk) = (line, lastKey)
        defer { root = r }
        try TOMLParser.update(&r, key, arrayTables: arrayTables, prefix: []) { table, last in
            if case .map? = table[last] { return }
            if table[last] != nil { throw TOMLParser.failure(ln, lk, "key \(GoPrint.quote(last)) has already been defined") }
            table[last] = .map([:])
        }
    }

    private mutating func appendArrayTable(_ key: [String]) throws {
        arrayTables.insert(key.joined(separator: "\u{0}"))
        var r = root
        let (ln, lk) = (line, lastKey)
        defer { root = r }
        try TOMLParser.update(&r, key, arrayTables: arrayTables, prefix: []) { table, last in
            switch table[last] {
            case nil: table[last] = .list([.map([:])])
            case .list(var l, _)?: l.append(.map([:])); table[last] = .list(l)
            default: throw TOMLParser.failure(ln, lk, "key \(GoPrint.quote(last)) has already been defined")
            }
        }
    }

    /// Walks `key` from `table`, descending into the last element of arrays of
    /// tables, and applies `body` to the innermost table and the final key part.
    private static func update(_ table: inout [String: Value], _ key: [String], arrayTables: Set<String>, prefix: [String],
                               _ body: (inout [String: Value], String) throws -> Void) throws {
        guard let head = key.first else { return }
        if key.count == 1 { try body(&table, head); return }
        let rest = Array(key.dropFirst())
        switch table[head] {
        case .list(var l, _)? where !l.isEmpty:
            guard case .map(let innerMap) = l[l.count - 1] else { return }
            var inner = innerMap.dictionary
            try update(&inner, rest, arrayTables: arrayTables, prefix: prefix + [head], body)
            l[l.count - 1] = .map(inner)
            table[head] = .list(l)
        case .map(let innerMap)?:
            var inner = innerMap.dictionary
            try update(&inner, rest, arrayTables: arrayTables, prefix: prefix + [head], body)
            table[head] = .map(inner)
        case nil:
            var inner: [String: Value] = [:]
            try update(&inner, rest, arrayTables: arrayTables, prefix: prefix + [head], body)
            table[head] = .map(inner)
        default:
            try body(&table, head)
        }
    }
}

extension String {
    func trimmingCharacters() -> String { StringFunctions.trimSpace(self) }
}
