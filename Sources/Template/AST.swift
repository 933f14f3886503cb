import Values
/// The text a template tree was parsed from, for error positions
/// (Go's `Tree.text` and `Tree.ParseName`).
final class SourceText: Sendable {
    let parseName: String
    let bytes: [UInt8]

    init(parseName: String, bytes: [UInt8]) {
        self.parseName = parseName
        self.bytes = bytes
    }

    /// Go's `Tree.ErrorContext` location: `name:line:byteColumn` (column 0-based as in Go).
    func location(of pos: Int) -> (line: Int, column: Int) {
        let p = min(max(pos, 0), bytes.count)
        var line = 1
        var lastNewline = -1
        for i in 0..<p where bytes[i] == 0x0A {
            line += 1
            lastNewline = i
        }
        return (line, lastNewline == -1 ? p : p - (lastNewline + 1))
    }
}

/// A parse-tree node: position in its source and Go's `String()` rendering.
/// Nodes are immutable once the parser returns them.
///
/// Nodes are only reachable through the `TemplateTree` they were parsed
/// into, which holds their `SourceText` strongly; so a node does not retain
/// it (a retain and a release per node saved on every parse and teardown).
class Node: @unchecked Sendable {
    let pos: Int
    unowned(unsafe) let source: SourceText

    init(pos: Int, source: SourceText) {
        self.pos = pos
        self.source = source
    }

    func write(_ s: inout String) {}

    var goString: String {
        var s = ""
        write(&s)
        return s
    }
}

final class ListNode: Node, @unchecked Sendable {
    let nodes: [ItemNode]
    init(pos: Int, source: SourceText, nodes: [ItemNode]) {
        self.nodes = nodes
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { for n in nodes { n.node.write(&s) } }
}

final class TextNode: Node, @unchecked Sendable {
    /// A slice of the source text (no copy).
    let text: ArraySlice<UInt8>
    init(pos: Int, source: SourceText, text: ArraySlice<UInt8>) {
        self.text = text
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { s += String(decoding: text, as: UTF8.self) }
}

final class CommentNode: Node, @unchecked Sendable {
    let text: String
    init(pos: Int, source: SourceText, text: String) {
        self.text = text
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { s += "{{" + text + "}}" }
}

final class PipeNode: Node, @unchecked Sendable {
    let isAssign: Bool
    let decl: [VariableNode]
    let cmds: [CommandNode]
    init(pos: Int, source: SourceText, isAssign: Bool, decl: [VariableNode], cmds: [CommandNode]) {
        self.isAssign = isAssign
        self.decl = decl
        self.cmds = cmds
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) {
        if !decl.isEmpty {
            for (i, v) in decl.enumerated() {
                if i > 0 { s += ", " }
                v.write(&s)
            }
            s += isAssign ? " = " : " := "
        }
        for (i, c) in cmds.enumerated() {
            if i > 0 { s += " | " }
            c.write(&s)
        }
    }
}

final class ActionNode: Node, @unchecked Sendable {
    let pipe: PipeNode
    init(pos: Int, source: SourceText, pipe: PipeNode) {
        self.pipe = pipe
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) {
        s += "{{"
        pipe.write(&s)
        s += "}}"
    }
}

final class CommandNode: Node, @unchecked Sendable {
    let args: [Operand]
    init(pos: Int, source: SourceText, args: [Operand]) {
        self.args = args
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) {
        for (i, a) in args.enumerated() {
            if i > 0 { s += " " }
            if case .pipe(let p) = a {
                s += "("
                p.write(&s)
                s += ")"
            } else {
                a.node.write(&s)
            }
        }
    }
}

final class IdentifierNode: Node, @unchecked Sendable {
    let name: String
    init(pos: Int, source: SourceText, name: String) {
        self.name = name
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { s += name }
}

/// `$x.a.b`: `idents[0]` is the variable name including `$`.
final class VariableNode: Node, @unchecked Sendable {
    let idents: [String]
    init(pos: Int, source: SourceText, idents: [String]) {
        self.idents = idents
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { s += idents.joined(separator: ".") }
}

final class FieldNode: Node, @unchecked Sendable {
    let idents: [String]
    init(pos: Int, source: SourceText, idents: [String]) {
        self.idents = idents
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { for id in idents { s += "." + id } }
}

final class ChainNode: Node, @unchecked Sendable {
    let operand: Operand
    let fields: [String]
    init(pos: Int, source: SourceText, operand: Operand, fields: [String]) {
        self.operand = operand
        self.fields = fields
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) {
        if case .pipe(let p) = operand {
            s += "("
            p.write(&s)
            s += ")"
        } else {
            operand.node.write(&s)
        }
        for f in fields { s += "." + f }
    }
}

final class LiteralNode: Node, @unchecked Sendable {
    let text: String
    init(pos: Int, source: SourceText, text: String) {
        self.text = text
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { s += text }
}

final class NumberNode: Node, @unchecked Sendable {
    let number: NumberLiteral
    init(pos: Int, source: SourceText, number: NumberLiteral) {
        self.number = number
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { s += number.text }
}

final class StringNode: Node, @unchecked Sendable {
    let quoted: String
    let text: String
    init(pos: Int, source: SourceText, quoted: String, text: String) {
        self.quoted = quoted
        self.text = text
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) { s += quoted }
}

enum BranchKind: Sendable { case ifBranch, rangeBranch, withBranch }

final class BranchNode: Node, @unchecked Sendable {
    let kind: BranchKind
    let pipe: PipeNode
    let list: ListNode
    let elseList: ListNode?
    init(kind: BranchKind, pos: Int, source: SourceText, pipe: PipeNode, list: ListNode, elseList: ListNode?) {
        self.kind = kind
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) {
        switch kind {
        case .ifBranch: s += "{{if "
        case .rangeBranch: s += "{{range "
        case .withBranch: s += "{{with "
        }
        pipe.write(&s)
        s += "}}"
        list.write(&s)
        if let e = elseList {
            s += "{{else}}"
            e.write(&s)
        }
        s += "{{end}}"
    }
}

final class TemplateNode: Node, @unchecked Sendable {
    let name: String
    let pipe: PipeNode?
    init(pos: Int, source: SourceText, name: String, pipe: PipeNode?) {
        self.name = name
        self.pipe = pipe
        super.init(pos: pos, source: source)
    }
    override func write(_ s: inout String) {
        s += "{{template " + GoStrconv.quote(name)
        if let p = pipe {
            s += " "
            p.write(&s)
        }
        s += "}}"
    }
}

/// A node of a template body.
enum ItemNode: Sendable {
    case text(TextNode)
    case action(ActionNode)
    case comment(CommentNode)
    case branch(BranchNode)
    case template(TemplateNode)
    case breakAction(LiteralNode)
    case continueAction(LiteralNode)

