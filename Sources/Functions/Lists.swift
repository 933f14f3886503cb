import Template
import Values

/// Sprig's list functions (list.go). Non-`must` variants turn errors into
/// template errors too, because Sprig panics there.
enum ListFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("list", [], variadic: .any) { a, _ in .list(a) }
        t.add("tuple", [], variadic: .any) { a, _ in .list(a) }
        for name in ["append", "push", "mustAppend", "mustPush"] {
            t.add(name, [.any, .any]) { a, _ in
                let l = try elements(a.arg(0), "Cannot push on type %s")
                return .list(l + [a.arg(1)])
            }
        }
        for name in ["prepend", "mustPrepend"] {
            t.add(name, [.any, .any]) { a, _ in
                let l = try elements(a.arg(0), "Cannot prepend on type %s")
                return .list([a.arg(1)] + l)
            }
        }
        for name in ["first", "mustFirst"] {
            t.add(name, [.any]) { a, _ in
                let l = try elements(a.arg(0), "Cannot find first on type %s")
                return l.first ?? .null
            }
        }
        for name in ["last", "mustLast"] {
            t.add(name, [.any]) { a, _ in
                let l = try elements(a.arg(0), "Cannot find last on type %s")
                return l.last ?? .null
            }
        }
        for name in ["rest", "mustRest"] {
            t.add(name, [.any]) { a, _ in
                let l = try elements(a.arg(0), "Cannot find rest on type %s")
                return .list(Array(l.dropFirst()))
            }
        }
        for name in ["initial", "mustInitial"] {
            t.add(name, [.any]) { a, _ in
                let l = try elements(a.arg(0), "Cannot find initial on type %s")
                return .list(Array(l.dropLast()))
            }
        }
        for name in ["reverse", "mustReverse"] {
            t.add(name, [.any]) { a, _ in .list(try elements(a.arg(0), "Cannot find reverse on type %s").reversed()) }
        }
        for name in ["uniq", "mustUniq"] {
            t.add(name, [.any]) { a, _ in
                var out: [Value] = []
                for v in try elements(a.arg(0), "Cannot find uniq on type %s") where !out.contains(where: { GoReflect.deepEqual($0, v) }) {
                    out.append(v)
                }
                return .list(out)
            }
        }
        for name in ["without", "mustWithout"] {
            t.add(name, [.any], variadic: .any) { a, _ in
                let omit = a.rest(from: 1)
                let l = try elements(a.arg(0), "Cannot find without on type %s")
                return .list(l.filter { v in !omit.contains { GoReflect.deepEqual($0, v) } })
            }
        }
        for name in ["has", "mustHas"] {
            t.add(name, [.any, .any]) { a, _ in
                if a.arg(1).isNull { return .bool(false) }
                let l = try elements(a.arg(1), "Cannot find has on type %s")
                return .bool(l.contains { GoReflect.deepEqual($0, a.arg(0)) })
            }
        }
        for name in ["compact", "mustCompact"] {
            t.add(name, [.any]) { a, _ in
                .list(try elements(a.arg(0), "Cannot compact on type %s").filter { !GoReflect.isEmpty($0) })
            }
        }
        for name in ["slice", "mustSlice"] {
            t.add(name, [.any], variadic: .any) { a, _ in
                let l = try elements(a.arg(0), "list should be type of slice or array but %s")
                if l.isEmpty { return .null }
                let indices = a.rest(from: 1)
                let start = indices.isEmpty ? 0 : Cast.toInt(indices[0])
                let end = indices.count < 2 ? l.count : Cast.toInt(indices[1])
                guard start >= 0, end >= start, end <= l.count else {
                    throw FunctionError("reflect.Value.Slice: slice index out of bounds")
                }
                // reflect's Slice keeps the slice type ([]string stays []string).
                guard case .list(_, let type) = a.arg(0) else { return .list(Array(l[start..<end])) }
                return .list(Array(l[start..<end]), elementType: type)
            }
        }
        for name in ["chunk", "mustChunk"] {
            t.add(name, [.int, .any]) { a, _ in
                let size = a.int(0)
                let l = try elements(a.arg(1), "Cannot chunk type %s")
                guard size > 0 else { throw FunctionError("runtime error: makeslice: len out of range") }
                var out: [Value] = []
                var i = 0
                while i < l.count {
                    out.append(.list(Array(l[i..<min(i + size, l.count)])))
                    i += size
                }
                return .list(out)
            }
        }
        t.add("concat", [], variadic: .any) { a, _ in
            var out: [Value] = []
            for v in a {
                guard let l = GoReflect.sliceElements(v) else {
                    if v.isNull { throw GoReflect.nilDereference }
                    throw FunctionError("Cannot concat type \(v.goKind) as list")
                }
                out.append(contentsOf: l)
            }
            return .list(out)
        }
    }

    /// The slice behind `v`, or Sprig's error (`%s` is the Go kind); nil has no
    /// kind and makes Sprig dereference a nil type.
    static func elements(_ v: Value, _ message: String) throws -> [Value] {
        if let l = GoReflect.sliceElements(v) { return l }
        if v.isNull { throw GoReflect.nilDereference }
        throw FunctionError(StringFunctions.replaceAll(message, "%s", v.goKind))
    }
}
