extension YAML {
    /// Helm's `toYamlPretty` before it trims the trailing newline: go-yaml v3's
    /// `Encoder` with `SetIndent(2)` applied directly to the Go values (no JSON
    /// step): sequences indented under their key, v3 quoting (double quotes for
    /// strings that would read back as another type, YAML 1.1 booleans
    /// included), literal blocks for multi-line strings, no line wrapping,
    /// floats as `strconv.FormatFloat(f, 'g', -1, 64)` (`1e+06`).
    /// Go objects (`.Chart`, …) are written from their JSON form, not from Go
    /// struct fields as v3 would.
    public static func emitPretty(_ value: Value) -> String {
        var e = YAMLPrettyEmitter()
        e.out.reserveCapacity(256)
        e.emitNode(value, inSequence: false, mappingValue: false, simpleKey: false)
        e.writeIndent()
        return String(decoding: e.out, as: UTF8.self)
    }
}

/// go-yaml v3's emitter for the event shapes its encoder produces from plain
/// Go data, at best indent 2 and unlimited width.
struct YAMLPrettyEmitter {
    var out: [UInt8] = []
    var column = 0
    var whitespace = true
    var indention = true
    var indent = -1
    var indents: [Int] = []
    var flowLevel = 0
    let bestIndent = 2

    enum Style { case plain, single, double, literal }

    /// v3's `increase_indent_compact`: the first indent inside a sequence item
    /// skips the "- " indicator; everything else aligns to the best indent.
    mutating func increaseIndent(flow: Bool, inSequence: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if inSequence {
            indent += 2
        } else {
            indent = bestIndent * ((indent + bestIndent) / bestIndent)
        }
    }

    mutating func popIndent() { indent = indents.popLast() ?? -1 }

    mutating func putBreak() { out.append(10); column = 0 }

    mutating func put(_ c: UInt8) { out.append(c); column += 1 }

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

    mutating func emitNode(_ value: Value, inSequence: Bool, mappingValue: Bool, simpleKey: Bool) {
        switch value {
        case .null: emitScalar(Array("null".utf8), style: .plain, inSequence: inSequence, simpleKey: simpleKey)
        case .bool(let b): emitScalar(Array((b ? "true" : "false").utf8), style: .plain, inSequence: inSequence, simpleKey: simpleKey)
        case .int(let i): emitScalar(Array(String(i).utf8), style: .plain, inSequence: inSequence, simpleKey: simpleKey)
        case .int64(let i): emitScalar(Array(String(i).utf8), style: .plain, inSequence: inSequence, simpleKey: simpleKey)
        case .float(let d):
            let text: String
            if d.isNaN { text = ".nan" } else if d.isInfinite { text = d < 0 ? "-.inf" : ".inf" } else {
                text = GoFloat.format(d, fmt: UInt8(ascii: "g"), precision: -1)
            }
            emitScalar(Array(text.utf8), style: .plain, inSequence: inSequence, simpleKey: simpleKey)
        case .string(let s): emitString(s, inSequence: inSequence, simpleKey: simpleKey)
        case .bytes(let b): emitNode(.list(b.map { .int(Int($0)) }), inSequence: inSequence, mappingValue: mappingValue, simpleKey: simpleKey)
        case .list(let l, _):
            if l.isEmpty { emitEmpty("[", "]", inSequence: inSequence); return }
            increaseIndent(flow: false, inSequence: inSequence)
            for item in l {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(item, inSequence: true, mappingValue: false, simpleKey: false)
            }
            popIndent()
        case .map(let m):
            if m.isEmpty { emitEmpty("{", "}", inSequence: inSequence); return }
            increaseIndent(flow: false, inSequence: inSequence)
            for k in YAMLKeyOrder.sorted(Array(m.keys)) {
                writeIndent()
                let bytes = Array(k.utf8)
                if bytes.count <= 128 && !Self.analyzeV3(bytes).multiline {
                    emitString(k, inSequence: false, simpleKey: true)
                    writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                } else {
                    writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                    emitString(k, inSequence: false, simpleKey: false)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
                }
                emitNode(m[k] ?? .null, inSequence: false, mappingValue: true, simpleKey: false)
            }
            popIndent()
        case .object(let o):
            emitNode(o.jsonValue(), inSequence: inSequence, mappingValue: mappingValue, simpleKey: simpleKey)
        }
    }

