extension YAML {
    /// The `ObjectHead` of a block-style YAML document, read by one pass over
    /// its bytes without a YAML parser. Whenever it is not nil, `YAML.load`
    /// succeeds and this is the head of the map it reads (an empty head for a
    /// document of only comments and blank lines, which loads as null). It is nil for
    /// anything the scan cannot decide with certainty: flow collections or
    /// wanted scalars spanning lines, anchors, aliases, tags, tabs outside
    /// block scalars, `?` keys, directives, document markers, control
    /// characters, a root that is not a map at column 0, keys or values `load`
    /// treats specially (null, merge, uint and float keys, NaN, infinities) and
    /// every syntax error. Callers then use the libyaml path.
    public static func scanObjectHead(_ bytes: [UInt8]) -> ObjectHead? {
        bytes.withUnsafeBufferPointer(scanObjectHead)
    }

    /// `scanObjectHead` over a string's UTF-8 storage, without copying it.
    public static func scanObjectHead(_ text: String) -> ObjectHead? {
        var text = text
        return text.withUTF8(scanObjectHead)
    }

    private static func scanObjectHead(_ buffer: UnsafeBufferPointer<UInt8>) -> ObjectHead? {
        var scanner = YAMLBlockHeadScanner(buffer)
        do { return try scanner.run() } catch { return nil }
    }
}

/// The byte scan behind `YAML.scanObjectHead`: a line-by-line model of
/// libyaml's block indentation rules (a stack of open collections with their
/// columns), restricted to constructs whose meaning is certain.
struct YAMLBlockHeadScanner {
    typealias Unsupported = YAMLHeadScanner.Unsupported

