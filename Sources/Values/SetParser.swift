/// Helm's `strvals` package: the `--set` family of flags, parsed *into* an
/// existing values map. Behaviour and error messages follow Helm v4
/// (`pkg/strvals/parser.go`, `literal_parser.go`).
public enum SetParser {
    /// Which flag a string came from: decides how values are typed.
    public enum Mode: Sendable {
        /// `--set`: `true`/`false` → bool, `null` → null, integers → int64, else string.
        case typed
        /// `--set-string`: every value a string.
        case string
        /// `--set-json`: every value a JSON document.
        case json
        /// `--set-file`: each value is a path; `read` returns the file's contents
        /// (or throws a `ValuesError` whose message becomes Helm's error text).
        case file(read: @Sendable (String) throws(ValuesError) -> Value)
        /// `--set-literal`: the whole rest after `=` is one string value.
        case literal
    }

    public static let maxIndex = 65536
    public static let maxNestedNameLevel = 30

    /// Parses one flag value `s` into `values` (Helm's `ParseInto`,
    /// `ParseIntoString`, `ParseJSON`, `ParseIntoFile`, `ParseLiteralInto`).
    /// Errors carry strvals' message (callers add `failed parsing --set data: `).
    public static func parse(_ s: String, into values: inout [String: Value], mode: Mode) throws(ValuesError) {
        var p = StrvalsParser(runes: Array(s.unicodeScalars), mode: mode)
        do {
            if case .literal = mode {
                while true { try p.literalKey(&values, level: 0) }
            } else {
                while true { try p.key(&values, level: 0) }
            }
        } catch {
            switch error {
            case .eof: return
            case .message(let m): throw ValuesError(message: m)
            }
        }
    }

    /// What `helm template --set … --set-string …` builds on top of the `-f`
    /// files: `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`
    /// applied in that order, with Helm's `failed parsing --set… data` prefixes.
    public static func apply(json: [String] = [], set: [String] = [], setString: [String] = [],
                             setFile: [String] = [], readFile: @escaping @Sendable (String) throws(ValuesError) -> Value = { path throws(ValuesError) in
                                 throw ValuesError(message: "open \(path): no such file or directory") },
                             setLiteral: [String] = [], onto base: [String: Value]) throws(ValuesError) -> [String: Value] {
        var values = base
        for v in json {
            let trimmed = v.trimmingSpaces
            if trimmed.first == "{" {
                guard case .map(let m)? = try? JSON.decode(Array(trimmed.utf8)) else {
                    throw ValuesError(message: "failed parsing --set-json data JSON: \(v)")
                }
                values = Merge.mergeMaps(values, m.dictionary)
            } else {
                do { try parse(v, into: &values, mode: .json) } catch {
                    throw ValuesError(message: "failed parsing --set-json data \(v)")
                }
            }
        }
        func run(_ list: [String], _ mode: Mode, _ flag: String) throws(ValuesError) {
            for v in list {
                do { try parse(v, into: &values, mode: mode) } catch {
                    throw ValuesError(message: "failed parsing \(flag) data: \(error.message)")
                }
            }
        }
        try run(set, .typed, "--set")
        try run(setString, .string, "--set-string")
        try run(setFile, .file(read: readFile), "--set-file")
        try run(setLiteral, .literal, "--set-literal")
        return values
    }

    /// strvals `typedVal`: how `--set` types a value.
    public static func typedValue(_ s: String) -> Value {
        let lower = s.lowercased()
        if lower == "true" { return .bool(true) }
        if lower == "false" { return .bool(false) }
        if lower == "null" { return .null }
        if lower == "0" { return .int64(0) }
        if let f = s.utf8.first, f != UInt8(ascii: "0"), let i = Int64(s), s.utf8.allSatisfy({ $0 != UInt8(ascii: "_") }) {
            return .int64(i)
        }
        return .string(s)
    }
}

