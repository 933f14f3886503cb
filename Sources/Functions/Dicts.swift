import Template
import Values

/// Sprig's dict functions (dict.go) and mergo's merge rules.
///
/// Go maps are references: `set`, `unset`, `merge` and `mergeOverwrite`
/// mutate their argument in place and return it, as in Helm.
enum DictFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("dict", [], variadic: .any) { a, _ in
            var m: [String: Value] = [:]
            var i = 0
            while i < a.count {
                let key = Cast.toString(a[i])
                m[key] = i + 1 < a.count ? a[i + 1] : .string("")
                i += 2
            }
            return .map(m)
        }
        t.add("get", [.map, .string]) { a, _ in a.map(0)[a.string(1)] ?? .string("") }
        t.add("set", [.map, .string, .any]) { a, _ in
            let m = a.mapRef(0)
            m.set(a.string(1), a.arg(2))
            return .map(m)
        }
        t.add("unset", [.map, .string]) { a, _ in
            let m = a.mapRef(0)
            m.remove(a.string(1))
            return .map(m)
        }
        t.add("hasKey", [.map, .string]) { a, _ in .bool(a.map(0)[a.string(1)] != nil) }
        t.add("pluck", [.string], variadic: .map) { a, _ in
            let key = a.string(0)
            return .list(a.rest(from: 1).compactMap { $0.mapValue?[key] })
        }
        t.add("keys", [], variadic: .map) { a, _ in
            .strings(a.flatMap { ($0.mapValue ?? [:]).keys.sorted() })
        }
        t.add("values", [.map]) { a, _ in
            let m = a.map(0)
            return .list(m.keys.sorted().compactMap { m[$0] })
        }
        t.add("pick", [.map], variadic: .string) { a, _ in
            let m = a.map(0)
            var out: [String: Value] = [:]
            for k in a.rest(from: 1).map(Cast.toString) { if let v = m[k] { out[k] = v } }
            return .map(out)
        }
        t.add("omit", [.map], variadic: .string) { a, _ in
            var m = a.map(0)
            for k in a.rest(from: 1).map(Cast.toString) { m.removeValue(forKey: k) }
            return .map(m)
        }
        for (name, overwrite) in [("merge", false), ("mustMerge", false), ("mergeOverwrite", true), ("mustMergeOverwrite", true)] {
            t.add(name, [.map], variadic: .map) { a, _ in
                let dst = a.mapRef(0)
                for case .map(let src) in a.rest(from: 1) { merge(into: dst, src, overwrite: overwrite) }
                return .map(dst)
            }
        }
        t.add("dig", [], variadic: .any) { a, _ in
            guard a.count >= 3 else { throw FunctionError("dig needs at least three arguments") }
            guard case .map(let root) = a[a.count - 1], root.goTypeName == nil else {
                throw FunctionError("interface conversion: interface {} is \(a[a.count - 1].goTypeName), not map[string]interface {}")
            }
            let fallback = a[a.count - 2]
            var keys: [String] = []
            for k in a[..<(a.count - 2)] {
                guard case .string(let s) = k else {
                    throw FunctionError("interface conversion: interface {} is \(k.goTypeName), not string")
                }
                keys.append(s)
            }
            var current = root
            for (i, k) in keys.enumerated() {
                guard let step = current[k] else { return fallback }
                if i == keys.count - 1 { return step }
                guard case .map(let next) = step else {
                    throw FunctionError("interface conversion: interface {} is \(step.goTypeName), not map[string]interface {}")
                }
                current = next
            }
            return fallback
        }
        for name in ["deepCopy", "mustDeepCopy"] {
            t.add(name, [.any]) { a, _ in
                // copystructure reflects on the argument: a nil interface has no type.
                if case .null = a.arg(0) { throw FunctionError("reflect: call of reflect.Value.Type on zero Value") }
                return a.arg(0).deepCopy()
            }
        }
    }

    /// mergo's `deepMerge` for `map[string]interface{}`: nested maps merge,
    /// other values fill absent or empty keys (or always, with `overwrite`,
    /// unless the destination holds a non-empty value and the source a map or slice).
    /// Nested destination maps are merged in place (they are shared, as in Go).
    static func merge(into dst: ValueMap, _ src: ValueMap, overwrite: Bool) {
        let dstWasEmpty = dst.isEmpty
        for (key, srcElement) in src {
            let dstElement = dst[key]
            if case .null = srcElement {
                if overwrite { dst.set(key, .null) }
                continue
            }
            switch srcElement {
            case .map(let srcMap):
                if case .map(let dstMap)? = dstElement, dstMap !== srcMap {
                    merge(into: dstMap, srcMap, overwrite: overwrite)
                }
            case .list:
                if overwrite || dstWasEmpty { dst.set(key, srcElement) }
            default: break
            }
            if let d = dstElement, !GoReflect.isEmpty(d) {
                if case .list = srcElement { continue }
                if case .map = srcElement, case .map = d { continue }
            }
            if overwrite || dstElement == nil || GoReflect.isEmpty(dstElement ?? .null) {
                dst.set(key, srcElement)
            }
        }
    }
}