    var node: Node {
        switch self {
        case .text(let n): return n
        case .action(let n): return n
        case .comment(let n): return n
        case .branch(let n): return n
        case .template(let n): return n
        case .breakAction(let n): return n
        case .continueAction(let n): return n
        }
    }
}

/// An argument or first word of a command.
enum Operand: Sendable {
    case field(FieldNode)
    case chain(ChainNode)
    case identifier(IdentifierNode)
    case pipe(PipeNode)
    case variable(VariableNode)
    case dot(LiteralNode)
    case nilValue(LiteralNode)
    case bool(Bool, LiteralNode)
    case number(NumberNode)
    case string(StringNode)

    var node: Node {
        switch self {
        case .field(let n): return n
        case .chain(let n): return n
        case .identifier(let n): return n
        case .pipe(let n): return n
        case .variable(let n): return n
        case .dot(let n): return n
        case .nilValue(let n): return n
        case .bool(_, let n): return n
        case .number(let n): return n
        case .string(let n): return n
        }
    }
}

/// One parsed template (Go's `parse.Tree`): a file or a `define`/`block` body.
final class TemplateTree: Sendable {
    let name: String
    let root: ListNode
    let source: SourceText

    init(name: String, root: ListNode, source: SourceText) {
        self.name = name
        self.root = root
        self.source = source
    }

    /// Go's `parse.IsEmptyTree`: only whitespace text and comments.
    var isEmpty: Bool { TemplateTree.isEmpty(root) }

    static func isEmpty(_ list: ListNode) -> Bool {
        for n in list.nodes {
            switch n {
            case .comment: continue
            case .text(let t):
                if t.text.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C) }) {
                    return false
                }
            default: return false
            }
        }
        return true
    }
}
