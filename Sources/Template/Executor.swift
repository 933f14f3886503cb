import Values

/// Parameter types the executor converts arguments to: the public
/// `ParameterType`s plus Go's `reflect.Value` (builtins see values as they are).
enum ArgType: Equatable {
    case reflectValue
    case go(ParameterType)

    var name: String {
        switch self {
        case .reflectValue: return "reflect.Value"
        case .go(let t):
            switch t {
            case .any: return "interface {}"
            case .string: return "string"
            case .int: return "int"
            case .int64: return "int64"
            case .float64: return "float64"
            case .bool: return "bool"
            case .list: return "[]interface {}"
            case .map: return "map[string]interface {}"
            case .bytes: return "[]uint8"
            }
        }
    }

    var canBeNil: Bool {
        switch self {
        case .reflectValue: return true
        case .go(let t):
            switch t {
            case .any, .list, .map, .bytes: return true
            default: return false
            }
        }
    }

    var zero: EValue {
        switch self {
        case .reflectValue: return .invalid
        case .go(.list): return .concrete(.list([]))
        case .go(.map): return .concrete(.map([:]))
        case .go(.bytes): return .concrete(.bytes([]))
        default: return .nilInterface
        }
    }

    func accepts(_ v: Value) -> Bool {
        guard case .go(let t) = self else { return true }
        switch (t, v) {
        case (.any, _): return true
        case (.string, .string), (.int, .int), (.int64, .int64), (.float64, .float), (.bool, .bool),
             (.list, .list), (.bytes, .bytes):
            return true
        case (.map, .map(let m)):
            // Named types over map[string]interface{} (common.Values) are assignable;
            // another map type (Sprig's map[string]string) is not.
            return !(m.goTypeName?.hasPrefix("map[") ?? false)
        default: return false
        }
    }
}

/// What a command calls: a builtin, an injected function, or a method of a `GoObject`.
/// Built per call without allocating: the fixed parameter types stay in the
/// form their owner already holds (a builtin's static list, a function's
/// `parameters`, or a method's arity).
struct Callee {
    enum Body {
        case builtin(Builtin)
        case function(TemplateFunction)
        case method(@Sendable ([Value]) throws -> Value)
    }
    enum Fixed {
        case types([ArgType])
        case parameters([ParameterType])
        case anyValues(Int)
    }
    let fixedTypes: Fixed
    let variadic: ArgType?
    let body: Body

    init(fixed: [ArgType], variadic: ArgType?, body: Body) {
        self.fixedTypes = .types(fixed)
        self.variadic = variadic
        self.body = body
    }

    init(function f: TemplateFunction) {
        self.fixedTypes = .parameters(f.parameters)
        self.variadic = f.variadic.map { .go($0) }
        self.body = .function(f)
    }

    init(methodArity arity: Int?, body: @escaping @Sendable ([Value]) throws -> Value) {
        self.fixedTypes = .anyValues(arity ?? 0)
        self.variadic = arity == nil ? .go(.any) : nil
        self.body = .method(body)
    }

    var fixedCount: Int {
        switch fixedTypes {
        case .types(let t): return t.count
        case .parameters(let p): return p.count
        case .anyValues(let n): return n
        }
    }

    func fixed(_ i: Int) -> ArgType {
        switch fixedTypes {
        case .types(let t): return t[i]
        case .parameters(let p): return .go(p[i])
        case .anyValues: return .go(.any)
        }
    }
}

enum Control { case normal, breakLoop, continueLoop }

/// Executes parsed templates: Go's `exec.go` state machine. One executor runs
/// one top-level execution (and the `include`/`tpl` calls made from it).
final class Executor: FunctionContext {
    let set: TemplateSet
    /// `set.functions` and `set.options.missingKey`, read on every call and field.
    private let functions: FunctionTable
    private let missingKey: MissingKeyMode
    var out: [UInt8] = []
    /// The variable stack; a template's variables are those from `varsBase` on
    /// (`include` and `{{template}}` push on the caller's stack instead of
    /// allocating their own).
    private var vars: [(name: String, value: EValue)] = []
    private var varsBase = 0
    /// Output buffers of finished `include` calls, reused by later ones.
    private var spareBuffers: [[UInt8]] = []
    /// The node being evaluated, for error positions. Not retained: every node
    /// belongs to a tree the set (or the `tpl` overlay) keeps alive during the run,
    /// and this is assigned at nearly every step.
    private unowned(unsafe) var node: Node? = nil
    private var tmpl: TemplateTree
    private var depth = 0
    private var includeCounts: [String: Int] = [:]
    /// Nested executions through `include`/`tpl` (bounded to protect the stack).
    private let nesting: NestingCounter

