/// Go `encoding/json`, exactly: sorted map keys (byte order), Go's string
/// escaping, float64 formatting, `[]byte` as base64, objects via `jsonValue()`.
public enum JSON {
    /// `json.Marshal` (or `MarshalIndent(v, "", indent)` when `indent` is given;
    /// with `escapeHTML: false` as an `Encoder` with `SetEscapeHTML(false)`,
    /// without the trailing newline). Returns "" when Go would fail (NaN or
    /// infinite floats), which is what Helm's `toJson` prints in that case.
    public static func encode(_ value: Value, escapeHTML: Bool = true, indent: String? = nil) -> String {
        (try? encodeThrowing(value, escapeHTML: escapeHTML, indent: indent)) ?? ""
    }

    /// As `encode`, but throws Go's `json: unsupported value: NaN` error.
    public static func encodeThrowing(_ value: Value, escapeHTML: Bool = true, indent: String? = nil) throws(ValuesError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try encodeBytes(value, escapeHTML: escapeHTML, indent: indent, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding to a byte buffer.
    public static func encodeBytes(_ value: Value, escapeHTML: Bool = true, indent: String? = nil, into out: inout [UInt8]) throws(ValuesError) {
        var w = JSONWriter(escapeHTML: escapeHTML, indent: indent.map { Array($0.utf8) })
        try w.write(value, depth: 0, into: &out)
    }
}

struct JSONWriter {
    let escapeHTML: Bool
    let indent: [UInt8]?

    private static let hex = Array("0123456789abcdef".utf8)

    private func newline(_ depth: Int, _ out: inout [UInt8]) {
        guard let indent else { return }
        out.append(10)
        for _ in 0..<depth { out.append(contentsOf: indent) }
    }

    mutating func write(_ value: Value, depth: Int, into out: inout [UInt8]) throws(ValuesError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .int64(let i): out.append(contentsOf: String(i).utf8)
        case .float(let d):
            guard d.isFinite else {
                throw ValuesError(message: "json: unsupported value: " + GoFloat.format(d, fmt: UInt8(ascii: "g"), precision: -1))
            }
            GoFloat.appendJSON(d, to: &out)
        case .string(let s): writeString(s, into: &out)
        case .bytes(let b):
            out.append(34)
            Base64.encode(b, into: &out)
            out.append(34)
        case .list(let l, _):
            if l.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in l.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1, &out)
                try write(item, depth: depth + 1, into: &out)
            }
            newline(depth, &out)
            out.append(UInt8(ascii: "]"))
        case .map(let m):
            try writeObject(m, keys: sortedKeys(m.dictionary), depth: depth, into: &out)
        case .object(let o):
            let v = o.jsonValue()
            if let order = o.jsonFieldOrder, case .map(let m) = v {
                try writeObject(m, keys: order.filter { m[$0] != nil }, depth: depth, into: &out)
            } else {
                try write(v, depth: depth, into: &out)
            }
        }
    }

    private mutating func writeObject(_ m: ValueMap, keys: [String], depth: Int, into out: inout [UInt8]) throws(ValuesError) {
        if m.isEmpty { out.append(contentsOf: "{}".utf8); return }
        out.append(UInt8(ascii: "{"))
        var first = true
        for k in keys {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            newline(depth + 1, &out)
            writeString(k, into: &out)
            out.append(UInt8(ascii: ":"))
            if indent != nil { out.append(32) }
            try write(m[k] ?? .null, depth: depth + 1, into: &out)
        }
        newline(depth, &out)
        out.append(UInt8(ascii: "}"))
    }

    func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(34)
        // Go's encoding/json writes each invalid UTF-8 byte as U+FFFD.
        var s = GoBytes.replacingEscapes(s)
        s.withUTF8 { b in
            var start = 0
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    let safe = c >= 0x20 && c != 34 && c != 92 && !(escapeHTML && (c == 60 || c == 62 || c == 38))
                    if safe { i += 1; continue }
                    if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i])) }
                    out.append(92)
                    switch c {
                    case 92, 34: out.append(c)
                    case 8: out.append(UInt8(ascii: "b"))
                    case 12: out.append(UInt8(ascii: "f"))
                    case 10: out.append(UInt8(ascii: "n"))
                    case 13: out.append(UInt8(ascii: "r"))
                    case 9: out.append(UInt8(ascii: "t"))
                    default:
                        out.append(contentsOf: "u00".utf8)
                        out.append(Self.hex[Int(c >> 4)])
                        out.append(Self.hex[Int(c & 0xF)])
                    }
                    i += 1
                    start = i
                    continue
                }
                // U+2028 / U+2029: E2 80 A8 / E2 80 A9
                if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                    if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i])) }
                    out.append(contentsOf: (b[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 3
                    start = i
                    continue
                }
                i += 1
            }
            if start < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<n])) }
        }
        out.append(34)
    }
}

/// Map keys in Go's `sort.Strings` order (byte-wise UTF-8).
func sortedKeys(_ m: [String: Value]) -> [String] {
    m.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}
