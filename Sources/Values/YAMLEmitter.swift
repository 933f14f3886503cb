extension YAML {
    /// Helm's `toYaml` before it trims the trailing newline: exactly what
    /// sigs.k8s.io/yaml.Marshal returns (value → JSON → go-yaml v2 → YAML text).
    /// Returns "" where Go fails (NaN/Inf floats, characters YAML cannot
    /// carry), as `toYaml` swallows the error; see `emitThrowing`.
    public static func emit(_ value: Value) -> String {
        (try? emitThrowing(value)) ?? ""
    }

    /// As `emit`, but throws Go's error (for `mustToYaml`).
    public static func emitThrowing(_ value: Value) throws(ValuesError) -> String {
        var e = YAMLEmitter()
        e.out.reserveCapacity(256)
        try e.emitNode(value, root: true, sequence: false, mapping: false, simpleKey: false)
        e.writeIndent()
        return String(decoding: e.out, as: UTF8.self)
    }
}

/// A port of go-yaml v2's emitter for the event shapes `yaml.Marshal` of
/// JSON-decoded data produces: block mappings (keys in go-yaml's order),
/// block sequences, `[]`/`{}` for empty collections, and scalars in plain,
/// single-quoted, double-quoted or literal style with its wrapping at 80 columns.
struct YAMLEmitter {
    var out: [UInt8] = []
    var column = 0
    var whitespace = true
    var indention = true
    var indent = -1
    var indents: [Int] = []
    var flowLevel = 0
    let bestIndent = 2
    let bestWidth = 80

    enum Style { case plain, single, double, literal }

    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    mutating func popIndent() { indent = indents.popLast() ?? -1 }

    mutating func putBreak() {
        out.append(10)
        column = 0
    }

    mutating func put(_ c: UInt8) {
        out.append(c)
        column += 1
    }

    mutating func writeIndent() {
        let ind = max(indent, 0)
        if !indention || column > ind || (column == ind && !whitespace) { putBreak() }
        while column < ind { put(32) }
        whitespace = true
        indention = true
    }

    mutating func writeIndicator(_ s: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(32) }
        for c in s.utf8 { put(c) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    // MARK: nodes

    mutating func emitNode(_ value: Value, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool) throws(ValuesError) {
        switch value {
        case .null: emitScalar("null", style: .plain, mapping: mapping, simpleKey: simpleKey)
        case .bool(let b): emitScalar(b ? "true" : "false", style: .plain, mapping: mapping, simpleKey: simpleKey)
        case .int(let i): emitScalar(String(i), style: .plain, mapping: mapping, simpleKey: simpleKey)
        case .int64(let i): emitScalar(String(i), style: .plain, mapping: mapping, simpleKey: simpleKey)
        case .float(let d):
            guard d.isFinite else {
                throw ValuesError(message: "json: unsupported value: " + GoFloat.format(d, fmt: UInt8(ascii: "g"), precision: -1))
            }
            emitScalar(Self.numberText(d), style: .plain, mapping: mapping, simpleKey: simpleKey)
        case .string(let s): try emitString(s, mapping: mapping, simpleKey: simpleKey)
        case .bytes(let b):
            var enc: [UInt8] = []
            Base64.encode(b, into: &enc)
            try emitString(String(decoding: enc, as: UTF8.self), mapping: mapping, simpleKey: simpleKey)
        case .list(let l, _):
            if l.isEmpty {
                writeIndicator("[", needWhitespace: true, isWhitespace: true, isIndention: false)
                writeIndicator("]", needWhitespace: false, isWhitespace: false, isIndention: false)
                return
            }
            increaseIndent(flow: false, indentless: mapping && !indention)
            for item in l {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                try emitNode(item, root: false, sequence: true, mapping: false, simpleKey: false)
            }
            popIndent()
        case .map(let m):
            if m.isEmpty {
                writeIndicator("{", needWhitespace: true, isWhitespace: true, isIndention: false)
                writeIndicator("}", needWhitespace: false, isWhitespace: false, isIndention: false)
                return
            }
            increaseIndent(flow: false, indentless: false)
            for k in YAMLKeyOrder.sorted(Array(m.keys)) {
                writeIndent()
                let bytes = Array(k.utf8)
                let simple = !bytes.contains(where: Self.isBreakStart) && bytes.count <= 128
                if simple {
                    try emitString(k, mapping: true, simpleKey: true)
                    writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                } else {
                    writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                    try emitString(k, mapping: true, simpleKey: false)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
                }
                try emitNode(m[k] ?? .null, root: false, sequence: false, mapping: true, simpleKey: false)
            }
            popIndent()
        case .object(let o):
            try emitNode(o.jsonValue(), root: root, sequence: sequence, mapping: mapping, simpleKey: simpleKey)
        }
    }

    private static func isBreakStart(_ c: UInt8) -> Bool { c == 10 || c == 13 }

    /// The float as JSON writes it, re-read by go-yaml (an int when it has no
    /// fraction or exponent) and written back.
    static func numberText(_ d: Double) -> String {
        let json = GoFloat.json(d)
        switch YAMLResolve.plain(json) {
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .float(let f): return GoFloat.format(f, fmt: UInt8(ascii: "g"), precision: -1)
        default: return json
        }
    }

    /// go-yaml v2 `stringv` on a JSON-decoded string.
    mutating func emitString(_ s: String, mapping: Bool, simpleKey: Bool) throws(ValuesError) {
        // toYaml goes through encoding/json: invalid UTF-8 bytes become U+FFFD.
        var b = Array(GoBytes.replacingEscapes(s).utf8)
        if let bad = Self.firstUnreadable(b) {
            _ = bad
            throw ValuesError(message: "error converting YAML to JSON: yaml: control characters are not allowed")
        }
        if Self.containsNEL(b) {
            b = Self.foldNEL(b)
        }
        let text = String(decoding: b, as: UTF8.self)
        let style: Style
        let resolved = YAMLResolve.plain(text)
        if b.contains(10) {
            style = .literal
        } else if (resolved == .string || resolved == .merge) && !YAMLResolve.isBase60Float(b) {
            style = .plain
        } else {
            style = .double
        }
        emitScalarBytes(b, style: style, mapping: mapping, simpleKey: simpleKey)
    }

    static func containsNEL(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0xC2 && b[i + 1] == 0x85 { return true }
            i += 1
        }
        return false
    }

