import Template
import Values

/// Sprig's defaults.go: `default`, `empty`, `coalesce`, `all`, `any`, `ternary`.
/// (The JSON functions live in HelmFunctions.swift with Helm's own.)
enum DefaultFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("default", [.any], variadic: .any) { a, _ in
            let given = a.rest(from: 1)
            guard let first = given.first, !GoReflect.isEmpty(first) else { return a.arg(0) }
            return first
        }
        t.add("empty", [.any]) { a, _ in .bool(GoReflect.isEmpty(a.arg(0))) }
        t.add("coalesce", [], variadic: .any) { a, _ in a.first { !GoReflect.isEmpty($0) } ?? .null }
        t.add("all", [], variadic: .any) { a, _ in .bool(a.allSatisfy { !GoReflect.isEmpty($0) }) }
        t.add("any", [], variadic: .any) { a, _ in .bool(a.contains { !GoReflect.isEmpty($0) }) }
        t.add("ternary", [.any, .any, .bool]) { a, _ in a.bool(2) ? a.arg(0) : a.arg(1) }
    }
}
