import Values

/// Go's predefined template functions (`funcs.go`). Injected functions with
/// the same name take precedence, as in Go.
enum Builtin: String, CaseIterable {
    case and, or, not, call, html, js, urlquery, index, slice, len, print, printf, println
    case eq, ne, lt, le, gt, ge

    var callee: Callee {
        let rv = ArgType.reflectValue
        let any = ArgType.go(.any)
        switch self {
        case .and, .or: return Callee(fixed: Builtin.oneReflectValue, variadic: rv, body: .builtin(self))
        case .not, .len: return Callee(fixed: Builtin.oneReflectValue, variadic: nil, body: .builtin(self))
        case .call, .index, .slice, .eq: return Callee(fixed: Builtin.oneReflectValue, variadic: rv, body: .builtin(self))
        case .html, .js, .urlquery, .print, .println: return Callee(fixed: [], variadic: any, body: .builtin(self))
        case .printf: return Callee(fixed: Builtin.formatString, variadic: any, body: .builtin(self))
        case .ne, .lt, .le, .gt, .ge: return Callee(fixed: Builtin.twoReflectValues, variadic: nil, body: .builtin(self))
        }
    }

    // Parameter lists shared by every call (building them per call allocated).
    private static let oneReflectValue: [ArgType] = [.reflectValue]
    private static let twoReflectValues: [ArgType] = [.reflectValue, .reflectValue]
    private static let formatString: [ArgType] = [.go(.string)]

    func invoke(_ argv: [EValue], calleeName: String) throws -> EValue {
        switch self {
        case .and, .or:
            return argv.last ?? .invalid
        case .not:
            return .concrete(.bool(!argv[0].truth))
        case .call:
            let fn = argv[0].dug
            if !fn.isValid { throw FunctionError("call of nil") }
            throw FunctionError("non-function \(calleeName) of type \(fn.typeName)")
        case .html:
            return .concrete(.string(Escapers.html(Builtin.evalArgs(argv))))
        case .js:
            return .concrete(.string(Escapers.js(Builtin.evalArgs(argv))))
        case .urlquery:
            return .concrete(.string(Escapers.queryEscape(Builtin.evalArgs(argv))))
        case .print:
            return .concrete(.string(GoFormat.sprint(argv.map(\.argument))))
        case .println:
            return .concrete(.string(GoFormat.sprintln(argv.map(\.argument))))
        case .printf:
            guard case .string(let f) = argv[0].value else { return .concrete(.string("")) }
            return .concrete(.string(GoFormat.sprintf(f, argv.dropFirst().map(\.argument))))
        case .len:
            return .concrete(.int(try Builtin.length(argv[0])))
        case .index:
            return try Builtin.index(argv[0], argv.dropFirst())
        case .slice:
            return try Builtin.slice(argv[0], Array(argv.dropFirst()))
        case .eq:
            if argv.count < 2 { throw FunctionError("missing argument for comparison") }
            return .concrete(.bool(try Comparison.eq(argv[0], argv.dropFirst())))
        case .ne:
            return .concrete(.bool(!(try Comparison.eq(argv[0], argv[1...]))))
        case .lt:
            return .concrete(.bool(try Comparison.lt(argv[0], argv[1])))
        case .le:
            return .concrete(.bool(try Comparison.le(argv[0], argv[1])))
        case .gt:
            return .concrete(.bool(!(try Comparison.le(argv[0], argv[1]))))
        case .ge:
            return .concrete(.bool(!(try Comparison.lt(argv[0], argv[1]))))
        }
    }

    /// Go's `evalArgs`: `fmt.Sprint` of the arguments, nil printed as `<no value>`.
    static func evalArgs(_ argv: [EValue]) -> String {
        if argv.count == 1, case .string(let s) = argv[0].value { return s }
        let values: [Value] = argv.map { $0.argument.isNull ? .string("<no value>") : $0.argument }
        return GoFormat.sprint(values)
    }

