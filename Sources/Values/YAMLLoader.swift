import CYAML

/// Reads YAML the way Helm does (sigs.k8s.io/yaml: go-yaml v2 decoding into
/// `interface{}`, then JSON, then `map[string]interface{}`), on libyaml's event API.
public enum YAML {
    /// The first document of `bytes` (`.null` for an empty stream).
    public static func load(_ bytes: [UInt8], file: String) throws(ValuesError) -> Value {
        var loader = YAMLEventLoader(bytes: bytes, file: file, firstOnly: true)
        return try loader.run().first ?? .null
    }

    /// Every document of a `---`-separated stream.
    public static func loadAll(_ bytes: [UInt8], file: String) throws(ValuesError) -> [Value] {
        var loader = YAMLEventLoader(bytes: bytes, file: file, firstOnly: false)
        return try loader.run()
    }

    /// Helm's `LoadValues` for a values file (chart `values.yaml` or `-f`): every
    /// document must be a map (or empty); documents are merged with `MergeMaps`.
    /// Errors carry Helm's wording, e.g. `cannot unmarshal yaml document: error
    /// converting YAML to JSON: yaml: line 3: …`.
    public static func loadValues(_ bytes: [UInt8], file: String) throws(ValuesError) -> [String: Value] {
        var result: [String: Value] = [:]
        for chunk in try documentChunks(bytes, file: file) {
            let doc: Value
            do {
                doc = try load(Array(bytes[chunk.range]), file: file)
            } catch {
                var e = error
                e.message = "cannot unmarshal yaml document: " + e.message
                if e.line > 0 {
                    e.line += chunk.firstLine - 1
                    e.sourceLine = ValuesError.sourceLine(of: bytes, line: e.line)
                }
                throw e
            }
            switch doc {
            case .null: continue
            case .map(let m): result = Merge.mergeMaps(result, m.dictionary)
            default:
                let kind = doc.jsonKindName
                throw ValuesError(file: file, line: chunk.firstLine, column: 1,
                                  message: "cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(kind) into Go value of type map[string]interface {}",
                                  sourceLine: ValuesError.sourceLine(of: bytes, line: chunk.firstLine))
            }
        }
        return result
    }

    /// k8s.io/apimachinery's `YAMLReader` as `LoadValues` uses it: a line
    /// starting with `---` (followed only by blanks or a comment) ends a document.
    static func documentChunks(_ bytes: [UInt8], file: String) throws(ValuesError) -> [(range: Range<Int>, firstLine: Int)] {
        var chunks: [(range: Range<Int>, firstLine: Int)] = []
        var start = 0
        var startLine = 1
        var lineStart = 0
        var line = 1
        while lineStart < bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let next = min(end + 1, bytes.count)
            if end - lineStart >= 3, bytes[lineStart] == 45, bytes[lineStart + 1] == 45, bytes[lineStart + 2] == 45 {
                var k = lineStart + 3
                while k < end, bytes[k] == 32 || bytes[k] == 9 || bytes[k] == 13 { k += 1 }
                if k < end, bytes[k] != UInt8(ascii: "#") {
                    let text = String(decoding: bytes[lineStart..<end], as: UTF8.self)
                    throw ValuesError(file: file, line: line, column: 1,
                                      message: "error reading yaml document: invalid Yaml document separator: " + text,
                                      sourceLine: text)
                }
                if start < lineStart { chunks.append((start..<lineStart, startLine)) }
                start = next
                startLine = line + 1
            }
            lineStart = next
            line += 1
        }
        if start < bytes.count { chunks.append((start..<bytes.count, startLine)) }
        return chunks
    }
}

/// One event-driven pass over a YAML stream building `Value`s, with go-yaml v2
/// semantics for tags, merge keys, aliases and key stringification.
struct YAMLEventLoader {
    let bytes: [UInt8]
    let file: String
    let firstOnly: Bool

    /// An open sequence or mapping, mutated in place on the stack (no copy per child).
    private struct Frame {
        var isMapping: Bool
        var items: [Value] = []
        var entries: [String: Value] = [:]
        var pendingKey: PendingKey? = nil
        var anchor: String?
        /// `decodeCount` when the collection started (its node count for aliases).
        var count: Int
    }
    private enum PendingKey {
        case key(String)
        case merge
        case invalid(String)
        /// A key sigs.k8s.io/yaml cannot turn into a JSON key; its error names the value too.
        case unsupported(type: String, key: String, mark: yaml_mark_t)
    }
    private struct Anchored {
        var value: Value
        var nodes: Int
        var isMapping: Bool
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var openAnchors: Set<String> = []
    private var documents: [Value] = []
    private var decodeCount = 0
    private var aliasCount = 0