    static let maxExecDepth = 100_000
    static let maxIncludeRepeats = 1000

    final class NestingCounter {
        var level = 0
        static let limit = 10_000
    }

    init(set: TemplateSet, tree: TemplateTree, nesting: NestingCounter = NestingCounter()) {
        self.set = set
        self.functions = set.functions
        self.missingKey = set.options.missingKey
        self.tmpl = tree
        self.nesting = nesting
    }

    // MARK: entry points

    func run(tree: TemplateTree, data: Value) throws {
        let dot: EValue = data.isNull ? .invalid : .concrete(data)
        tmpl = tree
        vars.removeSubrange(varsBase...)
        vars.append(("$", dot))
        node = nil
        _ = try walkList(dot, tree.root)
    }

    func executeTemplate(named name: String, data: Value) throws -> String {
        if let v = includeCounts[name] {
            if v > Executor.maxIncludeRepeats {
                throw FunctionError("rendering template has a nested reference name: \(name): unable to execute template")
            }
            includeCounts[name] = v + 1
        } else {
            includeCounts[name] = 1
        }
        defer { includeCounts[name, default: 1] -= 1 }
        guard let tree = set.tree(named: name) else {
            throw set.noTemplateError(name)
        }
        if nesting.level >= NestingCounter.limit {
            throw FunctionError("exceeded maximum template depth (\(NestingCounter.limit))")
        }
        nesting.level += 1
        let saved = (node, tmpl, depth, varsBase)
        let mark = vars.count
        var callerOutput = spareBuffers.popLast() ?? []
        swap(&out, &callerOutput)
        defer {
            nesting.level -= 1
            swap(&out, &callerOutput)
            callerOutput.removeAll(keepingCapacity: true)
            spareBuffers.append(callerOutput)
            vars.removeSubrange(mark...)
            (node, tmpl, depth, varsBase) = saved
        }
        depth = 0
        varsBase = mark
        try run(tree: tree, data: data)
        return String(decoding: out, as: UTF8.self)
    }

    func executeInline(_ text: String, name: String, data: Value) throws -> String {
        var overlay = set
        guard let tree = try overlay.parseInline(name: name, text: text) else { throw overlay.noTemplateError(name) }
        if nesting.level >= NestingCounter.limit {
            throw FunctionError("exceeded maximum template depth (\(NestingCounter.limit))")
        }
        nesting.level += 1
        defer { nesting.level -= 1 }
        let inner = Executor(set: overlay, tree: tree, nesting: nesting)
        try inner.run(tree: tree, data: data)
        return String(decoding: inner.out, as: UTF8.self)
    }

    // MARK: errors

    func errorf(_ message: String, underlying: (any Error & Sendable)? = nil) -> TemplateError {
        if let n = node {
            let (line, col) = n.source.location(of: n.pos)
            return TemplateError(kind: .execution, file: n.source.parseName, templateName: tmpl.name, line: line,
                                 column: col, context: n.goString, message: message, underlying: underlying)
        }
        return TemplateError(kind: .execution, file: tmpl.source.parseName, templateName: tmpl.name, line: 0,
                             column: nil, context: nil, message: message, underlying: underlying)
    }

    // MARK: variables

    private func setVar(_ name: String, _ value: EValue) throws {
        var i = vars.count - 1
        while i >= varsBase {
            if vars[i].name == name {
                vars[i].value = value
                return
            }
            i -= 1
        }
        throw errorf("undefined variable: \(name)")
    }

    private func varValue(_ name: String) throws -> EValue {
        var i = vars.count - 1
        while i >= varsBase {
            if vars[i].name == name { return vars[i].value }
            i -= 1
        }
        throw errorf("undefined variable: \(name)")
    }

    // MARK: walk

    func walkList(_ dot: EValue, _ list: ListNode) throws -> Control {
        for item in list.nodes {
            let c = try walk(dot, item)
            if c != .normal { return c }
        }
        return .normal
    }

