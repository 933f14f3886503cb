import Values
/// Token kinds of Go's template lexer (`parse/lex.go`), in Go's order:
/// keywords come after `keyword` so `rawValue > keyword` tests for them.
enum TokenType: Int, Sendable {
    case error, bool, char, charConstant, comment, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    case keyword, block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword
    case range, template, with

    var isKeyword: Bool { rawValue > TokenType.keyword.rawValue }
}

/// One lexed item: a byte range of the input (an `.error` token's message is the lexer's `errorMessage`).
/// Its line (Go's `item.line`) is always the line of `pos`, so it is computed
/// from the text when an error message needs it, not tracked while lexing.
struct Token: Sendable {
    var type: TokenType
    var pos: Int
    var end: Int
}

/// Go's template lexer, run on UTF-8 bytes and pulled one token at a time.
/// `input` points into `bytes`, which the caller keeps alive while lexing.
struct Lexer {
    let bytes: [UInt8]
    let input: UnsafeBufferPointer<UInt8>
    let leftDelim: [UInt8]
    let rightDelim: [UInt8]
    var breakOK = true
    var continueOK = true
    private var pos = 0
    private var start = 0
    private var atEOF = false
    private var lastWidth = 0
    private var parenDepth = 0
    private var item = Token(type: .eof, pos: 0, end: 0)
    private var insideAction = false
    /// Delimiters are `{{` and `}}` (fast paths).
    private let standardLeft: Bool
    private let standardRight: Bool

    private enum State { case text, leftDelim, comment, rightDelim, insideAction, space, identifier, field, variable, char, number, quote, rawQuote }

    init(bytes: [UInt8], input: UnsafeBufferPointer<UInt8>, leftDelim: [UInt8], rightDelim: [UInt8]) {
        self.bytes = bytes
        self.input = input
        self.leftDelim = leftDelim.isEmpty ? [0x7B, 0x7B] : leftDelim
        self.rightDelim = rightDelim.isEmpty ? [0x7D, 0x7D] : rightDelim
        standardLeft = self.leftDelim == [0x7B, 0x7B]
        standardRight = self.rightDelim == [0x7D, 0x7D]
    }

    func text(_ t: Token) -> ArraySlice<UInt8> { bytes[t.pos..<t.end] }

