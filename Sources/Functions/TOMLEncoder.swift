import Template
import Values

/// BurntSushi/toml's `Encoder` (as Helm's `toToml` uses it): direct keys
/// first, then tables and arrays of tables, each group sorted; nested tables
/// indented by two spaces per level.
enum TOMLEncoder {
    static func encode(_ v: Value) throws -> String {
        var out = ""
        var written = false
        switch v {
        case .map(let m): try writeMap(m.dictionary, key: [], into: &out, written: &written)
        case .null: break
        default: out = try element(v)
        }
        return out
    }

    private static func isTable(_ v: Value) -> Bool {
        switch v {
        case .map: return true
        case .list(let l, _): return isTableArray(l)
        default: return false
        }
    }

    private static func isTableArray(_ l: [Value]) -> Bool {
        guard !l.isEmpty else { return false }
        return l.allSatisfy { if case .map = $0 { return true }; return false }
    }

    private static func newline(_ out: inout String, _ written: inout Bool) {
        if written { out += "\n" }
    }

    private static func indent(_ key: [String]) -> String { String(repeating: "  ", count: max(0, key.count - 1)) }

    private static func header(_ key: [String]) -> String { key.map(quotedKey).joined(separator: ".") }

    static func quotedKey(_ k: String) -> String {
        if !k.isEmpty && k.unicodeScalars.allSatisfy({ ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" }) {
            return k
        }
        return quoted(k)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func writeMap(_ m: [String: Value], key: [String], into out: inout String, written: inout Bool) throws {
        let keys = m.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let direct = keys.filter { !isTable(m[$0] ?? .null) }
        let sub = keys.filter { isTable(m[$0] ?? .null) }
        for k in direct {
            guard let v = m[k], !v.isNull else { continue }
            let path = key + [k]
            out += indent(path) + quotedKey(k) + " = " + (try element(v))
            out += "\n"
            written = true
        }
        for k in sub {
            guard let v = m[k] else { continue }
            let path = key + [k]
            switch v {
            case .map(let inner):
                if path.count == 1 { newline(&out, &written) }
                out += indent(path) + "[" + header(path) + "]"
                written = true
                newline(&out, &written)
                try writeMap(inner.dictionary, key: path, into: &out, written: &written)
            case .list(let items, _):
                for item in items {
                    guard case .map(let inner) = item else { continue }
                    newline(&out, &written)
                    out += indent(path) + "[[" + header(path) + "]]"
                    written = true
                    newline(&out, &written)
                    try writeMap(inner.dictionary, key: path, into: &out, written: &written)
                }
            default: break
            }
        }
    }

    static func element(_ v: Value) throws -> String {
        switch v {
        case .null: throw FunctionError("toml: cannot encode array with nil element")
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .int64(let i): return String(i)
        case .float(let f):
            if f.isNaN { return "nan" }
            if f.isInfinite { return f < 0 ? "-inf" : "inf" }
            let s = GoPrint.formatFloat(f)
            return s.contains(".") || s.contains("e") ? s : s + ".0"
        case .string(let s): return quoted(s)
        case .bytes(let b): return quoted(String(decoding: b, as: UTF8.self))
        case .list(let l, _):
            if l.contains(where: { $0.isNull }) { throw FunctionError("toml: cannot encode array with nil element") }
            return "[" + (try l.map(element)).joined(separator: ", ") + "]"
        case .map(let m):
            let keys = m.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.filter { !(m[$0]?.isNull ?? true) }
            return "{" + (try keys.map { quotedKey($0) + " = " + (try element(m[$0] ?? .null)) }).joined(separator: ", ") + "}"
        case .object(let o):
            // time.Time is a TOML datetime, written unquoted.
            if let t = o as? GoTime { return GoTimeFormat.format(t, layout: "2006-01-02T15:04:05.999999999Z07:00") }
            return try element(o.jsonValue())
        }
    }
}