    private func walk(_ dot: EValue, _ item: ItemNode) throws -> Control {
        switch item {
        case .text(let t):
            out.append(contentsOf: t.text)
        case .action(let a):
            node = a
            let v = try evalPipeline(dot, a.pipe)
            if a.pipe.decl.isEmpty {
                node = a
                if v.isValid {
                    GoFormat.appendValue(v.value, to: &out)
                } else {
                    out.append(contentsOf: "<no value>".utf8)
                }
            }
        case .comment:
            break
        case .branch(let b):
            node = b
            if b.kind == .rangeBranch { return try walkRange(dot, b) }
            return try walkIfOrWith(b, dot)
        case .template(let t):
            try walkTemplate(dot, t)
        case .breakAction:
            return .breakLoop
        case .continueAction:
            return .continueLoop
        }
        return .normal
    }

    private func walkIfOrWith(_ b: BranchNode, _ dot: EValue) throws -> Control {
        let mark = vars.count
        defer { vars.removeSubrange(mark...) }
        let val = try evalPipeline(dot, b.pipe)
        if val.truth {
            return try walkList(b.kind == .withBranch ? val : dot, b.list)
        } else if let e = b.elseList {
            return try walkList(dot, e)
        }
        return .normal
    }

    private func walkRange(_ dot: EValue, _ r: BranchNode) throws -> Control {
        node = r
        let mark0 = vars.count
        defer { vars.removeSubrange(mark0...) }
        let val = try evalPipeline(dot, r.pipe).dug
        let mark = vars.count
        let decl = r.pipe.decl
        // Returns false when the loop must stop ({{break}}).
        func oneIteration(_ index: EValue, _ elem: EValue) throws -> Bool {
            if !decl.isEmpty {
                if r.pipe.isAssign {
                    try setVar(decl[0].idents[0], decl.count > 1 ? index : elem)
                } else {
                    vars[vars.count - 1].value = elem
                }
            }
            if decl.count > 1 {
                if r.pipe.isAssign {
                    try setVar(decl[1].idents[0], elem)
                } else {
                    vars[vars.count - 2].value = index
                }
            }
            defer { if vars.count > mark { vars.removeSubrange(mark...) } }
            return try walkList(elem, r.list) != .breakLoop
        }
        var iterated = false
        if val.isValid {
            switch val.value {
            case .list(let l, _):
                for (i, e) in l.enumerated() {
                    iterated = true
                    if try !oneIteration(.concrete(.int(i)), .iface(e)) { break }
                }
            case .map(let m):
                for k in m.keys.sorted(by: GoPrinter.goStringLess) {
                    iterated = true
                    if try !oneIteration(.concrete(.string(k)), .iface(m[k] ?? .null)) { break }
                }
            case .bytes(let b):
                for (i, c) in b.enumerated() {
                    iterated = true
                    if try !oneIteration(.concrete(.int(i)), .concrete(.int(Int(c)))) { break }
                }
            case .int, .int64:
                if decl.count > 1 {
                    throw errorf("can't use \(GoFormat.sprint([val.value])) to iterate over more than one variable")
                }
                let n: Int64
                if case .int(let i) = val.value { n = Int64(i) } else if case .int64(let i) = val.value { n = i } else { n = 0 }
                var i: Int64 = 0
                let isInt64 = { if case .int64 = val.value { return true }; return false }()
                while i < n {
                    iterated = true
                    let elem: EValue = isInt64 ? .concrete(.int64(i)) : .concrete(.int(Int(i)))
                    if try !oneIteration(.invalid, elem) { break }
                    i += 1
                }
            case .object(let o) where o.goKind == "slice" || o.goKind == "map" || o.goKind == "array":
                switch o.jsonValue() {
                case .list(let l, _):
                    for (i, e) in l.enumerated() {
                        iterated = true
                        if try !oneIteration(.concrete(.int(i)), .iface(e)) { break }
                    }
                case .map(let m):
                    for k in m.keys.sorted(by: GoPrinter.goStringLess) {
                        iterated = true
                        if try !oneIteration(.concrete(.string(k)), .iface(m[k] ?? .null)) { break }
                    }
                default:
                    throw errorf("range can't iterate over \(GoFormat.sprint([val.value]))")
                }
            default:
                throw errorf("range can't iterate over \(GoFormat.sprint([val.value]))")
            }
        }
        if iterated { return .normal }
        if let e = r.elseList {
            return try walkList(dot, e)
        }
        return .normal
    }