    static func length(_ item: EValue) throws -> Int {
        if item.isNilInterface { throw FunctionError("len of nil pointer") }
        if !item.isValid { throw FunctionError("reflect: call of reflect.Value.Type on zero Value") }
        switch item.value {
        case .string(let s): return GoBytes.count(of: s)
        case .list(let l, _): return l.count
        case .map(let m): return m.count
        case .bytes(let b): return b.count
        case .object(let o) where o.goKind == "slice" || o.goKind == "map" || o.goKind == "array":
            switch o.jsonValue() {
            case .list(let l, _): return l.count
            case .map(let m): return m.count
            default: break
            }
        default: break
        }
        throw FunctionError("len of type \(item.typeName)")
    }

    private static func indexArg(_ index: EValue, cap: Int) throws -> Int {
        let x: Int64
        switch index.value {
        case .int(let i) where index.isValid: x = Int64(i)
        case .int64(let i) where index.isValid: x = i
        default:
            if !index.isValid || index.value.isNull { throw FunctionError("cannot index slice/array with nil") }
            throw FunctionError("cannot index slice/array with type \(index.typeName)")
        }
        if x < 0 || x > Int64(cap) { throw FunctionError("index out of range: \(x)") }
        return Int(x)
    }

    private static func indexable(_ v: Value) -> Value {
        if case .object(let o) = v, o.goKind == "slice" || o.goKind == "map" || o.goKind == "array" {
            return o.jsonValue()
        }
        return v
    }

    static func index(_ item0: EValue, _ indexes: ArraySlice<EValue>) throws -> EValue {
        var item = item0.dug
        if !item.isValid { throw FunctionError("index of untyped nil") }
        for index0 in indexes {
            let index = index0.dug
            if item.isNilInterface { throw FunctionError("index of nil pointer") }
            switch indexable(item.value) {
            case .list(let l, _):
                let x = try indexArg(index, cap: l.count)
                if x == l.count { throw FunctionError("reflect: slice index out of range") }
                item = .iface(l[x])
            case .bytes(let b):
                let x = try indexArg(index, cap: b.count)
                if x == b.count { throw FunctionError("reflect: slice index out of range") }
                item = .concrete(.int(Int(b[x])))
            case .string(let s):
                let u = GoBytes.bytes(of: s)
                let x = try indexArg(index, cap: u.count)
                if x == u.count { throw FunctionError("reflect: string index out of range") }
                item = .concrete(.int(Int(u[x])))
            case .map(let m):
                guard index.isValid else { throw FunctionError("value is nil; should be of type string") }
                guard case .string(let k) = index.value else {
                    throw FunctionError("value has type \(index.typeName); should be string")
                }
                item = .iface(m[k] ?? .null)
            default:
                throw FunctionError("can't index item of type \(item.typeName)")
            }
        }
        return item
    }