    private enum Role { case root, metadata, annotations, other }
    private enum Target: Equatable { case none, apiVersion, kind, metadata, name, annotations, annotation(String) }
    private struct Frame {
        var column: Int
        var isMapping: Bool
        /// A sequence at its parent key's column (`key:\n- item`).
        var indentless: Bool
        var role: Role
    }
    /// A key or `-` whose value starts on a later line (or is null).
    private struct Pending {
        var column: Int
        var isKey: Bool
        var target: Target
    }
    private struct Key {
        var start: Int
        var end: Int
        var quote: UInt8?
        var valueStart: Int
    }

    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    private var pos = 0
    private var lineStart = 0
    private var stack: [Frame] = []
    private var pending: Pending?
    /// After a plain scalar: lines indented at least this much continue it.
    private var continuation: Int?
    private var continuationWanted = false
    private var head = ObjectHead()

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        b = buffer
        n = buffer.count
        stack.reserveCapacity(16)
    }

    private static let space: UInt8 = 0x20, newline: UInt8 = 0x0A, tab: UInt8 = 0x09, hash: UInt8 = 0x23
    private static let dash: UInt8 = 0x2D, colon: UInt8 = 0x3A, singleQuote: UInt8 = 0x27, doubleQuote: UInt8 = 0x22
    private static let backslash: UInt8 = 0x5C

    mutating func run() throws(Unsupported) -> ObjectHead {
        try checkCharacters()
        while pos < n {
            lineStart = pos
            while pos < n && b[pos] == Self.space { pos += 1 }
            guard pos < n else { break }
            let c = b[pos]
            if c == Self.newline {
                pos += 1
                continue
            }
            if c == Self.hash {
                continuation = nil
                skipToLineEnd()
            } else {
                if c == Self.tab { throw Unsupported() }
                let column = pos - lineStart
                if column == 0 && isMarkerLine() { throw Unsupported() }
                try line(column)
            }
            if pos < n {
                guard b[pos] == Self.newline else { throw Unsupported() }
                pos += 1
            }
        }
        if let p = pending { apply(.null, to: p.target) }
        return head
    }

    // MARK: structure

    private mutating func line(_ column: Int) throws(Unsupported) {
        if stack.isEmpty {
            guard column == 0, let key = try scanKey() else { throw Unsupported() }
            stack.append(Frame(column: 0, isMapping: true, indentless: false, role: .root))
            try keyEntry(key)
            return
        }
        if let p = pending {
            pending = nil
            if column > p.column {
                if isDash() {
                    _ = begin(p.target, mapping: false)
                    stack.append(Frame(column: column, isMapping: false, indentless: false, role: .other))
                    try sequenceEntry(column)
                } else if let key = try scanKey() {
                    let role = begin(p.target, mapping: true)
                    stack.append(Frame(column: column, isMapping: true, indentless: false, role: role))
                    try keyEntry(key)
                } else {
                    try value(p.target)
                }
                return
            }
            if column == p.column && p.isKey && isDash() {
                _ = begin(p.target, mapping: false)
                stack.append(Frame(column: column, isMapping: false, indentless: true, role: .other))
                try sequenceEntry(column)
                return
            }
            apply(.null, to: p.target)
        }
        if let minimum = continuation, column >= minimum {
            try plainContinuation()
            return
        }
        continuation = nil
        while let top = stack.last, top.column > column { stack.removeLast() }
        if let top = stack.last, top.indentless, top.column == column, !isDash() { stack.removeLast() }
        guard let top = stack.last, top.column == column else { throw Unsupported() }
        if top.isMapping {
            guard let key = try scanKey() else { throw Unsupported() }
            try keyEntry(key)
        } else {
            guard isDash() else { throw Unsupported() }
            try sequenceEntry(column)
        }
    }

    private mutating func keyEntry(_ key: Key) throws(Unsupported) {
        let frame = stack[stack.count - 1]
        var target = Target.none
        if key.quote == nil {
            let text = UnsafeBufferPointer(rebasing: b[key.start..<key.end])
            try YAMLHeadScanner.checkSkippedKey(text)
            switch frame.role {
            case .root, .metadata: target = Self.target(text, role: frame.role)
            case .annotations: target = .annotation(try YAMLHeadScanner.materialisedKey(text, implicit: true))
            case .other: break
            }
        } else if frame.role != .other {
            var text: [UInt8] = []
            guard try scanQuoted(from: key.start, into: &text, multiLine: false) != nil else { throw Unsupported() }
            target = text.withUnsafeBufferPointer { Self.target($0, role: frame.role) }
            if frame.role == .annotations { target = .annotation(String(decoding: text, as: UTF8.self)) }
        }
        pos = key.valueStart
        skipSpaces()
        if pos == n || b[pos] == Self.newline || b[pos] == Self.hash {
            skipToLineEnd()
            pending = Pending(column: frame.column, isKey: true, target: target)
            return
        }
        try value(target)
    }

    private static func target(_ key: UnsafeBufferPointer<UInt8>, role: Role) -> Target {
        switch role {
        case .root:
            if key.elementsEqual("apiVersion".utf8) { return .apiVersion }
            if key.elementsEqual("kind".utf8) { return .kind }
            if key.elementsEqual("metadata".utf8) { return .metadata }
        case .metadata:
            if key.elementsEqual("name".utf8) { return .name }
            if key.elementsEqual("annotations".utf8) { return .annotations }
        case .annotations, .other:
            break
        }
        return .none
    }

    private mutating func sequenceEntry(_ column: Int) throws(Unsupported) {
        pos += 1
        skipSpaces()
        if pos == n || b[pos] == Self.newline || b[pos] == Self.hash {
            skipToLineEnd()
            pending = Pending(column: column, isKey: false, target: .none)
            return
        }
        let nodeColumn = pos - lineStart
        if isDash() {
            stack.append(Frame(column: nodeColumn, isMapping: false, indentless: false, role: .other))
            try sequenceEntry(nodeColumn)
        } else if let key = try scanKey() {
            stack.append(Frame(column: nodeColumn, isMapping: true, indentless: false, role: .other))
            try keyEntry(key)
        } else {
            try value(.none)
        }
    }

    /// A `key:` at `pos` (plain or quoted, on one line, followed by `:` and a blank), or nil.
    private func scanKey() throws(Unsupported) -> Key? {
        let c = b[pos]
        if c == Self.singleQuote || c == Self.doubleQuote {
            var ignored: [UInt8] = []
            guard var i = try scanQuoted(from: pos, into: &ignored, multiLine: false, decode: false) else { return nil }
            let end = i
            while i < n && b[i] == Self.space { i += 1 }
            guard i < n, b[i] == Self.colon, isBlankOrEnd(i + 1) else { return nil }
            if end - pos >= 1000 { throw Unsupported() }
            return Key(start: pos, end: end, quote: c, valueStart: i + 1)
        }
        guard isPlainStart(pos) else { return nil }
        var i = pos
        while i < n {
            let x = b[i]
            if x == Self.newline { return nil }
            if x == Self.tab { throw Unsupported() }
            if x == Self.colon && isBlankOrEnd(i + 1) { break }
            if x == Self.space && i + 1 < n && b[i + 1] == Self.hash { return nil }
            i += 1
        }
        guard i < n else { return nil }
        var end = i
        while end > pos && b[end - 1] == Self.space { end -= 1 }
        if end - pos >= 1000 { throw Unsupported() }
        return Key(start: pos, end: end, quote: nil, valueStart: i + 1)
    }

    // MARK: values

    /// The value after `key: ` or `- `, or on its own line, at `pos`.
    private mutating func value(_ target: Target) throws(Unsupported) {
        let c = b[pos]
        switch c {
        case 0x7C, 0x3E: // | >
            guard target == .none else { throw Unsupported() }
            try blockScalar()
        case Self.singleQuote, Self.doubleQuote:
            var text: [UInt8] = []
            guard let end = try scanQuoted(from: pos, into: &text, multiLine: target == .none, decode: target != .none) else {
                throw Unsupported()
            }
            pos = end
            try endOfLine()
            if target != .none { apply(.string(String(decoding: text, as: UTF8.self)), to: target) }
        case 0x5B, 0x7B: // [ {
            let isEmpty = try flowCollection(depth: 0)
            try endOfLine()
            if target != .none {
                if !isEmpty && (target == .metadata || target == .annotations) { throw Unsupported() }
                _ = begin(target, mapping: c == 0x7B)
            }
        default:
            guard isPlainStart(pos) else { throw Unsupported() }
            try plainScalar(target)
        }
    }

    private mutating func plainScalar(_ target: Target) throws(Unsupported) {
        let start = pos
        var end = pos
        var commented = false
        while pos < n {
            let x = b[pos]
            if x == Self.newline { break }
            if x == Self.space {
                if pos + 1 < n && b[pos + 1] == Self.hash {
                    commented = true
                    skipToLineEnd()
                    break
                }
                pos += 1
                continue
            }
            if x == Self.tab || (x == Self.colon && isBlankOrEnd(pos + 1)) { throw Unsupported() }
            pos += 1
            end = pos
        }
        let text = UnsafeBufferPointer(rebasing: b[start..<end])
        if target == .none {
            try YAMLHeadScanner.checkSkippedValue(text)
        } else {
            apply(try YAMLHeadScanner.scalarValue(text, implicit: true), to: target)
        }
        continuation = commented ? nil : stack[stack.count - 1].column + 1
        continuationWanted = target != .none
    }

    /// A further line of a multi-line plain scalar: only checked.
    private mutating func plainContinuation() throws(Unsupported) {
        if continuationWanted { throw Unsupported() }
        while pos < n {
            let x = b[pos]
            if x == Self.newline { return }
            if x == Self.space && pos + 1 < n && b[pos + 1] == Self.hash {
                continuation = nil
                skipToLineEnd()
                return
            }
            if x == Self.tab || (x == Self.colon && isBlankOrEnd(pos + 1)) { throw Unsupported() }
            pos += 1
        }
    }

    /// A `|` or `>` scalar: its header, then every line indented at least as
    /// much as its content (libyaml's indentation detection); `pos` ends on
    /// the line break before the next line that is not content.
    private mutating func blockScalar() throws(Unsupported) {
        pos += 1
        var increment = 0
        var chomping = false
        for _ in 0..<2 {
            guard pos < n else { break }
            let x = b[pos]
            if (x == 0x2B || x == Self.dash) && !chomping {
                chomping = true
            } else if x >= 0x31 && x <= 0x39 && increment == 0 {
                increment = Int(x - 0x30)
            } else {
                break
            }
            pos += 1
        }
        guard pos == n || b[pos] == Self.space || b[pos] == Self.newline else { throw Unsupported() }
        try endOfLine()
        let parent = stack[stack.count - 1].column
        var indent: Int
        if increment > 0 {
            indent = parent + increment
        } else {
            var p = pos
            var leading = 0
            var first = 0
            while p < n {
                p += 1
                var s = 0
                while p + s < n && b[p + s] == Self.space { s += 1 }
                if p + s < n && b[p + s] != Self.newline {
                    first = s
                    break
                }
                leading = max(leading, s)
                p += s
            }
            indent = max(first, parent + 1)
            if leading > indent { throw Unsupported() }
        }
        while pos < n {
            let start = pos + 1
            var p = start
            while p < n && b[p] == Self.space && p - start < indent { p += 1 }
            if p == n {
                pos = n
                break
            }
            if b[p] == Self.newline {
                pos = p
                continue
            }
            if p - start < indent {
                if b[p] == Self.tab { throw Unsupported() }
                break
            }
            pos = p
            skipToLineEnd()
        }
        continuation = nil
    }

    /// A `[…]` or `{…}` on the current line; returns whether it is empty.
    private mutating func flowCollection(depth: Int) throws(Unsupported) -> Bool {
        if depth > 16 { throw Unsupported() }
        let isMap = b[pos] == 0x7B
        let close: UInt8 = isMap ? 0x7D : 0x5D
        pos += 1
        skipSpaces()
        guard pos < n else { throw Unsupported() }
        if b[pos] == close {
            pos += 1
            return true
        }
        while true {
            if isMap {
                try flowItem(depth: depth, isKey: true)
                skipSpaces()
                guard pos + 1 < n, b[pos] == Self.colon, b[pos + 1] == Self.space else { throw Unsupported() }
                pos += 2
                skipSpaces()
            }
            try flowItem(depth: depth, isKey: false)
            skipSpaces()
            guard pos < n else { throw Unsupported() }
            if b[pos] == 0x2C {
                pos += 1
                skipSpaces()
                guard pos < n else { throw Unsupported() }
                if b[pos] == close {
                    pos += 1
                    return false
                }
                continue
            }
            guard b[pos] == close else { throw Unsupported() }
            pos += 1
            return false
        }
    }

    private mutating func flowItem(depth: Int, isKey: Bool) throws(Unsupported) {
        guard pos < n else { throw Unsupported() }
        let c = b[pos]
        if c == 0x5B || c == 0x7B {
            if isKey { throw Unsupported() }
            _ = try flowCollection(depth: depth + 1)
            return
        }
        if c == Self.singleQuote || c == Self.doubleQuote {
            var ignored: [UInt8] = []
            guard let end = try scanQuoted(from: pos, into: &ignored, multiLine: false, decode: false) else { throw Unsupported() }
            pos = end
            return
        }
        guard Self.isWordByte(c) || (c == Self.dash && pos + 1 < n && Self.isWordByte(b[pos + 1])) else { throw Unsupported() }
        let start = pos
        var end = pos
        while pos < n {
            let x = b[pos]
            if x == Self.space {
                pos += 1
                continue
            }
            if x == 0x2C || x == 0x5D || x == 0x7D || x == Self.colon { break }
            if x == Self.newline || x == Self.tab || x == Self.hash || x == 0x5B || x == 0x7B { throw Unsupported() }
            pos += 1
            end = pos
        }
        let text = UnsafeBufferPointer(rebasing: b[start..<end])
        if isKey {
            try YAMLHeadScanner.checkSkippedKey(text)
        } else {
            try YAMLHeadScanner.checkSkippedValue(text)
        }
    }

    /// A letter, digit, `.`, `/` or `_` (a plain flow scalar may start with it).
    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x2F || c == 0x5F
    }

    /// A quoted scalar starting at `from`: returns the index after its closing
    /// quote, or nil when `multiLine` is false and it does not close on this
    /// line. Continuation lines must be indented deeper than the innermost
    /// collection. With `decode`, `text` receives its value (one line only).
    private func scanQuoted(from: Int, into text: inout [UInt8], multiLine: Bool, decode: Bool = true) throws(Unsupported) -> Int? {
        let quote = b[from]
        var i = from + 1
        var runStart = i
        while i < n {
            let x = b[i]
            if x == quote {
                if quote == Self.singleQuote && i + 1 < n && b[i + 1] == Self.singleQuote {
                    if decode { text.append(contentsOf: b[runStart...i]) }
                    i += 2
                    runStart = i
                    continue
                }
                if decode { text.append(contentsOf: b[runStart..<i]) }
                return i + 1
            }
            if x == Self.newline {
                guard multiLine else { return nil }
                i = try quotedLineBreak(after: i)
                continue
            }
            if x == Self.tab { throw Unsupported() }
            if x == Self.backslash && quote == Self.doubleQuote {
                if decode { text.append(contentsOf: b[runStart..<i]) }
                guard i + 1 < n else { throw Unsupported() }
                if b[i + 1] == Self.newline {
                    guard multiLine else { return nil }
                    i = try quotedLineBreak(after: i + 1)
                } else {
                    i = try escape(at: i + 1, into: &text, decode: decode)
                }
                runStart = i
                continue
            }
            i += 1
        }
        throw Unsupported()
    }

    /// Past the line break at `index` inside a quoted scalar and the blank
    /// lines and indentation after it.
    private func quotedLineBreak(after index: Int) throws(Unsupported) -> Int {
        var i = index
        while i < n && b[i] == Self.newline {
            i += 1
            let start = i
            while i < n && b[i] == Self.space { i += 1 }
            if i < n && b[i] != Self.newline && i - start <= stack[stack.count - 1].column { throw Unsupported() }
        }
        guard i < n, b[i] != Self.tab else { throw Unsupported() }
        return i
    }

    /// The escape after a backslash (libyaml's set); returns the index after it.
    private func escape(at index: Int, into text: inout [UInt8], decode: Bool) throws(Unsupported) -> Int {
        let c = b[index]
        let simple: UInt8?
        switch c {
        case 0x30: simple = 0
        case 0x61: simple = 7
        case 0x62: simple = 8
        case 0x74, Self.tab: simple = 9
        case 0x6E: simple = 10
        case 0x76: simple = 11
        case 0x66: simple = 12
        case 0x72: simple = 13
        case 0x65: simple = 0x1B
        case Self.space, Self.doubleQuote, 0x2F, Self.backslash: simple = c
        default: simple = nil
        }
        if let simple {
            if decode { text.append(simple) }
            return index + 1
        }
        let scalar: UInt32
        let digits: Int
        switch c {
        case 0x4E: scalar = 0x85; digits = 0
        case 0x5F: scalar = 0xA0; digits = 0
        case 0x4C: scalar = 0x2028; digits = 0
        case 0x50: scalar = 0x2029; digits = 0
        case 0x78: scalar = 0; digits = 2
        case 0x75: scalar = 0; digits = 4
        case 0x55: scalar = 0; digits = 8
        default: throw Unsupported()
        }
        var value = scalar
        guard index + digits < n else { throw Unsupported() }
        for k in 0..<digits {
            let d = b[index + 1 + k]
            let v: UInt32
            switch d {
            case 0x30...0x39: v = UInt32(d - 0x30)
            case 0x41...0x46: v = UInt32(d - 0x41 + 10)
            case 0x61...0x66: v = UInt32(d - 0x61 + 10)
            default: throw Unsupported()
            }
            value = value << 4 | v
        }
        guard let unicode = Unicode.Scalar(value) else { throw Unsupported() }
        if decode { text.append(contentsOf: Array(String(Character(unicode)).utf8)) }
        return index + 1 + digits
    }

    // MARK: head

    private mutating func apply(_ value: Value, to target: Target) {
        switch target {
        case .none: break
        case .apiVersion: head.apiVersion = ObjectHead.scalarString(value) ?? ""
        case .kind: head.kind = ObjectHead.scalarString(value) ?? ""
        case .name: head.name = ObjectHead.scalarString(value) ?? ""
        case .metadata:
            head.name = ""
            head.annotations = [:]
        case .annotations: head.annotations = [:]
        case .annotation(let key): head.annotations[key] = ObjectHead.scalarString(value)
        }
    }

    /// A collection becomes the value of `target`: the role of its entries.
    private mutating func begin(_ target: Target, mapping: Bool) -> Role {
        apply(.null, to: target)
        switch target {
        case .metadata where mapping: return .metadata
        case .annotations where mapping: return .annotations
        default: return .other
        }
    }

    // MARK: bytes

    /// Every character libyaml accepts without a special meaning: no control
    /// characters, carriage returns, byte order marks, non-characters or
    /// Unicode line breaks (NEL, LS, PS), and valid UTF-8.
    private func checkCharacters() throws(Unsupported) {
        var ascii = true
        var i = 0
        while i < n {
            if i + 8 <= n && ByteSearch.isPrintableASCIIWord(b, at: i) {
                i += 8
                continue
            }
            let end = min(i + 8, n)
            while i < end {
                let c = b[i]
                if c < 0x80 {
                    if (c < 0x20 && c != Self.newline && c != Self.tab) || c == 0x7F { throw Unsupported() }
                } else {
                    ascii = false
                    if c == 0xC2 && i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F { throw Unsupported() }
                    if c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { throw Unsupported() }
                    if c == 0xEF && i + 2 < n && ((b[i + 1] == 0xBB && b[i + 2] == 0xBF) || (b[i + 1] == 0xBF && b[i + 2] >= 0xBE)) {
                        throw Unsupported()
                    }
                }
                i += 1
            }
        }
        if !ascii && String(validating: b, as: UTF8.self) == nil { throw Unsupported() }
    }

    /// `---`, `...` or a `%` directive at the start of a line.
    private func isMarkerLine() -> Bool {
        let c = b[pos]
        if c == 0x25 { return true }
        guard c == Self.dash || c == 0x2E, pos + 2 < n else { return false }
        return b[pos + 1] == c && b[pos + 2] == c
    }

    private func isDash() -> Bool {
        b[pos] == Self.dash && isBlankOrEnd(pos + 1)
    }

    private func isBlankOrEnd(_ i: Int) -> Bool {
        i >= n || b[i] == Self.space || b[i] == Self.newline || b[i] == Self.tab
    }

    /// A plain scalar may start here (block context).
    private func isPlainStart(_ i: Int) -> Bool {
        switch b[i] {
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, Self.hash, 0x26, 0x2A, 0x21, 0x7C, 0x3E, Self.singleQuote, Self.doubleQuote,
             0x25, 0x40, 0x60, Self.tab, Self.newline, Self.space:
            return false
        case Self.dash, 0x3F, Self.colon:
            return !isBlankOrEnd(i + 1)
        default:
            return true
        }
    }

    /// After a complete value: blanks, then the end of the line or a comment.
    private mutating func endOfLine() throws(Unsupported) {
        let start = pos
        skipSpaces()
        if pos == n || b[pos] == Self.newline { return }
        guard b[pos] == Self.hash, pos > start else { throw Unsupported() }
        skipToLineEnd()
    }

    private mutating func skipSpaces() {
        while pos < n && b[pos] == Self.space { pos += 1 }
    }

    private mutating func skipToLineEnd() {
        while pos < n && b[pos] != Self.newline { pos += 1 }
    }
}