    /// The token's bytes, without retaining the text.
    func buffer(_ t: Token) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: input[t.pos..<t.end]) }

    /// Go's line of a token: 1 + the newlines before `pos`.
    func line(of pos: Int) -> Int {
        let p = min(max(pos, 0), input.count)
        return 1 + ByteSearch.count(of: 0x0A, in: input, range: 0..<p)
    }

    private static let eof: UInt32 = 0xFFFF_FFFF
    private static let commentEnd: [UInt8] = [0x2A, 0x2F]

    private mutating func next() -> UInt32 {
        if pos >= input.count {
            atEOF = true
            return Lexer.eof
        }
        let c = input[pos]
        if c < 0x80 {
            pos += 1
            lastWidth = 1
            return UInt32(c)
        }
        let (r, w) = GoStrconv.decodeRune(bytes, pos)
        pos += w
        lastWidth = w
        return r
    }

    private mutating func peek() -> UInt32 {
        let r = next()
        backup()
        return r
    }

    private mutating func backup() {
        if !atEOF && pos > 0 {
            pos -= lastWidth
        }
    }

    private mutating func thisItem(_ t: TokenType) -> Token {
        let i = Token(type: t, pos: start, end: pos)
        start = pos
        return i
    }

    private mutating func emit(_ t: TokenType) -> State? {
        item = thisItem(t)
        return nil
    }

    private mutating func ignore() {
        start = pos
    }

    private mutating func accept(_ valid: (UInt32) -> Bool) -> Bool {
        if valid(next()) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: (UInt32) -> Bool) {
        while valid(next()) {}
        backup()
    }

    private mutating func errorf(_ message: String) -> State? {
        item = Token(type: .error, pos: start, end: start)
        errorMessage = message
        errorPos = start
        start = 0
        pos = 0
        atEOF = false
        inputExhausted = true
        return nil
    }

    private var inputExhausted = false
    /// Where the error token was (the EOF tokens after it keep its line).
    private var errorPos = 0
    /// The message of the `.error` token (the lexer stops at its first error).
    private(set) var errorMessage = ""

    private func hasPrefix(_ at: Int, _ p: [UInt8]) -> Bool {
        guard at >= 0, at + p.count <= input.count else { return false }
        for k in 0..<p.count where input[at + k] != p[k] { return false }
        return true
    }

    private func hasPair(_ at: Int, _ a: UInt8, _ b: UInt8) -> Bool {
        at >= 0 && at + 2 <= input.count && input[at] == a && input[at + 1] == b
    }

    private func hasRightDelim(_ at: Int) -> Bool {
        standardRight ? hasPair(at, 0x7D, 0x7D) : hasPrefix(at, rightDelim)
    }

    private func isSpaceByte(_ at: Int) -> Bool {
        guard at < input.count else { return false }
        let c = input[at]
        return c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A
    }

    private func hasLeftTrimMarker(_ at: Int) -> Bool {
        at + 1 < input.count && input[at] == 0x2D && isSpaceByte(at + 1)
    }

    private func hasRightTrimMarker(_ at: Int) -> Bool {
        at + 1 < input.count && isSpaceByte(at) && input[at + 1] == 0x2D
    }

    /// Returns the next token (Go's `nextItem`).
    mutating func nextToken() -> Token {
        if inputExhausted {
            return Token(type: .eof, pos: errorPos, end: errorPos)
        }
        item = Token(type: .eof, pos: pos, end: pos)
        var state: State? = insideAction ? .insideAction : .text
        while let s = state {
            state = step(s)
        }
        return item
    }

    private mutating func step(_ state: State) -> State? {
        switch state {
        case .text: return lexText()
        case .leftDelim: return lexLeftDelim()
        case .comment: return lexComment()
        case .rightDelim: return lexRightDelim()
        case .insideAction: return lexInsideAction()
        case .space: return lexSpace()
        case .identifier: return lexIdentifier()
        case .field: return lexFieldOrVariable(.field)
        case .variable:
            if atTerminator() { return emit(.variable) }
            return lexFieldOrVariable(.variable)
        case .char: return lexQuoted(0x27, errorText: "unterminated character constant", type: .charConstant)
        case .number: return lexNumber()
        case .quote: return lexQuoted(0x22, errorText: "unterminated quoted string", type: .string)
        case .rawQuote: return lexRawQuote()
        }
    }

    private func indexOf(_ p: [UInt8], from: Int) -> Int? {
        ByteSearch.firstIndex(of: p, in: input, from: from)
    }

    private mutating func lexText() -> State? {
        if let x = indexOf(leftDelim, from: pos) {
            if x > pos {
                pos = x
                var trimLength = 0
                let delimEnd = pos + leftDelim.count
                if hasLeftTrimMarker(delimEnd) {
                    var k = pos
                    while k > start && isSpaceByte(k - 1) { k -= 1 }
                    trimLength = pos - k
                }
                pos -= trimLength
                let i = thisItem(.text)
                pos += trimLength
                ignore()
                if i.end > i.pos {
                    item = i
                    return nil
                }
            }
            return .leftDelim
        }
        pos = input.count
        if pos > start {
            return emit(.text)
        }
        return emit(.eof)
    }

    private func atRightDelim() -> (delim: Bool, trimSpaces: Bool) {
        if hasRightTrimMarker(pos) && hasRightDelim(pos + 2) { return (true, true) }
        if hasRightDelim(pos) { return (true, false) }
        return (false, false)
    }

    private mutating func lexLeftDelim() -> State? {
        pos += leftDelim.count
        let trimSpace = hasLeftTrimMarker(pos)
        let afterMarker = trimSpace ? 2 : 0
        if hasPair(pos + afterMarker, 0x2F, 0x2A) {
            pos += afterMarker
            ignore()
            return .comment
        }
        let i = thisItem(.leftDelim)
        insideAction = true
        pos += afterMarker
        ignore()
        parenDepth = 0
        item = i
        return nil
    }

    private mutating func lexComment() -> State? {
        pos += 2
        guard let x = indexOf(Lexer.commentEnd, from: pos) else {
            return errorf("unclosed comment")
        }
        pos = x + 2
        let (delim, trimSpace) = atRightDelim()
        if !delim {
            return errorf("comment ends before closing delimiter")
        }
        _ = thisItem(.comment)
        if trimSpace { pos += 2 }
        pos += rightDelim.count
        if trimSpace {
            while isSpaceByte(pos) { pos += 1 }
        }
        ignore()
        return .text
    }

    private mutating func lexRightDelim() -> State? {
        let (_, trimSpace) = atRightDelim()
        if trimSpace {
            pos += 2
            ignore()
        }
        pos += rightDelim.count
        let i = thisItem(.rightDelim)
        if trimSpace {
            while isSpaceByte(pos) { pos += 1 }
            ignore()
        }
        insideAction = false
        item = i
        return nil
    }

    private static func isSpace(_ r: UInt32) -> Bool { r == 0x20 || r == 0x09 || r == 0x0D || r == 0x0A }

    static func isAlphaNumeric(_ r: UInt32) -> Bool {
        if r < 0x80 {
            return r == 0x5F || (r | 0x20 >= 0x61 && r | 0x20 <= 0x7A) || (r >= 0x30 && r <= 0x39)
        }
        return GoStrconv.isLetter(r) || GoStrconv.isDigit(r)
    }

    /// The keyword spelled by `input[from..<to]`, without building a String.
    private func keyword(_ from: Int, _ to: Int) -> TokenType? {
        func spells(_ word: StaticString) -> Bool { self.spells(word, from, to) }
        switch to - from {
        case 2: return spells("if") ? .ifKeyword : nil
        case 3: return spells("end") ? .end : spells("nil") ? .nilKeyword : nil
        case 4: return spells("else") ? .elseKeyword : spells("with") ? .with : nil
        case 5: return spells("block") ? .block : spells("break") ? .breakKeyword : spells("range") ? .range : nil
        case 6: return spells("define") ? .define : nil
        case 8: return spells("template") ? .template : spells("continue") ? .continueKeyword : nil
        default: return nil
        }
    }

    private mutating func lexInsideAction() -> State? {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return .rightDelim }
            return errorf("unclosed left paren")
        }
        let r = next()
        switch r {
        case Lexer.eof:
            return errorf("unclosed action")
        case 0x20, 0x09, 0x0D, 0x0A:
            backup()
            return .space
        case 0x3D:
            return emit(.assign)
        case 0x3A:
            if next() != 0x3D { return errorf("expected :=") }
            return emit(.declare)
        case 0x7C:
            return emit(.pipe)
        case 0x22:
            return .quote
        case 0x60:
            return .rawQuote
        case 0x24:
            return .variable
        case 0x27:
            return .char
        case 0x2E:
            if pos < input.count {
                let c = input[pos]
                if c < 0x30 || c > 0x39 { return .field }
            }
            backup()
            return .number
        case 0x2B, 0x2D, 0x30...0x39:
            backup()
            return .number
        case 0x28:
            parenDepth += 1
            return emit(.leftParen)
        case 0x29:
            parenDepth -= 1
            if parenDepth < 0 { return errorf("unexpected right paren") }
            return emit(.rightParen)
        default:
            if Lexer.isAlphaNumeric(r) {
                backup()
                return .identifier
            }
            if r < 0x80 && GoStrconv.isPrint(r) {
                return emit(.char)
            }
            return errorf("unrecognized character in action: \(GoFormat.unicodeRuneDescription(r))")
        }
    }

    private mutating func lexSpace() -> State? {
        var numSpaces = 0
        while Lexer.isSpace(peek()) {
            _ = next()
            numSpaces += 1
        }
        if hasRightTrimMarker(pos - 1) && hasRightDelim(pos - 1 + 2) {
            backup()
            if numSpaces == 1 { return .rightDelim }
        }
        return emit(.space)
    }

    private mutating func lexIdentifier() -> State? {
        while true {
            let r = next()
            if Lexer.isAlphaNumeric(r) { continue }
            backup()
            if !atTerminator() {
                return errorf("bad character \(GoFormat.unicodeRuneDescription(r))")
            }
            if let kw = keyword(start, pos) {
                if (kw == .breakKeyword && !breakOK) || (kw == .continueKeyword && !continueOK) {
                    return emit(.identifier)
                }
                return emit(kw)
            }
            if input[start] == 0x2E { return emit(.field) }
            if keywordBool(start, pos) { return emit(.bool) }
            return emit(.identifier)
        }
    }

    private func keywordBool(_ from: Int, _ to: Int) -> Bool {
        spells("true", from, to) || spells("false", from, to)
    }

    private func spells(_ word: StaticString, _ from: Int, _ to: Int) -> Bool {
        guard word.utf8CodeUnitCount == to - from else { return false }
        let w = word.utf8Start
        for k in 0..<(to - from) where input[from + k] != w[k] { return false }
        return true
    }

    private mutating func lexFieldOrVariable(_ type: TokenType) -> State? {
        if atTerminator() {
            return emit(type == .variable ? .variable : .dot)
        }
        var r: UInt32
        while true {
            r = next()
            if !Lexer.isAlphaNumeric(r) {
                backup()
                break
            }
        }
        if !atTerminator() {
            return errorf("bad character \(GoFormat.unicodeRuneDescription(r))")
        }
        return emit(type)
    }

    private mutating func atTerminator() -> Bool {
        let r = peek()
        if Lexer.isSpace(r) { return true }
        switch r {
        case Lexer.eof, 0x2E, 0x2C, 0x7C, 0x3A, 0x29, 0x28: return true
        default: return hasRightDelim(pos)
        }
    }

    private mutating func lexQuoted(_ quote: UInt32, errorText: String, type: TokenType) -> State? {
        while true {
            let r = next()
            if r == 0x5C {
                let e = next()
                if e != Lexer.eof && e != 0x0A { continue }
                return errorf(errorText)
            }
            if r == Lexer.eof || r == 0x0A { return errorf(errorText) }
            if r == quote { break }
        }
        return emit(type)
    }

    private mutating func lexRawQuote() -> State? {
        while true {
            let r = next()
            if r == Lexer.eof { return errorf("unterminated raw quoted string") }
            if r == 0x60 { break }
        }
        return emit(.rawString)
    }

    private mutating func lexNumber() -> State? {
        if !scanNumber() {
            return errorf("bad number syntax: \(GoStrconv.quote(String(decoding: input[start..<pos], as: UTF8.self)))")
        }
        let sign = peek()
        if sign == 0x2B || sign == 0x2D {
            if !scanNumber() || input[pos - 1] != 0x69 {
                return errorf("bad number syntax: \(GoStrconv.quote(String(decoding: input[start..<pos], as: UTF8.self)))")
            }
            return emit(.complex)
        }
        return emit(.number)
    }

    private mutating func scanNumber() -> Bool {
        _ = accept { $0 == 0x2B || $0 == 0x2D }
        var kind = 10
        if accept({ $0 == 0x30 }) {
            if accept({ $0 == 0x78 || $0 == 0x58 }) { kind = 16 }
            else if accept({ $0 == 0x6F || $0 == 0x4F }) { kind = 8 }
            else if accept({ $0 == 0x62 || $0 == 0x42 }) { kind = 2 }
        }
        let isDigit: (UInt32) -> Bool
        switch kind {
        case 16: isDigit = { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || $0 == 0x5F }
        case 8: isDigit = { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }
        case 2: isDigit = { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
        default: isDigit = { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        }
        acceptRun(isDigit)
        if accept({ $0 == 0x2E }) { acceptRun(isDigit) }
        let decimalExp: (UInt32) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        if kind == 10 && accept({ $0 == 0x65 || $0 == 0x45 }) {
            _ = accept { $0 == 0x2B || $0 == 0x2D }
            acceptRun(decimalExp)
        }
        if kind == 16 && accept({ $0 == 0x70 || $0 == 0x50 }) {
            _ = accept { $0 == 0x2B || $0 == 0x2D }
            acceptRun(decimalExp)
        }
        _ = accept { $0 == 0x69 }
        if Lexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }
}