    init(bytes: [UInt8], file: String, firstOnly: Bool) {
        self.bytes = bytes
        self.file = file
        self.firstOnly = firstOnly
    }

    mutating func run() throws(ValuesError) -> [Value] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw ValuesError(file: file, message: "yaml: cannot initialize parser")
        }
        defer { yaml_parser_delete(&parser) }
        let input = bytes.isEmpty ? [0] : bytes
        let count = bytes.count
        return try input.withUnsafeBufferPointer { buf throws(ValuesError) -> [Value] in
            yaml_parser_set_input_string(&parser, buf.baseAddress, count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw parserError(&parser)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try handle(&event)
                if firstOnly && !documents.isEmpty { break }
            }
            return documents
        }
    }

    private func string(_ p: UnsafeMutablePointer<yaml_char_t>?, _ n: Int) -> String {
        guard let p else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    private func cString(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    private func error(_ message: String, _ mark: yaml_mark_t) -> ValuesError {
        let line = Int(mark.line) + 1
        return ValuesError(file: file, line: line, column: Int(mark.column) + 1,
                           message: "error converting YAML to JSON: yaml: " + message,
                           sourceLine: ValuesError.sourceLine(of: bytes, line: line))
    }

    /// go-yaml v2's `parser.fail()` wording (its line quirks included), plus
    /// the exact position for our display.
    private func parserError(_ p: inout yaml_parser_t) -> ValuesError {
        var line = 0
        if p.problem_mark.line != 0 {
            line = Int(p.problem_mark.line)
            if p.error == YAML_SCANNER_ERROR { line += 1 }
        } else if p.context_mark.line != 0 {
            line = Int(p.context_mark.line)
        }
        var msg = p.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
        if line != 0 { msg = "line \(line): " + msg }
        var mark = p.problem_mark
        if p.error == YAML_READER_ERROR {
            mark = yaml_mark_t(index: p.problem_offset, line: 0, column: 0)
            var l = 0, c = 0, i = 0
            while i < min(Int(p.problem_offset), bytes.count) {
                if bytes[i] == 10 { l += 1; c = 0 } else { c += 1 }
                i += 1
            }
            mark.line = l; mark.column = c
        }
        var e = error("", mark)
        e.message = "error converting YAML to JSON: yaml: " + msg
        return e
    }

    private mutating func countNode(_ mark: yaml_mark_t, nodes: Int = 1, aliased: Int = 0) throws(ValuesError) {
        decodeCount += nodes
        aliasCount += aliased
        if aliasCount > 100 && decodeCount > 1000 && Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount) {
            throw error("document contains excessive aliasing", mark)
        }
    }

    private static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        if decodeCount <= 400_000 { return 0.99 }
        if decodeCount >= 4_000_000 { return 0.10 }
        return 0.99 - 0.89 * (Double(decodeCount - 400_000) / 3_600_000)
    }

    private mutating func handle(_ event: inout yaml_event_t) throws(ValuesError) {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = string(s.value, Int(s.length))
            let tag = cString(s.tag) ?? ""
            let plain = s.style == YAML_PLAIN_SCALAR_STYLE
            try countNode(event.start_mark)
            if expectsKey {
                let key = try scalarKey(text, tag: tag, plain: plain, implicit: s.plain_implicit == 1, mark: event.start_mark)
                if let a = cString(s.anchor) {
                    anchors[a] = Anchored(value: try scalarValue(text, tag: tag, implicit: s.plain_implicit == 1, mark: event.start_mark), nodes: 1, isMapping: false)
                }
                setPendingKey(key)
                return
            }
            let v = try scalarValue(text, tag: tag, implicit: s.plain_implicit == 1, mark: event.start_mark)
            if let a = cString(s.anchor) { anchors[a] = Anchored(value: v, nodes: 1, isMapping: false) }
            try add(v, mark: event.start_mark)
        case YAML_ALIAS_EVENT:
            let name = cString(event.data.alias.anchor) ?? ""
            if openAnchors.contains(name) {
                throw error("anchor '\(name)' value contains itself", event.start_mark)
            }
            guard let target = anchors[name] else {
                throw error("unknown anchor '\(name)' referenced", event.start_mark)
            }
            try countNode(event.start_mark, nodes: 1 + target.nodes, aliased: target.nodes)
            if expectsKey {
                switch target.value {
                case .map, .list:
                    setPendingKey(.invalid("invalid map key"))
                case .null:
                    setPendingKey(.unsupported(type: "%!s(<nil>)", key: "<nil>", mark: event.start_mark))
                default:
                    setPendingKey(.key(try keyString(target.value, mark: event.start_mark)))
                }
                return
            }
            try add(target.value, mark: event.start_mark, aliasMapping: target.isMapping, extraNodes: target.nodes)
        case YAML_SEQUENCE_START_EVENT:
            try countNode(event.start_mark)
            let anchor = cString(event.data.sequence_start.anchor)
            if let anchor { openAnchors.insert(anchor) }
            markCollectionKey()
            stack.append(Frame(isMapping: false, anchor: anchor, count: decodeCount))
        case YAML_MAPPING_START_EVENT:
            try countNode(event.start_mark)
            let anchor = cString(event.data.mapping_start.anchor)
            if let anchor { openAnchors.insert(anchor) }
            markCollectionKey()
            stack.append(Frame(isMapping: true, anchor: anchor, count: decodeCount))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let top = stack.popLast() else { return }
            let value: Value = top.isMapping ? .map(ValueMap(top.entries)) : .list(top.items)
            if let anchor = top.anchor {
                openAnchors.remove(anchor)
                anchors[anchor] = Anchored(value: value, nodes: decodeCount - top.count + 1, isMapping: top.isMapping)
            }
            try add(value, mark: event.start_mark, isMappingNode: top.isMapping)
        default:
            break
        }
    }

    /// A collection used as a key: go-yaml decodes it, then fails on the hash.
    private mutating func markCollectionKey() {
        if expectsKey {
            setPendingKey(.invalid("invalid map key"))
        }
    }

    /// The innermost open collection is a mapping waiting for its next key.
    private var expectsKey: Bool {
        guard let top = stack.indices.last, stack[top].isMapping, case .none = stack[top].pendingKey else { return false }
        return true
    }

    private mutating func setPendingKey(_ key: PendingKey) {
        guard let top = stack.indices.last, stack[top].isMapping else { return }
        stack[top].pendingKey = key
    }

    private mutating func add(_ value: Value, mark: yaml_mark_t, isMappingNode: Bool = false, aliasMapping: Bool = false, extraNodes: Int = 0) throws(ValuesError) {
        guard let top = stack.indices.last else {
            documents.append(try jsonCheck(value, mark: mark))
            return
        }
        guard stack[top].isMapping else {
            stack[top].items.append(value)
            return
        }
        switch stack[top].pendingKey {
        case .none:
            // a collection key just finished: it was marked invalid on start
            stack[top].pendingKey = .invalid("invalid map key")
            return
        case .invalid(let msg)?:
            throw error(msg, mark)
        case let .unsupported(type, key, keyMark)?:
            var e = error("", keyMark)
            e.message = "error converting YAML to JSON: unsupported map key of type: \(type), key: \(key), value: \(Self.goSharpV(value))"
            throw e
        case .merge?:
            if extraNodes > 0 && !aliasMapping {
                throw error("map merge requires map or sequence of maps as the value", mark)
            }
            switch value {
            case .map(let merged):
                for (k, v) in merged.dictionary { stack[top].entries[k] = v }
            case .list(let list, _):
                for item in list.reversed() {
                    guard case .map(let merged) = item else {
                        throw error("map merge requires map or sequence of maps as the value", mark)
                    }
                    for (k, v) in merged.dictionary { stack[top].entries[k] = v }
                }
            default:
                throw error("map merge requires map or sequence of maps as the value", mark)
            }
        case .key(let k)?:
            stack[top].entries[k] = value
        }
        stack[top].pendingKey = nil
    }

    /// The JSON step of sigs.k8s.io/yaml: NaN and infinities cannot be encoded.
    private func jsonCheck(_ value: Value, mark: yaml_mark_t) throws(ValuesError) -> Value {
        if Self.containsNonFinite(value), let bad = Self.firstNonFinite(value) {
            var e = error("", mark)
            e.message = "error converting YAML to JSON: json: unsupported value: " + GoFloat.format(bad, fmt: UInt8(ascii: "g"), precision: -1)
            throw e
        }
        return value
    }

    /// Whether any float is NaN or infinite: a walk without sorting, as almost no document has one.
    private static func containsNonFinite(_ v: Value) -> Bool {
        switch v {
        case .float(let d): return !d.isFinite
        case .list(let l, _): return l.contains(where: containsNonFinite)
        case .map(let m): return m.values.contains(where: containsNonFinite)
        default: return false
        }
    }

    /// The first non-finite float in Go's key order (the one `encoding/json` reports).
    private static func firstNonFinite(_ v: Value) -> Double? {
        switch v {
        case .float(let d): return d.isFinite ? nil : d
        case .list(let l, _):
            for x in l { if let d = firstNonFinite(x) { return d } }
            return nil
        case .map(let m):
            for k in m.keys.sorted() { if let v = m[k], let d = firstNonFinite(v) { return d } }
            return nil
        default: return nil
        }
    }

    private func scalarValue(_ text: String, tag: String, implicit: Bool, mark: yaml_mark_t) throws(ValuesError) -> Value {
        if tag.isEmpty && !implicit { return .string(text) }
        if tag == YAMLTag.binary {
            guard let data = Base64.decode(Array(text.utf8)) else {
                throw error("!!binary value contains invalid base64 data", mark)
            }
            return .string(String(decoding: data, as: UTF8.self))
        }
        if !tag.isEmpty && !YAMLResolve.isStandardTag(tag) { return .string(text) }
        let r: ResolvedScalar
        do { r = try YAMLResolve.tagged(tag, text) } catch { throw self.error(error.message, mark) }
        switch r {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .float(Double(i))
        case .uint(let u): return .float(Double(u))
        case .float(let d): return .float(d)
        case .timestamp, .string, .merge: return .string(text)
        }
    }

    private func scalarKey(_ text: String, tag: String, plain: Bool, implicit: Bool, mark: yaml_mark_t) throws(ValuesError) -> PendingKey {
        if plain && text == "<<" && (tag.isEmpty || tag == YAMLTag.merge) { return .merge }
        if tag == YAMLTag.merge && text == "<<" { return .merge }
        if !tag.isEmpty && !YAMLResolve.isStandardTag(tag) && tag != YAMLTag.binary { return .key(text) }
        if tag.isEmpty && !implicit { return .key(text) }
        if tag == YAMLTag.binary { return .key(String(decoding: Base64.decode(Array(text.utf8)) ?? [], as: UTF8.self)) }
        let r: ResolvedScalar
        do { r = try YAMLResolve.tagged(tag, text) } catch { throw self.error(error.message, mark) }
        switch r {
        case .null:
            return .unsupported(type: "%!s(<nil>)", key: "<nil>", mark: mark)
        case .bool(let b): return .key(b ? "true" : "false")
        case .int(let i): return .key(String(i))
        case .uint(let u):
            return .unsupported(type: "uint64", key: "0x\(String(u, radix: 16))", mark: mark)
        case .float(let d): return .key(Self.floatKey(d))
        case .timestamp, .string, .merge: return .key(text)
        }
    }

    /// Go's `%+#v` of a value as go-yaml v2 decodes it (maps are `map[interface {}]interface {}`).
    static func goSharpV(_ value: Value, nested: Bool = false) -> String {
        switch value {
        case .null: return nested ? "interface {}(nil)" : "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return GoStrconv.quote(s)
        case .float(let d): return GoFloat.format(d, fmt: UInt8(ascii: "g"), precision: -1)
        case .int(let i): return String(i)
        case .int64(let i): return String(i)
        case .list(let items, _):
            return "[]interface {}{" + items.map { goSharpV($0, nested: true) }.joined(separator: ", ") + "}"
        case .map(let m):
            return "map[interface {}]interface {}{" + m.sortedKeys.map {
                GoStrconv.quote($0) + ":" + goSharpV(m[$0] ?? .null, nested: true)
            }.joined(separator: ", ") + "}"
        default: return "\(value)"
        }
    }

    private static func floatKey(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d > 0 ? ".inf" : "-.inf" }
        return GoFloat.format(d, fmt: UInt8(ascii: "g"), precision: -1, bitSize: 32)
    }

    private func keyString(_ v: Value, mark: yaml_mark_t) throws(ValuesError) -> String {
        switch v {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { return String(Int64(d)) }
            return Self.floatKey(d)
        case .null: throw error("unsupported map key of type: %!s(<nil>), key: <nil>", mark)
        default: throw error("invalid map key", mark)
        }
    }
}