    private func walkTemplate(_ dot: EValue, _ t: TemplateNode) throws {
        node = t
        guard let tree = set.tree(named: t.name) else {
            throw errorf("template \(GoStrconv.quote(t.name)) not defined")
        }
        if depth == Executor.maxExecDepth {
            throw errorf("exceeded maximum template depth (\(Executor.maxExecDepth))")
        }
        let newDot = try evalPipeline(dot, t.pipe)
        let saved = (tmpl, node, varsBase)
        let mark = vars.count
        depth += 1
        tmpl = tree
        varsBase = mark
        vars.append(("$", newDot))
        defer {
            depth -= 1
            vars.removeSubrange(mark...)
            (tmpl, node, varsBase) = saved
        }
        _ = try walkList(newDot, tree.root)
    }

    // MARK: evaluation

    func evalPipeline(_ dot: EValue, _ pipe: PipeNode?) throws -> EValue {
        guard let pipe else { return .invalid }
        node = pipe
        var value = EValue.missing
        for cmd in pipe.cmds {
            value = try evalCommand(dot, cmd, value)
            if value.state == .iface { value = value.dug }
        }
        for v in pipe.decl {
            if pipe.isAssign {
                try setVar(v.idents[0], value)
            } else {
                vars.append((v.idents[0], value))
            }
        }
        return value
    }

    private func notAFunction(_ args: [Operand], _ final: EValue) throws {
        if args.count > 1 || !final.isMissing {
            throw errorf("can't give argument to non-function \(args[0].node.goString)")
        }
    }

    private func evalCommand(_ dot: EValue, _ cmd: CommandNode, _ final: EValue) throws -> EValue {
        let first = cmd.args[0]
        switch first {
        case .field(let f): return try evalFieldNode(dot, f, cmd.args, final)
        case .chain(let c): return try evalChainNode(dot, c, cmd.args, final)
        case .identifier(let id): return try evalFunction(dot, id, cmd, cmd.args, final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable(let v): return try evalVariableNode(dot, v, cmd.args, final)
        default: break
        }
        node = first.node
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(let b, _): return .concrete(.bool(b))
        case .dot: return dot
        case .nilValue: throw errorf("nil is not a command")
        case .number(let n): return try idealConstant(n)
        case .string(let s): return .concrete(.string(s.text))
        default: throw errorf("can't evaluate command \(GoStrconv.quote(first.node.goString))")
        }
    }

    private func idealConstant(_ n: NumberNode) throws -> EValue {
        node = n
        let c = n.number
        if c.isComplex {
            return .concrete(.object(GoComplex(real: c.complexReal, imag: c.complexImag)))
        }
        let t = Array(c.text.utf8)
        let isHexInt = t.count > 2 && t[0] == 0x30 && (t[1] | 0x20) == 0x78 && !t.contains(where: { $0 | 0x20 == 0x70 })
        let isRuneInt = t.first == 0x27
        if c.isFloat && !isHexInt && !isRuneInt && t.contains(where: { $0 == 0x2E || $0 | 0x20 == 0x65 || $0 | 0x20 == 0x70 }) {
            return .concrete(.float(c.float64))
        }
        if c.isInt { return .concrete(.int(Int(c.int64))) }
        if c.isUint { throw errorf("\(c.text) overflows int") }
        return .invalid
    }

    private func evalFieldNode(_ dot: EValue, _ field: FieldNode, _ args: [Operand]?, _ final: EValue) throws -> EValue {
        node = field
        return try evalFieldChain(dot, dot, field, field.idents[...], args, final)
    }

    private func evalChainNode(_ dot: EValue, _ chain: ChainNode, _ args: [Operand]?, _ final: EValue) throws -> EValue {
        node = chain
        if chain.fields.isEmpty { throw errorf("internal error: no fields in evalChainNode") }
        if case .nilValue = chain.operand { throw errorf("indirection through explicit nil in \(chain.goString)") }
        let pipe = try evalArg(dot, nil, chain.operand)
        return try evalFieldChain(dot, pipe, chain, chain.fields[...], args, final)
    }

    private func evalVariableNode(_ dot: EValue, _ variable: VariableNode, _ args: [Operand]?, _ final: EValue) throws -> EValue {
        node = variable
        let value = try varValue(variable.idents[0])
        if variable.idents.count == 1 {
            try notAFunction(args ?? [], final)
            return value
        }
        return try evalFieldChain(dot, value, variable, variable.idents[1...], args, final)
    }

    private func evalFieldChain(_ dot: EValue, _ receiver: EValue, _ n: Node, _ ident: ArraySlice<String>,
                                _ args: [Operand]?, _ final: EValue) throws -> EValue {
        var receiver = receiver
        let last = ident.endIndex - 1
        var i = ident.startIndex
        while i < last {
            receiver = try evalField(dot, ident[i], n, nil, .missing, receiver)
            i += 1
        }
        return try evalField(dot, ident[last], n, args, final, receiver)
    }