    /// JSON leaves U+0085 (NEL) raw; the YAML parser re-reading the JSON
    /// folds it like a line break in a double-quoted scalar: surrounding
    /// blanks vanish, one break becomes a space, n breaks become n-1 newlines.
    static func foldNEL(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 {
                while let last = out.last, last == 32 || last == 9 { out.removeLast() }
                var breaks = 0
                while i < b.count {
                    if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 { breaks += 1; i += 2 }
                    else if b[i] == 32 || b[i] == 9 { i += 1 }
                    else { break }
                }
                if breaks == 1 { out.append(32) } else { out.append(contentsOf: repeatElement(10, count: breaks - 1)) }
                continue
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    /// Characters JSON leaves raw but libyaml's reader rejects when
    /// sigs.k8s.io/yaml re-reads the JSON (DEL, C1 controls, U+FFFE/U+FFFF).
    static func firstUnreadable(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x7F { return i }
            if c == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80, b[i + 1] < 0xA0, b[i + 1] != 0x85 { return i }
            if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF { return i }
            i += 1
        }
        return nil
    }

    mutating func emitScalar(_ s: String, style: Style, mapping: Bool, simpleKey: Bool) {
        emitScalarBytes(Array(s.utf8), style: style, mapping: mapping, simpleKey: simpleKey)
    }

    // MARK: scalar writing

    mutating func emitScalarBytes(_ v: [UInt8], style requested: Style, mapping: Bool, simpleKey: Bool) {
        let a = Self.analyze(v)
        var style = requested
        if simpleKey && a.multiline { style = .double }
        if style == .plain {
            if (flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed) { style = .single }
            if v.isEmpty && (flowLevel > 0 || simpleKey) { style = .single }
        }
        if style == .single && !a.singleQuotedAllowed { style = .double }
        if style == .literal && (!a.blockAllowed || flowLevel > 0 || simpleKey) { style = .double }
        increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(v, allowBreaks: !simpleKey)
        case .single: writeSingle(v, allowBreaks: !simpleKey)
        case .double: writeDouble(v, allowBreaks: !simpleKey)
        case .literal: writeLiteral(v)
        }
        popIndent()
    }

    mutating func write(_ v: [UInt8], _ i: inout Int) {
        let w = Self.width(v[i])
        let end = min(i + w, v.count)
        out.append(contentsOf: v[i..<end])
        column += 1
        i = end
    }

    mutating func writeBreak(_ v: [UInt8], _ i: inout Int) {
        if v[i] == 10 {
            putBreak()
            i += 1
        } else {
            write(v, &i)
            column = 0
        }
    }