    mutating func emitEmpty(_ open: String, _ close: String, inSequence: Bool) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, inSequence: inSequence)
        popIndent()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// v3 `encoder.stringv`: a literal block for multi-line text, plain when the
    /// text reads back as the same string, double-quoted otherwise.
    mutating func emitString(_ s: String, inSequence: Bool, simpleKey: Bool) {
        let s = GoBytes.replacingEscapes(s)
        let b = Array(s.utf8)
        let style: Style
        if b.contains(10) {
            style = .literal
        } else if YAMLV3Resolve.isPlainString(s) && !YAMLResolve.isBase60Float(b) && !YAMLV3Resolve.isOldBool(s) {
            style = .plain
        } else {
            style = .double
        }
        emitScalar(b, style: style, inSequence: inSequence, simpleKey: simpleKey)
    }

    mutating func emitScalar(_ v: [UInt8], style requested: Style, inSequence: Bool, simpleKey: Bool) {
        let a = Self.analyzeV3(v)
        var style = requested
        if simpleKey && a.multiline { style = .double }
        if style == .plain {
            if (flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed) { style = .single }
            if v.isEmpty && (flowLevel > 0 || simpleKey) { style = .single }
        }
        if style == .single && !a.singleQuotedAllowed { style = .double }
        if style == .literal && (!a.blockAllowed || flowLevel > 0 || simpleKey) { style = .double }
        increaseIndent(flow: true, inSequence: inSequence)
        switch style {
        case .plain: writePlain(v)
        case .single: writeSingle(v)
        case .double: writeDouble(v)
        case .literal: writeLiteral(v)
        }
        popIndent()
    }

    mutating func write(_ v: [UInt8], _ i: inout Int) {
        let end = min(i + YAMLEmitter.width(v[i]), v.count)
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

    mutating func writePlain(_ v: [UInt8]) {
        if !whitespace && !v.isEmpty { put(32) }
        var breaks = false
        var i = 0
        while i < v.count {
            if YAMLEmitter.isSpace(v, i) {
                write(v, &i)
            } else if YAMLEmitter.isBreak(v, i) {
                if !breaks && v[i] == 10 { putBreak() }
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
        whitespace = false
        indention = false
    }

    mutating func writeSingle(_ v: [UInt8]) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var breaks = false
        var i = 0
        while i < v.count {
            if YAMLEmitter.isSpace(v, i) {
                write(v, &i)
            } else if YAMLEmitter.isBreak(v, i) {
                if !breaks && v[i] == 10 { putBreak() }
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if v[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(v, &i)
                indention = false
                breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    mutating func writeDouble(_ v: [UInt8]) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var i = 0
        while i < v.count {
            // Like libyaml's Go port, is_bom looks at the start of the value, not at i.
            let isBOM = YAMLEmitter.at(v, 0) == 0xEF && YAMLEmitter.at(v, 1) == 0xBB && YAMLEmitter.at(v, 2) == 0xBF
            if !YAMLEmitter.isPrintable(v, i) || isBOM || YAMLEmitter.isBreak(v, i) || v[i] == 34 || v[i] == 92 {
                let w = YAMLEmitter.width(v[i])
                var r: UInt32 = w == 1 ? UInt32(v[i] & 0x7F) : w == 2 ? UInt32(v[i] & 0x1F) : w == 3 ? UInt32(v[i] & 0x0F) : UInt32(v[i] & 0x07)
                var k = 1
                while k < w, i + k < v.count {
                    r = (r << 6) + UInt32(v[i + k] & 0x3F)
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
                    if r <= 0xFF { put(UInt8(ascii: "x")); digits = 2 } else if r <= 0xFFFF { put(UInt8(ascii: "u")); digits = 4 } else {
                        put(UInt8(ascii: "U")); digits = 8
                    }
                    var shift = (digits - 1) * 4
                    while shift >= 0 {
                        put(Self.hexDigits[Int((r >> UInt32(shift)) & 0xF)])
                        shift -= 4
                    }
                }
            } else {
                write(v, &i)
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeLiteral(_ v: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        if YAMLEmitter.isSpace(v, 0) || YAMLEmitter.isBreak(v, 0) {
            writeIndicator(String(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: String?
        if v.isEmpty {
            chomp = "-"
        } else {
            var i = v.count - 1
            while i > 0, v[i] & 0xC0 == 0x80 { i -= 1 }
            if !YAMLEmitter.isBreak(v, i) {
                chomp = "-"
            } else if i == 0 {
                chomp = "+"
            } else {
                i -= 1
                while i > 0, v[i] & 0xC0 == 0x80 { i -= 1 }
                if YAMLEmitter.isBreak(v, i) { chomp = "+" }
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var i = 0
        while i < v.count {
            if YAMLEmitter.isBreak(v, i) {
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