    private func evalFunction(_ dot: EValue, _ id: IdentifierNode, _ cmd: Node, _ args: [Operand]?, _ final: EValue) throws -> EValue {
        node = id
        let name = id.name
        if let f = functions[name] {
            return try evalCall(dot, Callee(function: f), cmd, name, args, final)
        }
        if let b = Builtin(rawValue: name) {
            return try evalCall(dot, b.callee, cmd, name, args, final)
        }
        throw errorf("\(GoStrconv.quote(name)) is not a defined function")
    }

    private func evalField(_ dot: EValue, _ fieldName: String, _ n: Node, _ args: [Operand]?, _ final: EValue,
                           _ receiver: EValue) throws -> EValue {
        if !receiver.isValid {
            if missingKey == .error {
                throw errorf("nil data; no entry for key \(GoStrconv.quote(fieldName))")
            }
            return .invalid
        }
        if receiver.isNilInterface {
            throw errorf("nil pointer evaluating \(receiver.typeName).\(fieldName)")
        }
        let hasArgs = (args?.count ?? 0) > 1 || !final.isMissing
        switch receiver.value {
        case .object(let o):
            switch o.member(fieldName) {
            case .method(let arity, let body)?:
                return try evalCall(dot, Callee(methodArity: arity, body: body), n, fieldName, args, final)
            case .field(let v)?:
                if hasArgs { throw errorf("\(fieldName) has arguments but cannot be invoked as function") }
                return v.isNull ? .nilInterface : .concrete(v)
            case nil:
                break
            }
        case .map(let m):
            if hasArgs { throw errorf("\(fieldName) is not a method but has arguments") }
            if let v = m[fieldName] { return .iface(v) }
            switch missingKey {
            case .invalid: return .invalid
            case .zero: return .nilInterface
            case .error: throw errorf("map has no entry for key \(GoStrconv.quote(fieldName))")
            }
        default:
            break
        }
        throw errorf("can't evaluate field \(fieldName) in type \(receiver.typeName)")
    }

    // MARK: calls

    private func evalCall(_ dot: EValue, _ callee: Callee, _ callNode: Node, _ name: String, _ args: [Operand]?,
                          _ final: EValue) throws -> EValue {
        let argNodes: ArraySlice<Operand> = args?.dropFirst() ?? []
        var numIn = argNodes.count
        if !final.isMissing { numIn += 1 }
        var numFixed = argNodes.count
        let fixedCount = callee.fixedCount
        if callee.variadic != nil {
            numFixed = fixedCount
            if numIn < numFixed {
                throw errorf("wrong number of args for \(name): want at least \(fixedCount) got \(argNodes.count)")
            }
        } else if numIn != fixedCount {
            throw errorf("wrong number of args for \(name): want \(fixedCount) got \(numIn)")
        }

        if case .builtin(let b) = callee.body, b == .and || b == .or {
            var v = EValue.invalid
            for arg in argNodes {
                v = try evalArg(dot, .reflectValue, arg)
                if v.truth == (b == .or) { return v }
            }
            if !final.isMissing {
                v = try validateType(final, .reflectValue)
            }
            return v
        }

        // Go's evalCall: fixed arguments, then variadic ones, then the piped final value.
        func evaluateArguments(_ append: (EValue) -> Void) throws {
            var i = 0
            let base = argNodes.startIndex
            while i < numFixed && i < argNodes.count {
                append(try evalArg(dot, callee.fixed(i), argNodes[base + i]))
                i += 1
            }
            if let variadic = callee.variadic {
                while i < argNodes.count {
                    append(try evalArg(dot, variadic, argNodes[base + i]))
                    i += 1
                }
            }
            if !final.isMissing {
                var t = fixedCount > 0 ? callee.fixed(fixedCount - 1) : .go(.any)
                if let variadic = callee.variadic {
                    t = numIn - 1 < numFixed ? callee.fixed(numIn - 1) : variadic
                }
                append(try validateType(final, t))
            }
        }

        switch callee.body {
        case .builtin(let b):
            var argv: [EValue] = []
            argv.reserveCapacity(numIn)
            try evaluateArguments { argv.append($0) }
            var calleeName = ""
            if b == .call, let first = argNodes.first { calleeName = first.node.goString }
            return try callReporting(name, callNode) { try b.invoke(argv, calleeName: calleeName) }
        case .function(let f):
            var values: [Value] = []
            values.reserveCapacity(numIn)
            try evaluateArguments { values.append($0.value) }
            return .iface(try callReporting(name, callNode) { try f.body(values, self) })
        case .method(let body):
            var values: [Value] = []
            values.reserveCapacity(numIn)
            try evaluateArguments { values.append($0.value) }
            return .iface(try callReporting(name, callNode) { try body(values) })
        }
    }