    mutating func writePlain(_ v: [UInt8], allowBreaks: Bool) {
        if !whitespace { put(32) }
        var spaces = false, breaks = false
        var i = 0
        while i < v.count {
            if Self.isSpace(v, i) {
                if allowBreaks && !spaces && column > bestWidth && !Self.isSpace(v, i + 1) {
                    writeIndent()
                    i += 1
                } else {
                    write(v, &i)
                }
                spaces = true
            } else if Self.isBreak(v, i) {
                if !breaks && v[i] == 10 { putBreak() }
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(v, &i)
                indention = false
                spaces = false; breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    mutating func writeSingle(_ v: [UInt8], allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false, breaks = false
        var i = 0
        while i < v.count {
            if Self.isSpace(v, i) {
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != v.count - 1 && !Self.isSpace(v, i + 1) {
                    writeIndent()
                    i += 1
                } else {
                    write(v, &i)
                }
                spaces = true
            } else if Self.isBreak(v, i) {
                if !breaks && v[i] == 10 { putBreak() }
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if v[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(v, &i)
                indention = false
                spaces = false; breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    mutating func writeDouble(_ v: [UInt8], allowBreaks: Bool) {
        var spaces = false
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var i = 0
        while i < v.count {
            // go-yaml v2's is_bom looks at the start of the value, not at i.
            let isBOM = Self.at(v, 0) == 0xEF && Self.at(v, 1) == 0xBB && Self.at(v, 2) == 0xBF
            if !Self.isPrintable(v, i) || isBOM || Self.isBreak(v, i) || v[i] == 34 || v[i] == 92 {
                var octet = v[i]
                var w = 1
                var r: UInt32
                if octet & 0x80 == 0 { w = 1; r = UInt32(octet & 0x7F) }
                else if octet & 0xE0 == 0xC0 { w = 2; r = UInt32(octet & 0x1F) }
                else if octet & 0xF0 == 0xE0 { w = 3; r = UInt32(octet & 0x0F) }
                else { w = 4; r = UInt32(octet & 0x07) }
                var k = 1
                while k < w, i + k < v.count {
                    octet = v[i + k]
                    r = (r << 6) + UInt32(octet & 0x3F)
                    k += 1
                }
                i += w
                put(92)
                switch r {
                case 0x00: put(UInt8(ascii: "0"))
                case 0x07: put(UInt8(ascii: "a"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0B: put(UInt8(ascii: "v"))
                case 0x0C: put(UInt8(ascii: "f"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x1B: put(UInt8(ascii: "e"))
                case 0x22: put(UInt8(ascii: "\""))
                case 0x5C: put(UInt8(ascii: "\\"))
                case 0x85: put(UInt8(ascii: "N"))
                case 0xA0: put(UInt8(ascii: "_"))
                case 0x2028: put(UInt8(ascii: "L"))
                case 0x2029: put(UInt8(ascii: "P"))
                default:
                    let digits: Int
                    if r <= 0xFF { put(UInt8(ascii: "x")); digits = 2 }
                    else if r <= 0xFFFF { put(UInt8(ascii: "u")); digits = 4 }
                    else { put(UInt8(ascii: "U")); digits = 8 }
                    var shift = (digits - 1) * 4
                    while shift >= 0 {
                        put(Self.hexDigits[Int((r >> UInt32(shift)) & 0xF)])
                        shift -= 4
                    }
                }
                spaces = false
            } else if Self.isSpace(v, i) {
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != v.count - 1 {
                    writeIndent()
                    if Self.isSpace(v, i + 1) { put(92) }
                    i += 1
                } else {
                    write(v, &i)
                }
                spaces = true
            } else {
                write(v, &i)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeLiteral(_ v: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        // block scalar hints
        if Self.isSpace(v, 0) || Self.isBreak(v, 0) {
            writeIndicator(String(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: String? = nil
        if v.isEmpty {
            chomp = "-"
        } else {
            var i = v.count - 1
            while i > 0, v[i] & 0xC0 == 0x80 { i -= 1 }
            if !Self.isBreak(v, i) {
                chomp = "-"
            } else if i == 0 {
                chomp = "+"
            } else {
                i -= 1
                while i > 0, v[i] & 0xC0 == 0x80 { i -= 1 }
                if Self.isBreak(v, i) { chomp = "+" }
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var i = 0
        while i < v.count {
            if Self.isBreak(v, i) {
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(v, &i)
                indention = false
                breaks = false
            }
        }
    }
}