    static func slice(_ item0: EValue, _ indexes: [EValue]) throws -> EValue {
        let item = item0.dug
        if !item.isValid { throw FunctionError("slice of untyped nil") }
        if indexes.count > 3 { throw FunctionError("too many slice indexes: \(indexes.count)") }
        let cap: Int
        switch item.value {
        case .string(let s):
            if indexes.count == 3 { throw FunctionError("cannot 3-index slice a string") }
            cap = GoBytes.count(of: s)
        case .list(let l, _): cap = l.count
        case .bytes(let b): cap = b.count
        default: throw FunctionError("can't slice item of type \(item.typeName)")
        }
        var idx = [0, cap, 0]
        for (i, index) in indexes.enumerated() {
            idx[i] = try indexArg(index.dug, cap: cap)
        }
        if idx[0] > idx[1] { throw FunctionError("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw FunctionError("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch item.value {
        case .string(let s): return .concrete(.string(GoBytes.string(GoBytes.bytes(of: s)[idx[0]..<idx[1]])))
        case .list(let l, let type): return .concrete(.list(Array(l[idx[0]..<idx[1]]), elementType: type))
        case .bytes(let b): return .concrete(.bytes(Array(b[idx[0]..<idx[1]])))
        default: return item
        }
    }
}

/// Go's comparison builtins (`eq`, `lt` …) with their kind rules and errors.
enum Comparison {
    enum Kind { case invalid, bool, complex, int, float, string }

    static func basicKind(_ v: EValue) -> Kind {
        guard v.isValid else { return .invalid }
        switch v.value {
        case .bool: return .bool
        case .int, .int64: return .int
        case .float: return .float
        case .string: return .string
        case .object(let o) where o is GoComplex: return .complex
        default: return .invalid
        }
    }

    private static func intValue(_ v: Value) -> Int64 {
        switch v {
        case .int(let i): return Int64(i)
        case .int64(let i): return i
        default: return 0
        }
    }

    private static func isNil(_ v: EValue) -> Bool { !v.isValid || v.value.isNull }

    private static func kindName(_ v: EValue) -> String {
        guard v.isValid else { return "invalid" }
        switch v.value {
        case .list, .bytes: return "slice"
        case .map: return "map"
        case .object(let o): return o.goKind
        default: return v.value.goKind
        }
    }

    static func eq(_ a0: EValue, _ rest: ArraySlice<EValue>) throws -> Bool {
        let arg1 = a0.dug
        let k1 = basicKind(arg1)
        for a in rest {
            let arg = a.dug
            let k2 = basicKind(arg)
            var truth = false
            if k1 != k2 {
                if arg1.isValid && arg.isValid {
                    throw FunctionError("incompatible types for comparison: \(arg1.typeName) and \(arg.typeName)")
                }
            } else {
                switch k1 {
                case .bool:
                    if case .bool(let x) = arg1.value, case .bool(let y) = arg.value { truth = x == y }
                case .complex:
                    truth = (arg1.value.objectValue as? GoComplex) == (arg.value.objectValue as? GoComplex)
                case .float:
                    if case .float(let x) = arg1.value, case .float(let y) = arg.value { truth = x == y }
                case .int:
                    truth = intValue(arg1.value) == intValue(arg.value)
                case .string:
                    if case .string(let x) = arg1.value, case .string(let y) = arg.value { truth = x == y }
                case .invalid:
                    let kk1 = kindName(arg1), kk2 = kindName(arg)
                    if kk1 != kk2 && arg1.isValid && arg.isValid {
                        throw FunctionError(GoFormat.sprintf("non-comparable types %s: %v, %s: %v",
                                                             [arg1.value, .string(arg1.typeName), .string(arg.typeName), arg.value]))
                    }
                    if isNil(arg1) || isNil(arg) {
                        truth = isNil(arg) == isNil(arg1)
                    } else {
                        switch arg.value {
                        case .list, .map, .bytes:
                            throw FunctionError(GoFormat.sprintf("non-comparable type %s: %v", [arg.value, .string(arg.typeName)]))
                        case .object(let o):
                            if case .object(let p) = arg1.value {
                                truth = o.goTypeName == p.goTypeName && o.formatted() == p.formatted()
                            }
                        default: break
                        }
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    static func lt(_ a1: EValue, _ a2: EValue) throws -> Bool {
        let arg1 = a1.dug
        let k1 = basicKind(arg1)
        if k1 == .invalid { throw FunctionError("invalid type for comparison") }
        let arg2 = a2.dug
        let k2 = basicKind(arg2)
        if k2 == .invalid { throw FunctionError("invalid type for comparison") }
        if k1 != k2 {
            throw FunctionError("incompatible types for comparison: \(arg1.typeName) and \(arg2.typeName)")
        }
        switch (arg1.value, arg2.value) {
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return GoPrinter.goStringLess(x, y)
        default:
            if k1 == .int { return intValue(arg1.value) < intValue(arg2.value) }
            throw FunctionError("invalid type for comparison")
        }
    }

    static func le(_ a1: EValue, _ a2: EValue) throws -> Bool {
        if try lt(a1, a2) { return true }
        return try eq(a1, [a2][...])
    }
}

extension Value {
    var objectValue: (any GoObject)? {
        if case .object(let o) = self { return o }
        return nil
    }
}
