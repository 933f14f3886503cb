import Values
/// A parse failure, formatted as Go's `Tree.errorf`: `template: NAME:LINE: MESSAGE`.
struct ParseFailure: Error {
    let parseName: String
    let line: Int
    let message: String
}

/// Go's `text/template/parse` parser, ported token for token so that
/// error messages and their line numbers match.
struct Parser {
    private var lexer: Lexer
    private let source: SourceText
    private let hasFunction: (String) -> Bool
    /// Go's `token [3]item` lookahead buffer.
    private var token0 = Token(type: .eof, pos: 0, end: 0)
    private var token1 = Token(type: .eof, pos: 0, end: 0)
    private var token2 = Token(type: .eof, pos: 0, end: 0)
    private var peekCount = 0
    private var vars: [String] = ["$"]
    /// Position of the `{{` of the action being parsed (Go's `actionLine`, as a position).
    private var actionPos: Int? = nil
    private var rangeDepth = 0
    private var stackDepth = 0
    /// Definitions found so far in this text, in order (Go's treeSet).
    private(set) var trees: [TemplateTree] = []
    private var treeIndex: [String: Int] = [:]

    static let maxStackDepth = 10000
    static let maxPipelineCmds = 100000

    private init(source: SourceText, input: UnsafeBufferPointer<UInt8>, leftDelim: [UInt8], rightDelim: [UInt8],
                 hasFunction: @escaping (String) -> Bool) {
        self.source = source
        lexer = Lexer(bytes: source.bytes, input: input, leftDelim: leftDelim, rightDelim: rightDelim)
        self.hasFunction = hasFunction
        lexer.breakOK = !hasFunction("break")
        lexer.continueOK = !hasFunction("continue")
    }

    /// Parses the whole text; the top-level template is named `name`.
    static func parse(name: String, text: [UInt8], leftDelim: [UInt8], rightDelim: [UInt8],
                      hasFunction: @escaping (String) -> Bool) throws -> [TemplateTree] {
        let source = SourceText(parseName: name, bytes: text)
        return try source.bytes.withUnsafeBufferPointer { input in
            var p = Parser(source: source, input: input, leftDelim: leftDelim, rightDelim: rightDelim, hasFunction: hasFunction)
            let root = try p.parseTop()
            try p.add(TemplateTree(name: name, root: root, source: source))
            return p.trees
        }
    }

    // MARK: tokens

    private func token(_ i: Int) -> Token {
        switch i {
        case 0: return token0
        case 1: return token1
        default: return token2
        }
    }

    private mutating func next() -> Token {
        if peekCount > 0 {
            peekCount -= 1
            return token(peekCount)
        }
        token0 = lexer.nextToken()
        return token0
    }

    private mutating func backup() { peekCount += 1 }

    private mutating func backup2(_ t1: Token) {
        token1 = t1
        peekCount = 2
    }

    private mutating func backup3(_ t2: Token, _ t1: Token) {
        token1 = t1
        token2 = t2
        peekCount = 3
    }

    private mutating func peek() -> Token {
        if peekCount > 0 { return token(peekCount - 1) }
        peekCount = 1
        token0 = lexer.nextToken()
        return token0
    }

    private mutating func nextNonSpace() -> Token {
        var t = next()
        while t.type == .space { t = next() }
        return t
    }

    private mutating func peekNonSpace() -> Token {
        let t = nextNonSpace()
        backup()
        return t
    }

    private func val(_ t: Token) -> String {
        if t.type == .error { return lexer.errorMessage }
        return String(decoding: lexer.buffer(t), as: UTF8.self)
    }

    /// Whether the token's text is exactly `byte`.
    private func isByte(_ t: Token, _ byte: UInt8) -> Bool {
        t.type != .error && t.end == t.pos + 1 && lexer.input[t.pos] == byte
    }

    /// The token's text split at `.` (empty parts kept), skipping its first byte when `dropFirst`.
    private func dottedParts(_ t: Token, dropFirst: Bool) -> [String] {
        var parts: [String] = []
        appendDottedParts(t, dropFirst: dropFirst, to: &parts)
        return parts
    }