extension String {
    var trimmingSpaces: String {
        let b = Array(utf8)
        var s = 0, e = b.count
        func ws(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 11 || c == 12 }
        while s < e, ws(b[s]) { s += 1 }
        while e > s, ws(b[e - 1]) { e -= 1 }
        return String(decoding: b[s..<e], as: UTF8.self)
    }
}

enum StrvalsFailure: Error {
    case eof
    case message(String)
}

struct StrvalsParser {
    let runes: [Unicode.Scalar]
    let mode: SetParser.Mode
    var i = 0

    init(runes: [Unicode.Scalar], mode: SetParser.Mode) {
        self.runes = runes
        self.mode = mode
    }

    private var rest: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: runes[i...])
        return String(s)
    }

    private static func str(_ r: [Unicode.Scalar]) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: r)
        return String(s)
    }

    /// `runesUntil`: reads up to a stop rune; `\` escapes the next rune.
    mutating func runesUntil(_ stop: Set<Unicode.Scalar>, escapes: Bool = true) -> (String, Unicode.Scalar?) {
        var v: [Unicode.Scalar] = []
        while i < runes.count {
            let r = runes[i]
            i += 1
            if stop.contains(r) { return (Self.str(v), r) }
            if escapes && r == "\\" {
                guard i < runes.count else { return (Self.str(v), nil) }
                v.append(runes[i])
                i += 1
            } else {
                v.append(r)
            }
        }
        return (Self.str(v), nil)
    }

    private static func goType(_ v: Value) -> String {
        if case .null = v { return "nil" }
        return v.goTypeName
    }

    private func readValue(_ s: String) throws(StrvalsFailure) -> Value {
        switch mode {
        case .typed: return SetParser.typedValue(s)
        case .string, .literal, .json: return .string(s)
        case .file(let read):
            do { return try read(s) } catch { throw .message(error.message) }
        }
    }

    private var isJSON: Bool { if case .json = mode { return true }; return false }

    mutating func key(_ data: inout [String: Value], level: Int) throws(StrvalsFailure) {
        let (k, last) = runesUntil(["=", "[", ",", "."])
        guard let last else {
            if k.isEmpty { throw .eof }
            throw .message("key \"\(k)\" has no value")
        }
        switch last {
        case "[":
            let idx: Int
            do { idx = try keyIndex() } catch .eof { throw .message("error parsing index: EOF") } catch { throw error }
            var list: [Value] = []
            if let existing = data[k] {
                guard case .list(let l, _) = existing else {
                    throw .message("unable to parse key: interface conversion: interface {} is \(Self.goType(existing)), not []interface {}")
                }
                list = l
            }
            var failure: StrvalsFailure?
            do { list = try listItem(list, idx, level: level) } catch { failure = error }
            if !k.isEmpty { data[k] = .list(list) }
            if let failure { throw failure }
        case "=":
            if isJSON {
                if emptyValue() { set(&data, k, .null); return }
                let (v, consumed) = try jsonPrefix()
                set(&data, k, v)
                i += consumed
                _ = emptyValue()
                return
            }
            do {
                if let list = try valueList() { set(&data, k, .list(list)); return }
            } catch .eof {
                set(&data, k, .string(""))
                throw .eof
            }
            let s = value()
            set(&data, k, try readValue(s))
        case ",":
            set(&data, k, .string(""))
            throw .message("key \"\(k)\" has no value (cannot end with ,)")
        default: // "."
            let next = level + 1
            if next > SetParser.maxNestedNameLevel {
                throw .message("value name nested level is greater than maximum supported nested level of \(SetParser.maxNestedNameLevel)")
            }
            var inner: [String: Value] = [:]
            if let existing = data[k] {
                guard case .map(let m) = existing else {
                    throw .message("unable to parse key: interface conversion: interface {} is \(Self.goType(existing)), not map[string]interface {}")
                }
                inner = m.dictionary
            }
            var failure: StrvalsFailure?
            do { try key(&inner, level: next) } catch { failure = error }
            if failure == nil && inner.isEmpty { throw .message("key map \"\(k)\" has no value") }
            if !inner.isEmpty { set(&data, k, .map(inner)) }
            if let failure { throw failure }
        }
    }

    private func set(_ data: inout [String: Value], _ k: String, _ v: Value) {
        if k.isEmpty { return }
        data[k] = v
    }

    mutating func keyIndex() throws(StrvalsFailure) -> Int {
        let (v, last) = runesUntil(["]"])
        if last == nil { throw .eof }
        guard let n = Self.atoi(v) else { throw .message("error parsing index: strconv.Atoi: parsing \"\(v)\": invalid syntax") }
        return n
    }

    static func atoi(_ s: String) -> Int? {
        var b = Array(s.utf8)[...]
        guard !b.isEmpty else { return nil }
        var neg = false
        if b.first == UInt8(ascii: "+") || b.first == UInt8(ascii: "-") { neg = b.first == UInt8(ascii: "-"); b = b.dropFirst() }
        guard !b.isEmpty, b.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var n = 0
        for c in b {
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(c - 48))
            if o1 || o2 { return nil }
            n = a
        }
        return neg ? -n : n
    }

    private static func setIndex(_ list: [Value], _ index: Int, _ v: Value) throws(StrvalsFailure) -> [Value] {
        if index < 0 { throw .message("negative \(index) index not allowed") }
        if index > SetParser.maxIndex {
            throw .message("index of \(index) is greater than maximum supported index of \(SetParser.maxIndex)")
        }
        var l = list
        if l.count <= index { l.append(contentsOf: repeatElement(Value.null, count: index + 1 - l.count)) }
        l[index] = v
        return l
    }

    mutating func listItem(_ list: [Value], _ idx: Int, level: Int) throws(StrvalsFailure) -> [Value] {
        if idx < 0 { throw .message("negative \(idx) index not allowed") }
        let (k, last) = runesUntil(["[", ".", "="])
        if !k.isEmpty { throw .message("unexpected data at end of array index: \"\(k)\"") }
        guard let last else { throw .eof }
        switch last {
        case "=":
            if isJSON {
                if emptyValue() { return try Self.setIndex(list, idx, .null) }
                let (v, consumed) = try jsonPrefix()
                let l = try Self.setIndex(list, idx, v)
                i += consumed
                _ = emptyValue()
                return l
            }
            do {
                if let vl = try valueList() { return try Self.setIndex(list, idx, .list(vl)) }
            } catch .eof {
                return try Self.setIndex(list, idx, .string(""))
            }
            let s = value()
            return try Self.setIndex(list, idx, try readValue(s))
        case "[":
            let next: Int
            do { next = try keyIndex() } catch .eof { throw .message("error parsing index: EOF") } catch { throw error }
            var current: [Value] = []
            if list.count > idx, !list[idx].isNull {
                guard case .list(let l, _) = list[idx] else {
                    throw .message("unable to parse key: interface conversion: interface {} is \(Self.goType(list[idx])), not []interface {}")
                }
                current = l
            }
            let inner = try listItem(current, next, level: level)
            return try Self.setIndex(list, idx, .list(inner))
        default: // "."
            var inner: [String: Value] = [:]
            if list.count > idx, case .map(let m) = list[idx] { inner = m.dictionary }
            try key(&inner, level: level)
            return try Self.setIndex(list, idx, .map(inner))
        }
    }

    /// Skips blanks; true at the end of input or after a `,`.
    mutating func emptyValue() -> Bool {
        while i < runes.count {
            let r = runes[i]
            i += 1
            if r == "," { return true }
            if !r.properties.isWhitespace { i -= 1; return false }
        }
        return true
    }

    mutating func value() -> String {
        runesUntil([","]).0
    }

    /// `{a,b,c}` list syntax; nil when the value does not start with `{`.
    mutating func valueList() throws(StrvalsFailure) -> [Value]? {
        guard i < runes.count else { throw .eof }
        if runes[i] != "{" { return nil }
        i += 1
        var list: [Value] = []
        while true {
            let (rs, last) = runesUntil([",", "}"])
            guard let last else { throw .message("list must terminate with '}'") }
            if last == "}" {
                if i < runes.count, runes[i] == "," { i += 1 }
                list.append(try readValue(rs))
                return list
            }
            list.append(try readValue(rs))
        }
    }

    mutating func jsonPrefix() throws(StrvalsFailure) -> (Value, Int) {
        let restRunes = Array(runes[i...])
        let text = Self.str(restRunes)
        let bytes = Array(text.utf8)
        do {
            let (v, consumedBytes) = try JSON.decodePrefix(bytes)
            let consumed = String(decoding: bytes[..<consumedBytes], as: UTF8.self).unicodeScalars.count
            return (v, consumed)
        } catch {
            throw .message(error.message)
        }
    }

    // MARK: --set-literal

    mutating func literalKey(_ data: inout [String: Value], level: Int) throws(StrvalsFailure) {
        let (k, last) = runesUntil(["=", "[", "."], escapes: false)
        guard let last else {
            if k.isEmpty { throw .eof }
            throw .message("key \"\(k)\" has no value")
        }
        switch last {
        case "=":
            let v = rest
            i = runes.count
            set(&data, k, .string(v))
        case ".":
            let next = level + 1
            if next > SetParser.maxNestedNameLevel {
                throw .message("value name nested level is greater than maximum supported nested level of \(SetParser.maxNestedNameLevel)")
            }
            var inner: [String: Value] = [:]
            if let existing = data[k] {
                guard case .map(let m) = existing else {
                    throw .message("unable to parse key: interface conversion: interface {} is \(Self.goType(existing)), not map[string]interface {}")
                }
                inner = m.dictionary
            }
            var failure: StrvalsFailure?
            do { try literalKey(&inner, level: next) } catch { failure = error }
            if failure == nil && inner.isEmpty { throw .message("key map \"\(k)\" has no value") }
            if !inner.isEmpty { set(&data, k, .map(inner)) }
            if let failure { throw failure }
        default: // "["
            let idx = try literalIndex()
            var list: [Value] = []
            if let existing = data[k] {
                guard case .list(let l, _) = existing else {
                    throw .message("unable to parse key: interface conversion: interface {} is \(Self.goType(existing)), not []interface {}")
                }
                list = l
            }
            list = try literalListItem(list, idx, level: level)
            set(&data, k, .list(list))
        }
    }

    mutating func literalIndex() throws(StrvalsFailure) -> Int {
        let (v, last) = runesUntil(["]"], escapes: false)
        if last == nil { throw .message("error parsing index: EOF") }
        guard let n = Self.atoi(v) else { throw .message("error parsing index: strconv.Atoi: parsing \"\(v)\": invalid syntax") }
        return n
    }

    mutating func literalListItem(_ list: [Value], _ idx: Int, level: Int) throws(StrvalsFailure) -> [Value] {
        if idx < 0 { throw .message("negative \(idx) index not allowed") }
        let (k, last) = runesUntil(["[", ".", "="], escapes: false)
        if !k.isEmpty { throw .message("unexpected data at end of array index: \"\(k)\"") }
        guard let last else { throw .eof }
        switch last {
        case "=":
            let v = rest
            i = runes.count
            return try Self.setIndex(list, idx, .string(v))
        case ".":
            var inner: [String: Value] = [:]
            if list.count > idx, case .map(let m) = list[idx] { inner = m.dictionary }
            try literalKey(&inner, level: level)
            return try Self.setIndex(list, idx, .map(inner))
        default:
            let next = try literalIndex()
            var current: [Value] = []
            if list.count > idx, !list[idx].isNull {
                guard case .list(let l, _) = list[idx] else {
                    throw .message("unable to parse key: interface conversion: interface {} is \(Self.goType(list[idx])), not []interface {}")
                }
                current = l
            }
            let inner = try literalListItem(current, next, level: level)
            return try Self.setIndex(list, idx, .list(inner))
        }
    }
}