    /// Runs a callee's body, reporting its failure as Go's `error calling NAME: …`.
    @inline(__always)
    private func callReporting<T>(_ name: String, _ callNode: Node, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            node = callNode
            throw errorf("error calling \(name): \(Executor.message(of: error))", underlying: error)
        }
    }

    static func message(of error: any Error) -> String {
        if let e = error as? CustomStringConvertible { return e.description }
        return "\(error)"
    }

    private func evalArg(_ dot: EValue, _ typ: ArgType?, _ n: Operand) throws -> EValue {
        node = n.node
        switch n {
        case .dot:
            return try validateType(dot, typ)
        case .nilValue:
            guard let typ else { return .invalid }
            if typ.canBeNil { return typ.zero }
            throw errorf("cannot assign nil to \(typ.name)")
        case .field(let f):
            return try validateType(try evalFieldNode(dot, f, [n], .missing), typ)
        case .variable(let v):
            return try validateType(try evalVariableNode(dot, v, nil, .missing), typ)
        case .pipe(let p):
            return try validateType(try evalPipeline(dot, p), typ)
        case .identifier(let id):
            return try validateType(try evalFunction(dot, id, id, nil, .missing), typ)
        case .chain(let c):
            return try validateType(try evalChainNode(dot, c, nil, .missing), typ)
        default:
            break
        }
        guard let typ else { return try evalEmptyInterface(dot, n) }
        switch typ {
        case .reflectValue, .go(.any):
            return try evalEmptyInterface(dot, n)
        case .go(.bool):
            if case .bool(let b, _) = n { return .concrete(.bool(b)) }
            throw errorf("expected bool; found \(n.node.goString)")
        case .go(.string):
            if case .string(let s) = n { return .concrete(.string(s.text)) }
            throw errorf("expected string; found \(n.node.goString)")
        case .go(.int), .go(.int64):
            if case .number(let num) = n, num.number.isInt {
                return typ == .go(.int) ? .concrete(.int(Int(num.number.int64))) : .concrete(.int64(num.number.int64))
            }
            throw errorf("expected integer; found \(n.node.goString)")
        case .go(.float64):
            if case .number(let num) = n, num.number.isFloat { return .concrete(.float(num.number.float64)) }
            throw errorf("expected float; found \(n.node.goString)")
        case .go(.list), .go(.map), .go(.bytes):
            throw errorf("can't handle \(n.node.goString) for arg of type \(typ.name)")
        }
    }

    private func evalEmptyInterface(_ dot: EValue, _ n: Operand) throws -> EValue {
        node = n.node
        switch n {
        case .bool(let b, _): return .concrete(.bool(b))
        case .dot: return dot
        case .field(let f): return try evalFieldNode(dot, f, nil, .missing)
        case .identifier(let id): return try evalFunction(dot, id, id, nil, .missing)
        case .nilValue: throw errorf("evalEmptyInterface: nil (can't happen)")
        case .number(let num): return try idealConstant(num)
        case .string(let s): return .concrete(.string(s.text))
        case .variable(let v): return try evalVariableNode(dot, v, nil, .missing)
        case .pipe(let p): return try evalPipeline(dot, p)
        case .chain: throw errorf("can't handle assignment of \(n.node.goString) to empty interface argument")
        }
    }

    private func validateType(_ value: EValue, _ typ: ArgType?) throws -> EValue {
        if !value.isValid {
            guard let typ else { return .invalid }
            if typ.canBeNil { return typ.zero }
            throw errorf("invalid value; expected \(typ.name)")
        }
        guard let typ else { return value }
        switch typ {
        case .reflectValue, .go(.any):
            return value
        default:
            if value.isNilInterface {
                throw errorf("wrong type for value; expected \(typ.name); got interface {}")
            }
            if typ.accepts(value.value) { return EValue(value: value.value, state: .concrete) }
            throw errorf("wrong type for value; expected \(typ.name); got \(value.value.goTypeName)")
        }
    }
}
