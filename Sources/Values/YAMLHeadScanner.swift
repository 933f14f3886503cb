import CYAML

extension YAML {
    /// The entries `keys` of the first document's top-level map, exactly as
    /// `load` would read them, without building the rest of the document:
    /// the other values are only scanned (libyaml still checks the whole
    /// document's syntax). Returns nil whenever the document needs `load` to be
    /// read exactly: a root that is not a map, anchors, aliases, explicit tags,
    /// merge keys, keys that are not strings, NaN or infinities, or any error.
    /// Callers then use `load`, which yields the value or Helm's error.
    public static func loadTopLevel(_ bytes: [UInt8], keys: Set<String>) -> [String: Value]? {
        var scanner = YAMLHeadScanner(keys: keys)
        return scanner.run(bytes)
    }
}

/// The event scan behind `YAML.loadTopLevel`: materialises the wanted top-level
/// entries with `YAMLEventLoader`'s scalar rules and checks the rest only for
/// what could make `load` fail or differ.
struct YAMLHeadScanner {
    private enum Frame {
        case sequence([Value])
        case mapping([String: Value], pendingKey: String?)
    }
    /// A collection inside a skipped value: only whether the next scalar is a key matters.
    private struct SkippedFrame {
        var isMapping: Bool
        var keyNext: Bool
    }

    let keys: Set<String>
    private var stack: [Frame] = []
    private var skipped: [SkippedFrame] = []
    /// The root map's next value is not wanted.
    private var skipRootValue = false
    private var result: [String: Value]? = nil

    init(keys: Set<String>) {
        self.keys = keys
    }

    struct Unsupported: Error {}

    mutating func run(_ bytes: [UInt8]) -> [String: Value]? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let input = bytes.isEmpty ? [0] : bytes
        return input.withUnsafeBufferPointer { buf -> [String: Value]? in
            yaml_parser_set_input_string(&parser, buf.baseAddress, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                do { try handle(&event) } catch { return nil }
                if let result { return result }
            }
        }
    }

    private mutating func handle(_ event: inout yaml_event_t) throws(Unsupported) {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            if s.tag != nil || s.anchor != nil { throw Unsupported() }
            let bytes = UnsafeBufferPointer(start: s.value, count: Int(s.length))
            let implicit = s.plain_implicit == 1
            if !skipped.isEmpty {
                let isKey = skipped[skipped.count - 1].isMapping && skipped[skipped.count - 1].keyNext
                if implicit && isKey {
                    try Self.checkSkippedKey(bytes)
                } else if implicit {
                    try Self.checkSkippedValue(bytes)
                }
                valueDone()
                return
            }
            if case .mapping(let entries, nil)? = stack.last {
                let key = try Self.materialisedKey(bytes, implicit: implicit)
                stack[stack.count - 1] = .mapping(entries, pendingKey: key)
                if stack.count == 1 && !keys.contains(key) { skipRootValue = true }
                return
            }
            if skipRootValue {
                if implicit { try Self.checkSkippedValue(bytes) }
                skipRootValue = false
                clearRootKey()
                return
            }
            guard !stack.isEmpty else { throw Unsupported() }
            try add(Self.scalarValue(bytes, implicit: implicit))
        case YAML_ALIAS_EVENT:
            throw Unsupported()
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            if tag != nil || anchor != nil { throw Unsupported() }
            if !skipped.isEmpty {
                let top = skipped[skipped.count - 1]
                if top.isMapping && top.keyNext { throw Unsupported() }
                skipped.append(SkippedFrame(isMapping: isMapping, keyNext: true))
                return
            }
            if case .mapping(_, nil)? = stack.last { throw Unsupported() }
            if skipRootValue {
                skipRootValue = false
                skipped.append(SkippedFrame(isMapping: isMapping, keyNext: true))
                return
            }
            if stack.isEmpty && !isMapping { throw Unsupported() }
            stack.append(isMapping ? .mapping([:], pendingKey: nil) : .sequence([]))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            if !skipped.isEmpty {
                skipped.removeLast()
                if skipped.isEmpty {
                    clearRootKey()
                } else {
                    valueDone()
                }
                return
            }
            guard let top = stack.popLast() else { throw Unsupported() }
            switch top {
            case .sequence(let items):
                try add(.list(items))
            case .mapping(let entries, _):
                if stack.isEmpty {
                    result = entries
                } else {
                    try add(.map(entries))
                }
            }
        default:
            break
        }
    }

    /// A value or key of a skipped collection is complete.
    private mutating func valueDone() {
        let i = skipped.count - 1
        if skipped[i].isMapping { skipped[i].keyNext.toggle() }
    }

    /// The root map's skipped value is complete.
    private mutating func clearRootKey() {
        if case .mapping(let entries, _)? = stack.last, stack.count == 1 {
            stack[0] = .mapping(entries, pendingKey: nil)
        }
    }

    private mutating func add(_ value: Value) throws(Unsupported) {
        guard let top = stack.popLast() else { throw Unsupported() }
        switch consume top {
        case .sequence(var items):
            items.append(value)
            stack.append(.sequence(items))
        case .mapping(var entries, let key):
            guard let key else { throw Unsupported() }
            entries[key] = value
            stack.append(.mapping(entries, pendingKey: nil))
        }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func isNumberStart(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E
    }

    /// `YAMLEventLoader.scalarKey` for an untagged key, when it yields a plain string.
    static func materialisedKey(_ bytes: UnsafeBufferPointer<UInt8>, implicit: Bool) throws(Unsupported) -> String {
        let s = text(bytes)
        guard implicit else { return s }
        switch YAMLResolve.plain(s) {
        case .string, .timestamp: return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .null, .uint, .float, .merge: throw Unsupported()
        }
    }

    /// Keys `scalarKey` would reject or treat specially: null, `<<`, uint overflow.
    static func checkSkippedKey(_ bytes: UnsafeBufferPointer<UInt8>) throws(Unsupported) {
        guard let first = bytes.first else { throw Unsupported() }
        if isNumberStart(first) || first == 0x7E || first == 0x3C || (bytes.count == 4 && (first == 0x6E || first == 0x4E)) {
            switch YAMLResolve.plain(text(bytes)) {
            case .null, .uint, .merge, .float: throw Unsupported()
            default: return
            }
        }
    }

    /// Values `jsonCheck` would reject: NaN and infinities.
    static func checkSkippedValue(_ bytes: UnsafeBufferPointer<UInt8>) throws(Unsupported) {
        guard let first = bytes.first, isNumberStart(first) else { return }
        if case .float(let d) = YAMLResolve.plain(text(bytes)), !d.isFinite { throw Unsupported() }
    }

    /// `YAMLEventLoader.scalarValue` for an untagged scalar.
    static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, implicit: Bool) throws(Unsupported) -> Value {
        let s = text(bytes)
        guard implicit else { return .string(s) }
        switch YAMLResolve.plain(s) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .float(Double(i))
        case .uint(let u): return .float(Double(u))
        case .float(let d):
            if !d.isFinite { throw Unsupported() }
            return .float(d)
        case .timestamp, .string, .merge: return .string(s)
        }
    }
}