    private func appendDottedParts(_ t: Token, dropFirst: Bool, to parts: inout [String]) {
        let text = lexer.input
        var start = dropFirst ? t.pos + 1 : t.pos
        var i = start
        while i < t.end {
            if text[i] == 0x2E {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        parts.append(String(decoding: UnsafeBufferPointer(rebasing: text[start..<t.end]), as: UTF8.self))
    }

    // MARK: errors

    private func errorf(_ message: String) -> ParseFailure {
        ParseFailure(parseName: source.parseName, line: lexer.line(of: token0.pos), message: message)
    }

    /// Go's `item.String()`.
    private func describe(_ t: Token) -> String {
        switch t.type {
        case .eof: return "EOF"
        case .error: return lexer.errorMessage
        default:
            if t.type.isKeyword { return "<\(val(t))>" }
            let v = val(t)
            if v.unicodeScalars.count > 10 {
                return GoStrconv.quote(String(String.UnicodeScalarView(v.unicodeScalars.prefix(10)))) + "..."
            }
            return GoStrconv.quote(v)
        }
    }

    private func unexpected(_ t: Token, _ context: String) -> ParseFailure {
        if t.type == .error {
            var extra = ""
            let tokenLine = lexer.line(of: t.pos)
            if let actionPos, case let actionLine = lexer.line(of: actionPos), actionLine != tokenLine {
                extra = " in action started at \(source.parseName):\(actionLine)"
                if lexer.errorMessage.hasSuffix(" action") {
                    extra = String(extra.dropFirst(" in action".count))
                }
            }
            return errorf("\(describe(t))\(extra)")
        }
        return errorf("unexpected \(describe(t)) in \(context)")
    }

    private mutating func expect(_ type: TokenType, _ context: String) throws -> Token {
        let t = nextNonSpace()
        if t.type != type { throw unexpected(t, context) }
        return t
    }

    // MARK: tree set

    private mutating func add(_ tree: TemplateTree) throws {
        if let i = treeIndex[tree.name] {
            if trees[i].isEmpty {
                trees[i] = tree
                return
            }
            if !tree.isEmpty {
                throw errorf("template: multiple definition of template \(GoStrconv.quote(tree.name))")
            }
            return
        }
        treeIndex[tree.name] = trees.count
        trees.append(tree)
    }

    // MARK: grammar

    private enum Terminator { case end(Token), elseAction(Token) }

    private mutating func parseTop() throws -> ListNode {
        let rootPos = peek().pos
        var nodes: [ItemNode] = []
        while peek().type != .eof {
            if peek().type == .leftDelim {
                let delim = next()
                if nextNonSpace().type == .define {
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            switch try textOrAction() {
            case .item(let n): nodes.append(n)
            case .terminator(.end):
                throw errorf("unexpected {{end}}")
            case .terminator(.elseAction):
                throw errorf("unexpected {{else}}")
            }
        }
        return ListNode(pos: rootPos, source: source, nodes: nodes)
    }

    private mutating func parseDefinition() throws {
        let context = "define clause"
        let nameToken = nextNonSpace()
        guard nameToken.type == .string || nameToken.type == .rawString else {
            throw unexpected(nameToken, context)
        }
        let name: String
        do { name = try GoStrconv.unquote(lexer.text(nameToken)) } catch { throw errorf("invalid syntax") }
        _ = try expect(.rightDelim, context)
        let savedVars = vars
        let savedRange = rangeDepth
        let savedStack = stackDepth
        vars = ["$"]
        rangeDepth = 0
        stackDepth = 0
        let (list, end) = try itemList()
        if case .elseAction = end {
            throw errorf("unexpected {{else}} in \(context)")
        }
        vars = savedVars
        rangeDepth = savedRange
        stackDepth = savedStack
        try add(TemplateTree(name: name, root: list, source: source))
    }

    private mutating func itemList() throws -> (ListNode, Terminator) {
        let listPos = peekNonSpace().pos
        var nodes: [ItemNode] = []
        while peekNonSpace().type != .eof {
            switch try textOrAction() {
            case .item(let n): nodes.append(n)
            case .terminator(let t): return (ListNode(pos: listPos, source: source, nodes: nodes), t)
            }
        }
        throw errorf("unexpected EOF")
    }

    private enum Parsed { case item(ItemNode), terminator(Terminator) }

    private mutating func textOrAction() throws -> Parsed {
        let t = nextNonSpace()
        switch t.type {
        case .text:
            return .item(.text(TextNode(pos: t.pos, source: source, text: lexer.text(t))))
        case .leftDelim:
            actionPos = t.pos
            defer { actionPos = nil }
            return try action()
        case .comment:
            return .item(.comment(CommentNode(pos: t.pos, source: source, text: val(t))))
        default:
            throw unexpected(t, "input")
        }
    }

    private mutating func action() throws -> Parsed {
        let t = nextNonSpace()
        switch t.type {
        case .block: return .item(try blockControl())
        case .breakKeyword: return .item(try breakControl(t, "{{break}}"))
        case .continueKeyword: return .item(try breakControl(t, "{{continue}}"))
        case .elseKeyword: return .terminator(try elseControl())
        case .end: return .terminator(.end(try expect(.rightDelim, "end")))
        case .ifKeyword: return .item(.branch(try parseControl(.ifBranch, "if")))
        case .range: return .item(.branch(try parseControl(.rangeBranch, "range")))
        case .template: return .item(try templateControl())
        case .with: return .item(.branch(try parseControl(.withBranch, "with")))
        default: break
        }
        backup()
        let start = peek()
        let pipe = try pipeline("command", end: .rightDelim)
        return .item(.action(ActionNode(pos: start.pos, source: source, pipe: pipe)))
    }

    private mutating func breakControl(_ t: Token, _ context: String) throws -> ItemNode {
        let n = nextNonSpace()
        if n.type != .rightDelim { throw unexpected(n, context) }
        if rangeDepth == 0 { throw errorf("\(context) outside {{range}}") }
        let node = LiteralNode(pos: t.pos, source: source, text: context)
        return context == "{{break}}" ? .breakAction(node) : .continueAction(node)
    }

    private mutating func pipeline(_ context: String, end: TokenType) throws -> PipeNode {
        let pipePos = peekNonSpace().pos
        var isAssign = false
        var decl: [VariableNode] = []
        var cmds: [CommandNode] = []
        decls: while true {
            let v = peekNonSpace()
            guard v.type == .variable else { break }
            _ = next()
            let tokenAfterVariable = peek()
            let nextTok = peekNonSpace()
            if nextTok.type == .assign || nextTok.type == .declare {
                isAssign = nextTok.type == .assign
                _ = nextNonSpace()
                decl.append(VariableNode(pos: v.pos, source: source, idents: dottedParts(v, dropFirst: false)))
                vars.append(val(v))
            } else if nextTok.type == .char && isByte(nextTok, 0x2C) {
                _ = nextNonSpace()
                decl.append(VariableNode(pos: v.pos, source: source, idents: dottedParts(v, dropFirst: false)))
                vars.append(val(v))
                if context == "range" && decl.count < 2 {
                    switch peekNonSpace().type {
                    case .variable, .rightDelim, .rightParen:
                        continue decls
                    default:
                        throw errorf("range can only initialize variables")
                    }
                }
                throw errorf("too many declarations in \(context)")
            } else if tokenAfterVariable.type == .space {
                backup3(v, tokenAfterVariable)
            } else {
                backup2(v)
            }
            break
        }
        while true {
            let t = nextNonSpace()
            if t.type == end {
                try checkPipeline(cmds, context)
                return PipeNode(pos: pipePos, source: source, isAssign: isAssign, decl: decl, cmds: cmds)
            }
            switch t.type {
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword,
                 .rawString, .string, .variable, .leftParen:
                backup()
                cmds.append(try command())
                if cmds.count > Parser.maxPipelineCmds { throw errorf("pipeline too long") }
            default:
                throw unexpected(t, context)
            }
        }
    }

    private func checkPipeline(_ cmds: [CommandNode], _ context: String) throws {
        if cmds.isEmpty { throw errorf("missing value for \(context)") }
        for (i, c) in cmds.enumerated().dropFirst() {
            switch c.args[0] {
            case .bool, .dot, .nilValue, .number, .string:
                throw errorf("non executable command in pipeline stage \(i + 1)")
            default: break
            }
        }
    }

    private mutating func parseControl(_ kind: BranchKind, _ context: String) throws -> BranchNode {
        let mark = vars.count
        defer { vars.removeSubrange(mark...) }
        let pipe = try pipeline(context, end: .rightDelim)
        if kind == .rangeBranch { rangeDepth += 1 }
        var (list, next) = try itemList()
        if kind == .rangeBranch { rangeDepth -= 1 }
        var elseList: ListNode? = nil
        if case .elseAction(let elseTok) = next {
            if kind == .ifBranch && peek().type == .ifKeyword {
                _ = self.next()
                elseList = ListNode(pos: elseTok.pos, source: source, nodes: [.branch(try parseControl(.ifBranch, "if"))])
            } else if kind == .withBranch && peek().type == .with {
                _ = self.next()
                elseList = ListNode(pos: elseTok.pos, source: source, nodes: [.branch(try parseControl(.withBranch, "with"))])
            } else {
                (list, next) = (list, next)
                let (l, n2) = try itemList()
                if case .elseAction = n2 { throw errorf("expected end; found {{else}}") }
                elseList = l
            }
        }
        return BranchNode(kind: kind, pos: pipe.pos, source: source, pipe: pipe, list: list, elseList: elseList)
    }

    private mutating func elseControl() throws -> Terminator {
        let p = peekNonSpace()
        if p.type == .ifKeyword || p.type == .with {
            return .elseAction(p)
        }
        return .elseAction(try expect(.rightDelim, "else"))
    }

    private mutating func blockControl() throws -> ItemNode {
        let context = "block clause"
        let t = nextNonSpace()
        let name = try parseTemplateName(t, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVars = vars
        let savedRange = rangeDepth
        let savedStack = stackDepth
        vars = ["$"]
        rangeDepth = 0
        stackDepth = 0
        let (list, end) = try itemList()
        if case .elseAction = end { throw errorf("unexpected {{else}} in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        stackDepth = savedStack
        try add(TemplateTree(name: name, root: list, source: source))
        return .template(TemplateNode(pos: t.pos, source: source, name: name, pipe: pipe))
    }

    private mutating func templateControl() throws -> ItemNode {
        let context = "template clause"
        let t = nextNonSpace()
        let name = try parseTemplateName(t, context)
        var pipe: PipeNode? = nil
        if nextNonSpace().type != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(TemplateNode(pos: t.pos, source: source, name: name, pipe: pipe))
    }

    private func parseTemplateName(_ t: Token, _ context: String) throws -> String {
        switch t.type {
        case .string, .rawString:
            do { return try GoStrconv.unquote(lexer.text(t)) } catch { throw errorf("invalid syntax") }
        default:
            throw unexpected(t, context)
        }
    }

    private mutating func command() throws -> CommandNode {
        let cmdPos = peekNonSpace().pos
        var args: [Operand] = []
        while true {
            _ = peekNonSpace()
            if let operand = try operand() {
                args.append(operand)
            }
            let t = next()
            switch t.type {
            case .space:
                continue
            case .rightDelim, .rightParen:
                backup()
            case .pipe:
                break
            default:
                throw unexpected(t, "operand")
            }
            break
        }
        if args.isEmpty { throw errorf("empty command") }
        return CommandNode(pos: cmdPos, source: source, args: args)
    }

    private mutating func operand() throws -> Operand? {
        let first = peekNonSpace()
        if first.type == .field || first.type == .variable {
            return try fieldOrVariableOperand()
        }
        guard let node = try term() else { return nil }
        if peek().type == .field {
            let chainPos = peek().pos
            var fields: [String] = []
            while peek().type == .field {
                appendDottedParts(next(), dropFirst: true, to: &fields)
            }
            switch node {
            case .bool, .string, .number, .nilValue, .dot:
                throw errorf("unexpected . after term \(GoStrconv.quote(node.node.goString))")
            default:
                return .chain(ChainNode(pos: chainPos, source: source, operand: node, fields: fields))
            }
        }
        return node
    }

    /// `operand` for a field or variable term, with any `.field` tokens
    /// after it merged into one node (Go's chain of a field or variable
    /// becomes a field or variable node at the chain's position).
    private mutating func fieldOrVariableOperand() throws -> Operand {
        let t = nextNonSpace()
        var idents: [String] = []
        appendDottedParts(t, dropFirst: t.type == .field, to: &idents)
        if t.type == .variable && !vars.contains(idents[0]) {
            throw errorf("undefined variable \(GoStrconv.quote(idents[0]))")
        }
        var pos = t.pos
        if peek().type == .field {
            pos = peek().pos
            while peek().type == .field {
                appendDottedParts(next(), dropFirst: true, to: &idents)
            }
        }
        if t.type == .field { return .field(FieldNode(pos: pos, source: source, idents: idents)) }
        return .variable(VariableNode(pos: pos, source: source, idents: idents))
    }

    private mutating func term() throws -> Operand? {
        let t = nextNonSpace()
        switch t.type {
        case .identifier:
            let name = val(t)
            if !hasFunction(name) { throw errorf("function \(GoStrconv.quote(name)) not defined") }
            return .identifier(IdentifierNode(pos: t.pos, source: source, name: name))
        case .dot:
            return .dot(LiteralNode(pos: t.pos, source: source, text: "."))
        case .nilKeyword:
            return .nilValue(LiteralNode(pos: t.pos, source: source, text: "nil"))
        case .variable:
            let idents = dottedParts(t, dropFirst: false)
            if !vars.contains(idents[0]) { throw errorf("undefined variable \(GoStrconv.quote(idents[0]))") }
            return .variable(VariableNode(pos: t.pos, source: source, idents: idents))
        case .field:
            return .field(FieldNode(pos: t.pos, source: source, idents: dottedParts(t, dropFirst: true)))
        case .bool:
            let v = val(t)
            return .bool(v == "true", LiteralNode(pos: t.pos, source: source, text: v))
        case .charConstant, .complex, .number:
            do {
                let n = try NumberLiteral(text: val(t), kind: t.type)
                return .number(NumberNode(pos: t.pos, source: source, number: n))
            } catch let f as NumberLiteral.Failure {
                throw errorf(f.message)
            } catch {
                throw errorf("invalid syntax")
            }
        case .leftParen:
            if stackDepth >= Parser.maxStackDepth { throw errorf("max expression depth exceeded") }
            stackDepth += 1
            defer { stackDepth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            let quoted = val(t)
            do {
                let s = try GoStrconv.unquote(lexer.text(t))
                return .string(StringNode(pos: t.pos, source: source, quoted: quoted, text: s))
            } catch {
                throw errorf("invalid syntax")
            }
        default:
            backup()
            return nil
        }
    }
}
